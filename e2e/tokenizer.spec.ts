import { get_encoding } from "tiktoken";
import { mixedText } from "../bench/mixed-text";
import { expect, test } from "./fixtures";
import { TokenizerPage } from "./pages/tokenizer";
import { emulator } from "./support/emulator";

test("counts a known text, shows its tokens, and switching the encoding changes the ids", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  await tk.type("hello world");
  expect(await tk.tokens()).toBe(2);
  await expect(tk.stat("chars")).toHaveText("11");
  await expect(tk.stat("words")).toHaveText("2");
  await expect(tk.stat("per-token")).toHaveText("5.50");
  await expect(tk.stat("cost-input")).toContainText("$");
  await expect(tk.stat("cost-output")).toContainText("$");
  await expect(page.getByTestId("encoding-note")).toHaveAttribute("data-source", "model");
  await expect(page.getByTestId("encoding-note")).toContainText("o200k_base");
  // Segments are the tokens' characters, with the space made visible.
  await expect(tk.segment(0)).toHaveText("hello");
  await expect(tk.segment(1)).toHaveText("·world");
  expect(await tk.idsShown()).toEqual([24912, 2375]);

  await tk.encoding("cl100k_base");
  await expect(page.getByTestId("encoding-note")).toHaveAttribute("data-source", "override");
  await expect.poll(() => tk.idsShown()).toEqual([15339, 1917]);
  await tk.encoding("r50k_base");
  await expect.poll(() => tk.idsShown()).toEqual([31373, 995]);

  // Hovering a token shows its id and bytes; so does focusing the view and using the arrow keys.
  await tk.segment(1).hover();
  const tooltip = page.getByTestId("token-tooltip");
  await expect(tooltip).toContainText("id 995");
  await expect(tooltip).toContainText("20 77 6F 72 6C 64");
  await page.mouse.move(0, 0);
  await tk.view().focus();
  await page.keyboard.press("ArrowRight");
  await expect(tooltip).toContainText("id 31373");
  await expect(tk.segment(0)).toHaveClass(/tok-active/);

  // The draft survives a reload.
  await page.reload();
  await expect(tk.textBox()).toHaveText("hello world");
  await expect(page.getByTestId("tokenizer-encoding")).toHaveValue("r50k_base");
});

test("emoji and CJK split across tokens render whole", async ({ page, signIn }) => {
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  await tk.encoding("r50k_base");
  const text = "👩🏽‍💻 東京";
  await tk.type(text);
  const enc = get_encoding("r50k_base");
  const expected = enc.encode(text).length;
  enc.free();
  expect(await tk.tokens()).toBe(expected);
  // Fewer segments than tokens: the split characters are grouped, and no replacement character shows.
  const segments = await tk.view().locator("[data-seg]").allTextContents();
  expect(segments.length).toBeLessThan(expected);
  expect(segments.join("")).not.toContain("\ufffd");
  expect(segments.join("")).toContain("東");
  await expect(tk.view().locator(".tok-split").first()).toBeVisible();
});

test("token ids decode back to text, and invalid lists say what is wrong", async ({ page, signIn }) => {
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  await tk.encoding("cl100k_base");
  const ids = page.getByTestId("ids-input");
  await ids.fill("[15339, 1917]");
  await expect(page.getByTestId("decoded-text")).toHaveValue("hello world");
  await ids.fill("15339 1917, 0");
  await expect(page.getByTestId("decoded-text")).toHaveValue("hello world!");
  await ids.fill("[15339, abc]");
  await expect(page.getByTestId("decode-error")).toContainText('Item 2, "abc", is not a token id');
  await ids.fill("[15339, 999999]");
  await expect(page.getByTestId("decode-error")).toContainText(
    "Token id 999999 (item 2 of 2) is not in cl100k_base",
  );
  await ids.fill("[15339, -1");
  await expect(page.getByTestId("decode-error")).toContainText("no closing");
  // The same ids mean something else in another encoding.
  await ids.fill("[24912, 2375]");
  await tk.encoding("o200k_base");
  await expect(page.getByTestId("decoded-text")).toHaveValue("hello world");
  await page.getByRole("button", { name: "Tokenize this text" }).click();
  await expect(tk.textBox()).toHaveText("hello world");
  expect(await tk.tokens()).toBe(2);
});

test("special tokens are plain text and flagged unless allowed, then shown as special", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  await tk.type("Hi<|endoftext|>");
  expect(await tk.tokens()).toBeGreaterThan(3);
  await expect(page.getByTestId("special-flag")).toContainText("1 special-token string");
  await expect(tk.view().locator(".tok-flag").first()).toBeVisible();
  await page.getByTestId("allow-special").check();
  expect(await tk.tokens()).toBe(2);
  await expect(page.getByTestId("special-flag")).toHaveCount(0);
  const special = tk.view().locator(".tok-special");
  await expect(special).toHaveText("<|endoftext|>");
  await special.hover();
  await expect(page.getByTestId("token-tooltip")).toContainText("special token");
  await expect(page.getByTestId("token-tooltip")).toContainText("id 199999");
});

test("an unknown model gets a clear message, an assumed encoding and no price", async ({ page, signIn }) => {
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  await tk.type("hello world");
  await tk.model("acme-llm-7b");
  const note = page.getByTestId("encoding-note");
  await expect(note).toHaveAttribute("data-source", "assumed");
  await expect(note).toContainText("Unknown model");
  await expect(note).toContainText("o200k_base");
  await expect(tk.stat("cost-input")).toHaveText("no price");
  await tk.model("gpt-4");
  await expect(note).toHaveAttribute("data-source", "model");
  await expect(note).toContainText("cl100k_base");
  expect(await tk.tokens()).toBe(2);
  await tk.model("");
  await expect(note).toHaveAttribute("data-source", "default");
  await expect(tk.stat("cost-input")).toHaveText("pick a model");
});

test("chat mode estimates with the chat overhead and asks the upstream for the exact count", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  await tk.mode("chat");
  const messages = page.getByTestId("chat-message");
  await expect(messages).toHaveCount(2);
  await messages.nth(1).getByRole("textbox").fill("What is the weather in Paris?");
  const estimate = page.getByTestId("chat-estimate");
  // o200k_base: "system" (1) + "You are a helpful assistant." (6) + "user" (1) + the question (7),
  // + 3 per message + 3 to prime the reply.
  await expect(estimate).toHaveAttribute("data-count", "24");
  await expect(page.getByTestId("chat-count")).toContainText("Estimate");
  await page.getByTestId("tools-input").fill("[{");
  await expect(page.getByTestId("tools-error")).toContainText("not valid JSON");
  await expect(page.getByTestId("exact-count")).toBeDisabled();
  await page
    .getByTestId("tools-input")
    .fill(
      '[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]',
    );
  await expect(estimate).not.toHaveAttribute("data-count", "24");
  await page.getByTestId("exact-count").click();
  await expect(page.getByTestId("exact-result")).toHaveAttribute("data-count", /^\d+$/);
  await expect(page.getByTestId("exact-diff")).toBeVisible();
  const call = (await emulator.requests()).filter((r) => r.path === "/v1/responses/input_tokens").at(-1);
  expect(call?.json).toMatchObject({
    model: "gpt-4o-mini",
    input: [
      { role: "system", content: "You are a helpful assistant." },
      { role: "user", content: "What is the weather in Paris?" },
    ],
    tools: [{ type: "function", name: "get_weather" }],
  });
  // A model the upstream does not have: its error, plainly.
  await tk.model("acme-llm-7b");
  await page.getByTestId("exact-count").click();
  await expect(page.getByTestId("exact-error")).toContainText("acme-llm-7b");
});

test("a share link opens read-only and continues in the tokenizer", async ({ page, signIn }) => {
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  await tk.encoding("cl100k_base");
  await tk.type("Shared text 🙂 with tokens");
  const tokens = await tk.tokens();
  await page.getByTestId("share-button").click();
  await page.getByLabel("Title (optional)").fill("Tokens demo");
  await page.getByTestId("create-share").click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{20,}$/);
  await page.keyboard.press("Escape");
  await tk.type("something else");

  await page.goto(link);
  await expect(page.getByTestId("share-title")).toHaveText("Tokens demo");
  await expect(page.getByTestId("shared-encoding")).toHaveText("cl100k_base");
  await expect(page.getByTestId("stat-tokens")).toHaveText(String(tokens));
  await expect(page.getByTestId("token-view")).toContainText("Shared");
  await page.getByTestId("open-in-tokenizer").click();
  await page.getByTestId("confirm-ok").click();
  await expect(page).toHaveURL(/\/tokenizer$/);
  await expect(tk.textBox()).toHaveText("Shared text 🙂 with tokens");
  await expect(page.getByTestId("tokenizer-encoding")).toHaveValue("cl100k_base");
});

test("a megabyte of text is tokenized in the worker and drawn virtualised; the size limit is enforced", async ({
  page,
  signIn,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  const tk = new TokenizerPage(page);
  await tk.fresh();
  const text = mixedText(1_000_000);
  const enc = get_encoding("o200k_base");
  const expected = enc.encode(text).length;
  const expectedAfter = enc.encode(`${text}!`).length;
  enc.free();
  await tk.paste(text);
  await expect(tk.stat("chars")).toHaveText([...text].length.toLocaleString("en-US"), { timeout: 60_000 });
  await expect(tk.stat("tokens")).toHaveText(expected.toLocaleString("en-US"), { timeout: 60_000 });
  await expect(tk.view()).toHaveAttribute("data-laid-out", "true");
  // Only the rows on screen are in the page.
  const drawn = await tk.view().locator("[data-seg]").count();
  expect(drawn).toBeGreaterThan(50);
  expect(drawn).toBeLessThan(3000);
  // The end of the text is reachable by scrolling.
  await tk.view().evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(tk.view()).toContainText("LIMIT");
  // Typing goes on while the worker tokenizes.
  await tk.textBox().press("ControlOrMeta+End");
  await page.keyboard.type("!");
  await expect(tk.stat("tokens")).toHaveText(expectedAfter.toLocaleString("en-US"), { timeout: 60_000 });

  await page.getByTestId("size-limit").fill("0.5");
  await expect(page.getByTestId("too-large")).toContainText("over your limit of 0.5 MB");
  await page.getByTestId("size-limit").fill("5");
  await expect(page.getByTestId("too-large")).toHaveCount(0);
});
