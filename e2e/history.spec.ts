import { expect, test } from "./fixtures";
import { HistoryPage } from "./pages/history";
import { PlaygroundPage } from "./pages/playground";
import { cli } from "./support/cli";

const unique = (word: string) => `${word}-${Date.now().toString(36)}`;

test("a finished run appears in History; search finds it; it reopens, reruns and deletes", async ({
  page,
  signIn,
}) => {
  test.slow(); // A long story: two runs and five page loads.
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const probe = unique("probe");
  await pg.say(`History ${probe}\nsecond line`);
  const history = new HistoryPage(page);
  let saved = history.recorded();
  await pg.runAndWait();
  await saved;

  await history.goto();
  const row = history.row(probe);
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("history-input")).toHaveText(`History ${probe}`);
  await expect(row.getByTestId("history-output")).toHaveText(`Echo: History ${probe}`);
  await expect(row).toContainText("gpt-4o-mini");
  await expect(row).toContainText("Responses");
  await expect(row).toContainText("completed");
  await expect(row).toContainText(/\d+ in · \d+ out/);
  await expect(row).toContainText("$");

  await history.search(probe.toUpperCase());
  await expect(history.rows()).toHaveCount(1);
  await history.search(`${probe}-nothing-like-this`);
  await expect(page.getByTestId("history-empty")).toContainText("No runs match");
  await history.search(probe);

  await history.open(probe);
  await expect(page.getByTestId("run-input")).toContainText(`History ${probe}`);
  await expect(page.getByTestId("run-output")).toContainText(`Echo: History ${probe}`);
  await expect(page.getByTestId("run-view").getByLabel("Request body, exactly as sent")).toContainText(
    '"model": "gpt-4o-mini"',
  );

  // Reopen: the draft (which now holds the reply) is replaced after a confirm.
  await page.getByTestId("run-reopen").click();
  await history.acceptConfirm();
  await expect(page).toHaveURL(/\/playground$/);
  await expect(page.getByTestId("message")).toHaveCount(1);
  await expect(pg.message(1).getByRole("textbox")).toHaveValue(`History ${probe}\nsecond line`);

  // Rerun: the same setup runs again and becomes a second run in history.
  await history.goto();
  await history.search(probe);
  await history.open(probe);
  saved = history.recorded();
  await page.getByTestId("run-rerun").click();
  await history.acceptConfirm();
  await expect(page).toHaveURL(/\/playground$/);
  await expect(pg.runPanel()).toHaveAttribute("data-status", "done", { timeout: 15_000 });
  await saved;
  await history.goto();
  await history.search(probe);
  await expect(history.rows()).toHaveCount(2);

  // Delete one, then all.
  await history.open(probe);
  await page.getByTestId("run-delete").click();
  await page.getByTestId("history-confirm-delete").click();
  await expect(page).toHaveURL(/\/history$/);
  await history.search(probe);
  await expect(history.rows()).toHaveCount(1);
  await history.search("");
  await page.getByTestId("history-delete-all").click();
  await page.getByTestId("history-confirm-delete").click();
  await expect(page.getByTestId("history-empty")).toContainText("No runs yet");
});

test("two runs diff by output and setup; two compare columns too", async ({ page, signIn }) => {
  test.slow(); // Four runs and six page loads.
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const history = new HistoryPage(page);
  const tag = unique("diff");
  await pg.say(`First ${tag} words`);
  let saved = history.recorded();
  await pg.runAndWait();
  await saved;
  await pg.fresh();
  await pg.model("gpt-4.1-mini");
  await pg.say(`Second ${tag} words`);
  saved = history.recorded();
  await pg.runAndWait();
  await saved;

  await history.goto();
  await history.search(tag);
  await expect(history.rows()).toHaveCount(2);
  for (const n of [1, 0]) await history.rows().nth(n).getByTestId("history-select").check();
  await page.getByTestId("history-diff").click();
  const diff = page.getByTestId("text-diff");
  await expect(diff.locator('[data-diff="removed"]')).toHaveText(["First"]);
  await expect(diff.locator('[data-diff="added"]')).toHaveText(["Second"]);
  const table = page.getByTestId("diff-table");
  await expect(table.getByRole("row", { name: /Model/ })).toContainText("gpt-4o-mini");
  await expect(table.getByRole("row", { name: /Model/ })).toContainText("gpt-4.1-mini");
  await page.getByTestId("diff-mode").getByText("Lines").click();
  await expect(diff.locator('[data-diff="removed"]')).toContainText(`First ${tag} words`);

  await pg.fresh();
  const cmp = unique("compare");
  await pg.say(cmp);
  await page.getByTestId("compare-toggle").check();
  const columns = page.getByTestId("compare-column");
  await expect(page.getByTestId("compare-diff")).toHaveCount(0);
  await columns.nth(1).getByTestId("model-input").fill("gpt-4.1-mini");
  saved = history.recorded(2);
  await page.getByTestId("run-all").click();
  for (let i = 0; i < 2; i++)
    await expect(columns.nth(i).getByTestId("run-panel")).toHaveAttribute("data-status", "done");
  await saved;
  await page.getByTestId("compare-diff").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("text-diff-summary")).toHaveText("No differences");
  await expect(dialog.getByTestId("diff-table").getByRole("row", { name: /Model/ })).toContainText(
    "gpt-4.1-mini",
  );
  // Both columns' runs are in history, marked as compare runs.
  await history.goto();
  await history.search(cmp);
  await expect(history.rows().filter({ hasText: "compare column" })).toHaveCount(2);
});

test("history is private: another user sees none of it and gets 404 for its id", async ({
  page,
  signIn,
  browser,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const secret = unique("private");
  await pg.say(`Admin only ${secret}`);
  const history = new HistoryPage(page);
  const saved = history.recorded();
  await pg.runAndWait();
  await saved;
  await history.goto();
  const id = await history.open(secret);
  expect(id).toMatch(/^run_/);

  const email = `member-${Date.now()}@example.com`;
  cli("user:add", "--email", email, "--password", "member-password-123", "--name", "Member");
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill("member-password-123");
  await other.getByRole("button", { name: /sign in/i }).click();
  await expect(other).toHaveURL(/\/playground/);
  await other.goto("/history");
  await expect(other.getByTestId("history-empty")).toContainText("No runs yet");
  expect((await other.request.get(`/api/history/${id}`)).status()).toBe(404);
  const list = await (await other.request.get(`/api/history?q=${secret}`)).json();
  expect(list.data).toEqual([]);
  await other.goto(`/history/${id}`);
  await expect(other.getByTestId("run-missing")).toContainText("Run not found");
  await context.close();
});

test("with history off nothing is stored, and what was stored is deleted", async ({ page, signIn }) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  const history = new HistoryPage(page);
  const before = unique("before-off");
  await pg.say(before);
  let saved = history.recorded();
  await pg.runAndWait();
  await saved;
  expect((await (await page.request.get(`/api/history?q=${before}`)).json()).data).toHaveLength(1);

  await page.goto("/settings?tab=playground");
  await page.getByTestId("history-off").click();
  await page.getByTestId("history-off-confirm").click();
  await expect(page.getByTestId("history-retention-state")).toHaveText(
    "History is off: runs are not stored.",
  );
  try {
    await pg.fresh();
    const during = unique("while-off");
    await pg.say(during);
    saved = history.recorded();
    await pg.runAndWait();
    await saved;
    await history.goto();
    await expect(page.getByTestId("history-retention")).toContainText("History is off");
    await expect(page.getByTestId("history-empty")).toBeVisible();
    expect((await (await page.request.get("/api/history")).json()).data).toEqual([]);
  } finally {
    await page.goto("/settings?tab=playground");
    await page.getByTestId("history-retention-days").fill("30");
    await page.getByTestId("history-retention-save").click();
    await expect(page.getByTestId("history-retention-state")).toHaveText(
      "Runs are kept for 30 days, then deleted.",
    );
  }
});
