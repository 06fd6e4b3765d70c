import { expect, test } from "./fixtures";
import { LimitsPage, OrgUsage } from "./pages/limits";
import { PlaygroundPage } from "./pages/playground";
import { cli } from "./support/cli";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

const MODEL = "gpt-4o-mini";

test("a playground run brings the model's rate limits: the gauge, then the Limits page with a live countdown", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("How many tokens are left?");
  await pg.runAndWait();

  const limits = new LimitsPage(page);
  // The gauge appears beside the model once the run has brought values; its tooltip has the figures.
  await expect(limits.gauge()).toBeVisible();
  await limits.gauge().hover();
  await expect(page.getByTestId("rate-limit-gauge-details")).toContainText(/tokens: [\d,]+ of 800,000 left/);

  // A tap (no tooltip on a touch screen) or a click opens the Limits page.
  await limits.gauge().click();
  await expect(page).toHaveURL(/\/limits$/);
  const tokens = limits.rateLimit(MODEL, "tokens");
  await expect(tokens.getByTestId("limit")).toHaveText("800,000");
  await expect(tokens.getByTestId("remaining")).toHaveText(/^[\d,]+$/);
  // The emulator's token window resets within a minute: the countdown reads seconds and ticks.
  const countdown = limits.countdown(MODEL, "tokens");
  await expect(countdown).toHaveText(/^(\d+m \d\ds|\d+s|reset)$/);
  const first = (await countdown.textContent()) ?? "";
  if (first !== "reset") await expect(countdown).not.toHaveText(first, { timeout: 3_000 });
  // The requests window (milliseconds in the emulator) has already passed.
  await expect(limits.countdown(MODEL, "requests")).toHaveText("reset");
  await expect(
    page.getByText("every call through Benchtop shares one API key", { exact: false }),
  ).toBeVisible();

  // Live: a call made elsewhere (a script) moves the remaining figure without a reload.
  const before = (await tokens.getByTestId("remaining").textContent()) ?? "";
  const token = cli("token:create", "--email", E2E.admin.email, "--name", "limits-live");
  const res = await fetch(`${E2E.consoleUrl}/api/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ model: MODEL, messages: [{ role: "user", content: "tick" }] }),
  });
  expect(res.status).toBe(200);
  await expect(tokens.getByTestId("remaining")).not.toHaveText(before, { timeout: 6_000 });
});

test("upstream 429s and overloads show under their cause, with what to do", async ({ page, signIn }) => {
  const token = cli("token:create", "--email", E2E.admin.email, "--name", "limits-429");
  const call = () =>
    fetch(`${E2E.consoleUrl}/api/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: MODEL, messages: [{ role: "user", content: "again" }] }),
    });
  try {
    await emulator.fault({ kind: "status", status: 429, path: "/v1/chat/completions", times: 2 });
    expect((await call()).status).toBe(429);
    expect((await call()).status).toBe(429);
    await emulator.fault({
      kind: "status",
      status: 429,
      code: "insufficient_quota",
      path: "/v1/chat/completions",
    });
    expect((await call()).status).toBe(429);
    await emulator.fault({ kind: "status", status: 503, path: "/v1/chat/completions" });
    expect((await call()).status).toBe(503);
  } finally {
    await emulator.clearFaults();
  }
  await signIn(page);
  const limits = new LimitsPage(page);
  await limits.goto();
  await expect(limits.count("rate_limit", "rate_limit_exceeded")).toHaveText(/^\d+×$/);
  expect(
    Number.parseInt((await limits.count("rate_limit", "rate_limit_exceeded").textContent()) ?? "", 10),
  ).toBeGreaterThanOrEqual(2);
  await expect(limits.cause("rate_limit")).toContainText("retry-after");
  await expect(limits.count("quota", "insufficient_quota")).toHaveText(/^\d+×$/);
  await expect(limits.cause("quota")).toContainText("billing");
  await expect(limits.count("overloaded", "overloaded")).toHaveText(/^\d+×$/);
  await expect(limits.cause("overloaded")).toContainText("Retry with backoff");
});

test("the organization view counts a call that went straight to the upstream", async ({ page, signIn }) => {
  await signIn(page);
  const org = new OrgUsage(page);
  await org.goto();
  await expect(page.getByTestId("org-spend-limit").first()).toContainText("$120");
  const before = await org.requestsDiff();
  // Around Benchtop: the same key, straight to the upstream, so the ledger never sees it.
  const direct = await fetch(`${E2E.emulatorUrl}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${E2E.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ model: MODEL, messages: [{ role: "user", content: "around" }] }),
  });
  expect(direct.status).toBe(200);
  await expect
    .poll(async () => {
      await org.goto();
      return org.requestsDiff();
    })
    .toBe(before + 1);
  if (before + 1 > 0)
    await expect(org.difference()).toContainText(
      // The cost part shows only when the org's cost is the higher one, which depends on what other specs spent.
      /\d+ requests?( \/ [<$\d.]+)? reached the key without passing through Benchtop/,
    );
});
