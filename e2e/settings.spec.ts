import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SettingsPage } from "./pages/settings";
import { emulator } from "./support/emulator";

// The page lists models for its stream test; a one-shot fault must not be used up by that call.
async function waitForModelList(page: Page) {
  await expect(page.getByTestId("stream-test-model").locator("option")).not.toHaveCount(1);
}

test("settings shows the upstream with the key masked", async ({ page, signIn }) => {
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("connection");
  await expect(page.getByTestId("upstream-base-url")).toContainText("127.0.0.1");
  await expect(page.getByTestId("upstream-key-masked")).toHaveText("sk-…8a0b");
});

test("connection check succeeds and lists models", async ({ page, signIn }) => {
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("connection");
  const result = await settings.checkConnection();
  await expect(result).toHaveAttribute("data-ok", "true");
  await expect(result).toContainText(/models?/i);
});

test("connection check explains a rejected key", async ({ page, signIn }) => {
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("connection");
  await waitForModelList(page);
  await emulator.fault({ path: "/v1/models", kind: "status", status: 401, times: 1 });
  const result = await settings.checkConnection();
  await expect(result).toHaveAttribute("data-ok", "false");
  await expect(page.getByTestId("connection-diagnosis")).toContainText("The API key was rejected");
  await expect(page.getByTestId("connection-diagnosis")).toContainText("OPENAI_API_KEY");
});

test("connection check tells quota from rate limit", async ({ page, signIn }) => {
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("connection");
  await waitForModelList(page);
  await emulator.fault({
    path: "/v1/models",
    kind: "status",
    status: 429,
    code: "insufficient_quota",
    type: "insufficient_quota",
    times: 1,
  });
  await settings.checkConnection();
  await expect(page.getByTestId("connection-diagnosis")).toContainText("Quota exhausted");
});

test("a completion streams into the page through the proxy", async ({ page, signIn }) => {
  await signIn(page);
  await emulator.config({ streamChunkDelayMs: 60 });
  try {
    const settings = new SettingsPage(page);
    await settings.goto("connection");
    await page.getByTestId("stream-test-prompt").fill("stream me please [long]");
    await page.getByTestId("stream-test-run").click();
    const output = page.getByTestId("stream-test-output");
    // Text shows up while the stream is still open: it streams, it is not delivered at the end.
    await expect(output).toHaveAttribute("data-status", "streaming");
    await expect(output).toContainText("word0", { timeout: 5_000 });
    await expect(output).toHaveAttribute("data-status", "streaming");
    await page.getByTestId("stream-test-stop").click();
    await expect(output).toHaveAttribute("data-status", "stopped");
    await expect(output).toContainText("word0");
    await expect
      .poll(
        async () =>
          (await emulator.requests()).filter((r) => r.path === "/v1/chat/completions").at(-1)?.aborted,
      )
      .toBe(true);
  } finally {
    await emulator.config({ streamChunkDelayMs: 5 });
  }
});

test("a completed stream reports usage and the request id", async ({ page, signIn }) => {
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("connection");
  await page.getByTestId("stream-test-run").click();
  const output = page.getByTestId("stream-test-output");
  await expect(output).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("stream-test-metrics")).toContainText(/\d+ in \/ \d+ out/);
  await expect(page.getByTestId("stream-test-metrics")).toContainText("req_");
});
