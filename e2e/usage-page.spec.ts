import { expect, test } from "./fixtures";
import { type ShownRow, UsagePage } from "./pages/usage";
import { cli } from "./support/cli";
import { E2E } from "./support/env";

/**
 * The Usage page over thousands of seeded ledger rows (issue 15): chart and table render, the
 * controls change both and stay in the URL, the CSV download is the table, a member sees only their own.
 */
const MEMBER = { email: `usage-member-${Date.now()}@example.com`, password: "member-password-123" };

test.beforeAll(() => {
  cli(
    "user:add",
    "--email",
    MEMBER.email,
    "--password",
    MEMBER.password,
    "--name",
    "Usage member",
    "--role",
    "member",
  );
  // 29 days back from now: every call falls inside "Last 30 days".
  cli("ledger:seed", "--rows", "4000", "--days", "29", "--emails", E2E.admin.email);
  cli("ledger:seed", "--rows", "600", "--days", "29", "--emails", MEMBER.email);
});

/** The CSV's columns, whatever their spelling (`audioSeconds`, `audio_seconds`, `cost_micros`…). */
const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");
function csvRow(r: Record<string, string>): ShownRow {
  const cols = new Map(Object.entries(r).map(([k, v]) => [norm(k), v]));
  const num = (...names: string[]) => {
    for (const n of names) if (cols.has(n)) return Number(cols.get(n));
    return Number.NaN;
  };
  const usd = cols.has("costusd") ? Math.round(num("costusd") * 1e6) : Number.NaN;
  return {
    bucket: new Date(cols.get("bucket") ?? "").toISOString(),
    key: cols.get("key") ?? "",
    figures: {
      requests: num("requests"),
      errors: num("errors"),
      input: num("input", "inputtokens"),
      cached: num("cached", "cachedtokens"),
      output: num("output", "outputtokens"),
      reasoning: num("reasoning", "reasoningtokens"),
      images: num("images"),
      audioSeconds: num("audioseconds"),
      costMicros: cols.has("costmicros") ? num("costmicros") : usd,
    },
  };
}

test("an admin's usage: chart and table render for thousands of calls; range, bucket and group update both; the CSV is the table", async ({
  page,
  signIn,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  const usage = new UsagePage(page);
  await usage.open("range=30d");
  await usage.chartDrawn();
  await usage.settled();
  expect(await usage.chartBuckets()).toBe(30);
  expect(await usage.rows().count()).toBeGreaterThan(1);
  await expect(usage.total("requests")).not.toContainText(/^Requests0$/);
  const byModel = await usage.chartKeys();
  expect(byModel.length).toBeGreaterThan(0);

  // Hour buckets are not offered for 30 days; for 7 days they are, and the chart has 168 of them.
  await expect(usage.control("bucket").locator("option[value=hour]")).toBeDisabled();
  await usage.choose("range", "7d");
  await usage.choose("bucket", "hour");
  await expect(page).toHaveURL(/bucket=hour/);
  await usage.settled();
  await expect.poll(() => usage.chartBuckets()).toBe(168);

  // Group by user: the table's keys and the chart's series change together.
  await usage.choose("group", "user");
  await expect(page).toHaveURL(/group=user/);
  await usage.settled();
  await expect.poll(() => usage.chartKeys()).not.toEqual(byModel);
  const users = await usage.rows().evaluateAll((trs) => trs.map((t) => t.textContent ?? ""));
  expect(users.join(" ")).toMatch(/Usage member|usage-member/);

  // The URL carries it all: a reload shows the same view.
  await page.reload();
  await expect(usage.control("group")).toHaveValue("user");
  await expect(usage.control("bucket")).toHaveValue("hour");
  await expect(usage.control("range")).toHaveValue("7d");

  // The keyboard reads a bucket.
  await usage.chartDrawn();
  await page.getByTestId("usage-chart-plot").focus();
  await page.keyboard.press("Home");
  await expect(page.getByTestId("usage-chart-bucket")).not.toContainText("Whole range");

  // Per day, the table's rows are the CSV's rows.
  // Chosen back to back, before the page re-renders: both choices must stay.
  await usage.choose("bucket", "day");
  await usage.choose("group", "model");
  // Both are the 7-day range's defaults, so neither is left in the URL.
  await expect(page).not.toHaveURL(/bucket=|group=/);
  await usage.perBucket();
  // Both in one order: the server sorts in SQL's collation, the table in the browser's.
  const order = (rows: ShownRow[]) =>
    rows.sort((a, b) =>
      a.bucket + a.key < b.bucket + b.key ? -1 : a.bucket + a.key > b.bucket + b.key ? 1 : 0,
    );
  const shown = order(await usage.shownRows());
  const csv = order((await usage.downloadCsv()).map(csvRow));
  expect(shown.length).toBeGreaterThan(0);
  expect(csv).toEqual(shown);

  // Admins get the Organization tab (its panel is part "limits"'); it goes into the URL too.
  await page.getByRole("tab", { name: "Organization" }).click();
  await expect(page).toHaveURL(/tab=org/);
});

test("a member sees only their own usage and is offered no one else's", async ({ page, signIn }) => {
  test.setTimeout(60_000);
  await signIn(page, MEMBER.email, MEMBER.password);
  const usage = new UsagePage(page);
  await usage.open("range=30d&group=user&user=someone-else");
  await usage.settled();
  await expect(usage.control("user")).toHaveCount(0);
  await expect(usage.control("group").locator("option[value=user]")).toHaveCount(0);
  await expect(usage.control("group")).toHaveValue("model");
  await expect(page.getByRole("tab", { name: "Organization" })).toHaveCount(0);
  // The 600 seeded calls, and the few the session's own pages made through the proxy.
  const shownRequests = async () =>
    Number(((await usage.total("requests").textContent()) ?? "").replace(/\D/g, ""));
  await expect.poll(shownRequests).toBeGreaterThanOrEqual(600);
  expect(await shownRequests()).toBeLessThan(620);
  await usage.chartDrawn();

  // The server narrows the report to the member whatever the query asks.
  const q = new URLSearchParams({
    from: new Date(Date.now() - 40 * 86_400_000).toISOString(),
    to: new Date(Date.now() + 86_400_000).toISOString(),
    bucket: "day",
    group: "user",
  });
  const res = await page.request.get(`/api/usage?${q}`);
  expect(res.status(), await res.text()).toBe(200);
  const report = (await res.json()) as { rows: { key: string | null; requests: number }[] };
  const keys = new Set(report.rows.map((r) => r.key));
  expect(keys.size).toBe(1);
  // The page's own calls through the proxy (models, limits) reach the ledger a moment later, so the
  // report read after the page may count one or two more.
  const reported = report.rows.reduce((t, r) => t + r.requests, 0);
  const shown = await shownRequests();
  expect(reported).toBeGreaterThanOrEqual(shown);
  expect(reported - shown).toBeLessThan(5);
});
