import OpenAI from "openai";
import { expect, test } from "./fixtures";
import { BudgetsPage } from "./pages/budgets";
import { cli } from "./support/cli";
import { E2E } from "./support/env";
import { freshFetch } from "./support/fresh-fetch";

// A teammate's script with its own token and a small daily budget: it runs until Benchtop refuses
// it with a clear 429, the person sees why in the console, an admin raises the budget, it runs again.
const member = { email: `budget-${Date.now()}@example.com`, password: "budget-flow-password-1" };
const TOKEN_NAME = "nightly-script";
// About 10,500 tokens of input at gpt-4o-mini's $0.15/1M: each call settles near $0.0016 and holds
// about twice that before it runs (input is estimated high), so a $0.01 day admits a handful.
const PROMPT = "lorem ipsum ".repeat(3_500);

let secret: string;
let tokenId: string;

test.beforeAll(() => {
  cli("user:add", "--email", member.email, "--password", member.password, "--role", "member");
  secret = cli("token:create", "--email", member.email, "--name", TOKEN_NAME);
  const list = JSON.parse(cli("token:list", "--email", member.email, "--json")) as {
    tokens: { id: string }[];
  };
  tokenId = list.tokens[0]?.id ?? "";
  expect(tokenId).toMatch(/^tok/);
});

test.afterAll(() => {
  cli("budget:set", "--token", tokenId, "--clear");
  cli("user:disable", "--email", member.email);
});

const script = () =>
  new OpenAI({ apiKey: secret, baseURL: `${E2E.consoleUrl}/api/v1`, maxRetries: 0, fetch: freshFetch });
const call = () =>
  script().chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: PROMPT }],
    max_tokens: 16,
  });

test("a script hits its budget, gets a clear 429, the person sees it, the admin raises it, the next call passes", async ({
  page,
  signIn,
  browser,
}) => {
  await signIn(page);
  const admin = new BudgetsPage(page);
  await admin.gotoSettings();
  const row = await admin.token(member.email, TOKEN_NAME);
  await admin.openEditor(row);

  // A bad value is named beside its field and the draft survives the failed save.
  await admin.field("usdPerDay").fill("-1");
  await admin.field("rpm").fill("600");
  await admin.save();
  await expect(admin.dialog().getByText(/dollars like 12/)).toBeVisible();
  await expect(admin.field("rpm")).toHaveValue("600");
  await admin.field("usdPerDay").fill("0.01");
  await admin.save();
  await expect(admin.dialog()).toBeHidden();
  await expect(row.getByTestId("budget-summary")).toContainText("$0.01/day");
  await expect(row.getByTestId("budget-summary")).toContainText("600 rpm");

  // The script: passes a few times, then the clear refusal.
  let refusal: unknown = null;
  let passed = 0;
  for (let i = 0; i < 20 && !refusal; i++) {
    try {
      await call();
      passed++;
    } catch (e) {
      refusal = e;
    }
  }
  expect(passed).toBeGreaterThan(0);
  expect(refusal).toBeInstanceOf(OpenAI.RateLimitError);
  const err = refusal as InstanceType<typeof OpenAI.RateLimitError>;
  expect(err.status).toBe(429);
  expect(err.code).toBe("budget_exceeded");
  expect(Number(err.headers?.get("retry-after"))).toBeGreaterThan(0);
  expect(err.message).toMatch(/\$0\.01/);
  expect(err.message).toMatch(/reset/i);
  // Said to the caller, with the reset in words a person reads.
  expect(err.message).toMatch(/^429 Budget reached: this token has spent/);
  expect(err.message).toMatch(/resets at \d{4}-\d{2}-\d{2} 00:00 UTC/);
  expect(err.error).toMatchObject({ unit: "usd_micros", window: "day", limit: 10_000 });

  // The person, signed in, sees the notice and their headroom.
  const ctx = await browser.newContext({ baseURL: E2E.consoleUrl });
  try {
    const mine = await ctx.newPage();
    await signIn(mine, member.email, member.password);
    // Any page shows the notice: the playground, where a person would be.
    await mine.goto("/playground");
    const own = new BudgetsPage(mine);
    const hit = mine.locator('[data-testid="notice"][data-kind="limit_hit"]');
    await expect(hit).toHaveCount(1);
    await expect(hit).toHaveAttribute("data-code", "budget_exceeded");
    await expect(hit).toContainText("Budget reached");
    // Read later in the console: the token by name, and the heading is not said twice.
    const message = hit.getByTestId("notice-message");
    await expect(message).toContainText(`The token “${TOKEN_NAME}” has spent`);
    await expect(message).not.toContainText("Budget reached");
    await hit.getByRole("link", { name: "See your limits" }).click();
    await expect(mine).toHaveURL(/\/limits/);
    const bar = own.headroom().getByTestId("limit-budget_exceeded-day");
    await expect(bar).toContainText(`token ${TOKEN_NAME}`);
    await expect(bar.getByTestId("limit-amounts")).toContainText("of $0.01");
    await expect(bar.getByTestId("limit-reset")).toContainText(/Resets in \d+/);
    // Short of 100%, and still refusing: the bar says so.
    await expect(bar.getByTestId("limit-refused")).toContainText("Refused a call at");
    // The token's own summary beside the account's: what else judges its calls.
    await expect(own.headroom().getByTestId("headroom-token-summary")).toContainText(`Token ${TOKEN_NAME}`);
    await expect(own.headroom().getByTestId("headroom-summary")).toContainText("Your account");
    // Dismissed, it stays gone.
    await hit.getByTestId("notice-dismiss").click();
    await expect(hit).toHaveCount(0);
    await mine.reload();
    await expect(own.headroom()).toBeVisible();
    await expect(hit).toHaveCount(0);
  } finally {
    await ctx.close();
  }

  // The admin raises the budget; the next call passes.
  await admin.gotoSettings();
  await admin.openEditor(await admin.token(member.email, TOKEN_NAME));
  await expect(admin.field("usdPerDay")).toHaveValue("0.01");
  await admin.field("usdPerDay").fill("5");
  await admin.save();
  await expect(admin.dialog()).toBeHidden();
  const ok = await call();
  expect(ok.choices[0]?.message).toBeTruthy();

  // The CLI sees the same settings and use.
  const shown = JSON.parse(cli("budget:show", "--token", tokenId, "--json")) as {
    settings: { usdPerDayMicros: number };
    headroom: { limits: { code: string; used: number }[] };
  };
  expect(shown.settings.usdPerDayMicros).toBe(5_000_000);
  expect(shown.headroom.limits.find((l) => l.code === "budget_exceeded")?.used).toBeGreaterThan(0);
});

test("the allowed-models field offers the upstream's models and points out an id it does not list", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const admin = new BudgetsPage(page);
  await admin.gotoSettings();
  await admin.openEditor(admin.team());
  const models = admin.field("models");
  await models.fill("gpt-4o");
  await admin.dialog().getByRole("button", { name: "+ gpt-4o-mini" }).click();
  await expect(models).toHaveValue("gpt-4o-mini, ");
  await models.pressSequentially("gpt-nonesuch");
  await expect(admin.dialog().getByTestId("limits-models-unknown")).toContainText("gpt-nonesuch");
  await admin.dialog().getByRole("button", { name: "Cancel" }).click();
  await expect(admin.dialog()).toBeHidden();
});
