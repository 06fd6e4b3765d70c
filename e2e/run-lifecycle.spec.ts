import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground";
import { emulator } from "./support/emulator";

/** Issue 11, part 1: a run is visible, stoppable and exclusive, and each mode keeps its own state. */

/** Calls that reached `path` since `from` (the emulator's log spans the whole run). */
async function calls(path: string, from = 0) {
  return (await emulator.requests()).filter((r) => r.path === path && r.method === "POST").slice(from);
}

test("Completions keeps its own output beside the prompt, across a reload; Continue goes on from prompt + output", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const from = (await calls("/v1/completions")).length;
  await pg.api("Completions");
  await pg.model("gpt-3.5-turbo-instruct");
  await page.getByLabel("Prompt").fill("Once upon a time");
  await pg.runAndWait();
  const output = page.getByTestId("completion-output");
  await expect(output).toContainText("Echo: Once upon a time");
  await page.reload();
  await expect(output).toContainText("Echo: Once upon a time");

  // The chat was never touched by the completion.
  await pg.api("Chat");
  await expect(page.getByTestId("message")).toHaveCount(1);
  await expect(pg.message(1).getByRole("textbox")).toHaveValue("");
  await expect(page.getByTestId("completion-output")).toHaveCount(0);

  await pg.api("Completions");
  await page.getByTestId("completion-continue").click();
  await expect(pg.runPanel()).toHaveAttribute("data-status", "done");
  await expect(page.getByLabel("Prompt")).toHaveValue("Once upon a timeEcho: Once upon a time");
  await expect
    .poll(async () => (await emulator.lastPost("/v1/completions")).json.prompt)
    .toBe("Once upon a timeEcho: Once upon a time");
  await expect(output).toContainText("Echo: Once upon a timeEcho: Once upon a time");
  expect(await calls("/v1/completions", from)).toHaveLength(2);
});

test("Completions sends a sensible max_tokens, shown in the field, not the API's 16", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Completions");
  await pg.model("gpt-3.5-turbo-instruct");
  const field = page.getByTestId("params-panel").getByLabel("Max output tokens", { exact: true });
  await expect(field).toHaveAttribute("placeholder", /256/);
  await page.getByLabel("Prompt").fill("[long] story");
  await pg.runAndWait();
  const sent = await emulator.lastPost("/v1/completions");
  expect(sent.json.max_tokens).toBe(256);
  await expect(page.getByTestId("completion-output")).toContainText("word40");
});

test("a run is visible, stoppable and exclusive from the moment it is sent", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const from = (await calls("/v1/responses")).length;
  await page.getByRole("checkbox", { name: "Stream" }).uncheck();
  await pg.say("Hi");
  await emulator.fault({ path: "/v1/responses", kind: "status", status: 500, times: 1 });
  await pg.runAndWait("error");
  await expect(page.getByTestId("run-error")).toBeVisible();

  // Slower than the 5 s, so the steps below happen while it waits on a busy machine.
  await emulator.fault({ path: "/v1/responses", kind: "slow_first_byte", delayMs: 20_000, times: 1 });
  await pg.run();
  // At once: the pending state, Stop, and no leftover error.
  await expect(page.getByTestId("run-pending")).toContainText("Waiting for the first byte", {
    timeout: 2000,
  });
  await expect(page.getByTestId("run-error")).toHaveCount(0);
  await expect(page.getByTestId("stop")).toBeVisible();
  await expect(page.getByTestId("run-elapsed")).toHaveText(/[1-9]\d*\.\d s/, { timeout: 5000 });

  // A second run asks instead of doubling the call.
  await pg.message(1).getByRole("textbox").press("Control+Enter");
  const confirm = page.getByTestId("rerun-confirm");
  await expect(confirm).toContainText("A run is in progress");
  await confirm.getByRole("button", { name: "Keep waiting" }).click();
  await expect(confirm).toHaveCount(0);
  expect(await calls("/v1/responses", from)).toHaveLength(2);

  // Esc aborts it before any byte arrived.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Escape");
  await expect(pg.runPanel()).toHaveAttribute("data-status", "stopped");
  await expect.poll(async () => (await emulator.lastPost("/v1/responses")).aborted).toBe(true);

  // "Stop it and run again" aborts the first call and sends one more: never two at once.
  await emulator.fault({ path: "/v1/responses", kind: "slow_first_byte", delayMs: 20_000, times: 1 });
  await pg.run();
  await expect(page.getByTestId("run-pending")).toBeVisible();
  await page.keyboard.press("Control+Enter");
  await page.getByTestId("rerun-confirm").getByRole("button", { name: "Stop it and run again" }).click();
  await expect(pg.runPanel()).toHaveAttribute("data-status", "done", { timeout: 15_000 });
  const sent = await calls("/v1/responses", from);
  expect(sent).toHaveLength(4);
  expect(sent[2]?.aborted).toBe(true);
});

test("in compare, each column shows its pending run, stops alone and asks before a second run", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const from = (await calls("/v1/responses")).length;
  await page.getByRole("checkbox", { name: "Stream" }).uncheck();
  await pg.say("Hi");
  await page.getByTestId("compare-toggle").check();
  const cols = page.getByTestId("compare-column");
  await expect(cols).toHaveCount(2);
  await emulator.fault({ path: "/v1/responses", kind: "slow_first_byte", delayMs: 20_000, times: 2 });
  await page.getByTestId("run-all").click();
  await expect(cols.nth(0).getByTestId("run-pending")).toBeVisible({ timeout: 2000 });
  await expect(cols.nth(1).getByTestId("run-pending")).toBeVisible();
  await cols.nth(0).getByTestId("column-stop").click();
  await expect(cols.nth(0).getByTestId("run-panel")).toHaveAttribute("data-status", "stopped");
  await expect(cols.nth(1).getByTestId("run-panel")).toHaveAttribute("data-status", "running");
  await page.keyboard.press("Control+Enter");
  // The idle column runs again; the busy one asks.
  await expect(cols.nth(1).getByTestId("rerun-confirm")).toBeVisible();
  await expect(cols.nth(0).getByTestId("rerun-confirm")).toHaveCount(0);
  await cols.nth(1).getByRole("button", { name: "Keep waiting" }).click();
  await expect(cols.nth(1).getByTestId("rerun-confirm")).toHaveCount(0);
  await expect(cols.nth(0).getByTestId("run-panel")).toHaveAttribute("data-status", "done");
  await expect(cols.nth(1).getByTestId("run-panel")).toHaveAttribute("data-status", "running");
  expect(await calls("/v1/responses", from)).toHaveLength(3);
  await cols.nth(1).getByTestId("column-stop").click();
  await expect(cols.nth(1).getByTestId("run-panel")).toHaveAttribute("data-status", "stopped");
});

test("an upstream 401 is a configuration problem, not an outage: no Retry", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("Hi");
  await emulator.fault({ path: "/v1/responses", kind: "status", status: 401, times: 1 });
  await pg.runAndWait("error");
  await expect(page.getByTestId("run-error-title")).toHaveText("The upstream refused Benchtop's key");
  await expect(page.getByTestId("run-error")).toContainText("Settings");
  await expect(page.getByTestId("run-error")).not.toContainText("down or overloaded");
  await expect(page.getByTestId("retry")).toHaveCount(0);

  await emulator.fault({ path: "/v1/responses", kind: "status", status: 503, times: 1 });
  await pg.runAndWait("error");
  await expect(page.getByTestId("run-error-title")).toHaveText("Upstream overloaded");
  await expect(page.getByTestId("retry")).toBeVisible();
});

test("a broken stream that says press Continue has a Continue button that goes on from what arrived", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.api("Chat");
  await pg.say("[long] please");
  await emulator.fault({ path: "/v1/chat/completions", kind: "break_stream", afterChunks: 5, times: 1 });
  await pg.runAndWait("error");
  await expect(page.getByTestId("run-error")).toContainText("press Continue");
  await page.getByTestId("continue").click();
  await expect(pg.runPanel()).toHaveAttribute("data-status", "done");
  const sent = (await emulator.lastPost("/v1/chat/completions")).json as {
    messages: { role: string; content: string }[];
  };
  expect(sent.messages.at(-2)?.role).toBe("assistant");
  expect(sent.messages.at(-2)?.content).toMatch(/^word0 word1/);
  expect(sent.messages.at(-1)).toEqual({ role: "user", content: "Continue exactly where you stopped." });
});
