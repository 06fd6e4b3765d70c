import { expect, test } from "./fixtures";
import { TokenizerPage } from "./pages/tokenizer";
import { useTheme } from "./support/theme";

/**
 * Screenshots of the tokenizer in both themes, for review (`SCREENSHOTS=1 npx playwright test
 * e2e/tokenizer-screenshots.spec.ts`). Written to test-results/screenshots/; asserts nothing else.
 */
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");

const SAMPLE = [
  "Tokenizers split text into tokens: “hello world” is 2 tokens, but 東京都 or 👩🏽‍💻 may take several.",
  "",
  "export function fib(n: number): number {",
  "\treturn n < 2 ? n : fib(n - 1) + fib(n - 2); // ¿qué tal?",
  "}",
  '{"model": "gpt-4o", "input": "Привет, мир!"}   <|endoftext|>',
].join("\n");

for (const theme of ["light", "dark"] as const) {
  test(`tokenizer screenshots, ${theme}`, async ({ page, signIn }) => {
    await page.setViewportSize({ width: 1360, height: 1000 });
    await signIn(page);
    const tk = new TokenizerPage(page);
    await tk.fresh();
    await useTheme(page, theme);
    await tk.goto();
    await tk.type(SAMPLE);
    await tk.tokens();
    await tk.segment(12).hover();
    await expect(page.getByTestId("token-tooltip")).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/tokenizer-text-${theme}.png`, fullPage: true });
    await page.getByTestId("allow-special").check();
    await tk.tokens();
    await page.mouse.move(0, 0);
    await tk.view().screenshot({ path: `test-results/screenshots/tokenizer-view-${theme}.png` });
    await page.getByTestId("allow-special").uncheck();
    await tk.showAs("ids");
    await page.getByTestId("ids-input").fill("[24912, 2375, 0, 199999]");
    await expect(page.getByTestId("decoded-text")).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/tokenizer-ids-${theme}.png`, fullPage: true });
    await tk.showAs("text");
    await page.getByTestId("share-button").click();
    await page.getByLabel("Title (optional)").fill("How the sample splits");
    await page.getByTestId("create-share").click();
    const link = await page.getByTestId("share-link").inputValue();
    await page.goto(link);
    await expect(page.getByTestId("token-view")).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/tokenizer-shared-${theme}.png`, fullPage: true });
    await tk.goto();
    await tk.mode("chat");
    await page.getByTestId("chat-message").nth(1).getByRole("textbox").fill("What is the weather in Paris?");
    await page.getByTestId("tools-input").fill(
      JSON.stringify(
        [
          {
            type: "function",
            function: {
              name: "get_weather",
              parameters: { type: "object", properties: { city: { type: "string" } } },
            },
          },
        ],
        null,
        2,
      ),
    );
    await page.getByTestId("exact-count").click();
    await expect(page.getByTestId("exact-result")).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/tokenizer-chat-${theme}.png`, fullPage: true });
  });
}
