import type { APIRequestContext } from "@playwright/test";
import OpenAI from "openai";
import { expect, test } from "./fixtures";
import { SettingsPage } from "./pages/settings";
import { cli } from "./support/cli";
import { E2E } from "./support/env";
import { freshFetch } from "./support/fresh-fetch";
import { useTheme } from "./support/theme";

/**
 * F11: an admin cleans up after a member from Settings → Users: sees and revokes their tokens and
 * share links, and is told what disabling will revoke before it does.
 */
const TOKENIZER_SNAPSHOT = { version: 1, mode: "text", encoding: "cl100k_base", model: "gpt-4", text: "hi" };

/**
 * A member with two tokens and two share links, made as a script would (with a token). Through
 * Playwright's per-test request context: a global fetch would reuse a keep-alive connection the
 * server closed while an earlier test ran the CLI.
 */
async function memberWithAccess(request: APIRequestContext, tag: string) {
  const email = `${tag}-${Date.now()}@example.com`;
  cli("user:add", "--email", email, "--password", "member-password-123", "--name", "Leaver");
  const tokens = ["ci runner", "laptop"].map((name) => cli("token:create", "--email", email, "--name", name));
  const [token] = tokens as [string, string];
  const shares: string[] = [];
  for (const title of ["Pricing sample", "Prompt notes"]) {
    const res = await request.post("/api/shares", {
      headers: { authorization: `Bearer ${token}` },
      data: { kind: "tokenizer", title, snapshot: TOKENIZER_SNAPSHOT },
    });
    expect(res.status(), await res.text()).toBe(201);
    shares.push(((await res.json()) as { share: { url: string } }).share.url);
  }
  const sdk = (key: string) =>
    new OpenAI({ apiKey: key, baseURL: `${E2E.consoleUrl}/api/v1`, maxRetries: 0, fetch: freshFetch });
  return { email, tokens, shares, sdk };
}

test("an admin revokes a member's token and share link from Settings → Users", async ({
  page,
  signIn,
  request,
}) => {
  const m = await memberWithAccess(request, "cleanup");
  const [ci, laptop] = m.tokens as [string, string];
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("users");
  const access = await settings.openUserAccess(m.email);
  await expect(access.dialog.getByTestId("user-token-row")).toHaveCount(2);
  await expect(access.dialog.getByTestId("user-share-row")).toHaveCount(2);
  // Prefixes only: the secrets are never shown again.
  await expect(access.dialog).not.toContainText(ci);

  await settings.confirmClick(access.tokenRow("ci runner").getByTestId("user-token-revoke"));
  await expect(access.tokenRow("ci runner")).toContainText("revoked");
  await expect(m.sdk(ci).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  expect((await m.sdk(laptop).models.retrieve("gpt-4o-mini")).id).toBe("gpt-4o-mini");

  await settings.confirmClick(access.shareRow("Pricing sample").getByTestId("user-share-revoke"));
  await expect(access.shareRow("Pricing sample")).toContainText("revoked");
  const link = await page.context().newPage();
  await link.goto(m.shares[0] ?? "");
  await expect(link.getByTestId("share-unavailable")).toContainText("Link revoked");
  await link.goto(m.shares[1] ?? "");
  await expect(link.getByTestId("token-view")).toBeVisible();
  await link.close();

  // "Revoke all" ends the rest at once.
  await settings.confirmClick(access.dialog.getByTestId("user-tokens-revoke-all"));
  await settings.confirmClick(access.dialog.getByTestId("user-shares-revoke-all"));
  await expect(access.dialog.getByText("revoked", { exact: true })).toHaveCount(4);
  await expect(access.dialog.getByTestId("user-tokens-revoke-all")).toHaveCount(0);
  await expect(m.sdk(laptop).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
});

test("disabling says what it revokes, revokes it, and re-enabling brings nothing back", async ({
  page,
  signIn,
  request,
}) => {
  const m = await memberWithAccess(request, "disable");
  const [token] = m.tokens as [string, string];
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("users");
  const dialog = await settings.startDisable(m.email);
  await expect(dialog.getByTestId("user-disable-summary")).toHaveText(
    `Disabling ${m.email} signs them out everywhere and revokes 2 tokens and 2 share links.`,
  );
  await dialog.getByTestId("user-disable-confirm").click();
  await expect(dialog).toHaveCount(0);
  const row = settings.userRow(m.email);
  await expect(row).toContainText(/disabled/i);
  await expect(m.sdk(token).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  await page.goto(m.shares[1] ?? "");
  await expect(page.getByTestId("share-unavailable")).toContainText("Link revoked");

  await settings.goto("users");
  await row.getByTestId("user-enable").click();
  await expect(row).not.toContainText(/disabled/i);
  await expect(m.sdk(token).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  const access = await settings.openUserAccess(m.email);
  await expect(access.dialog.getByText("revoked", { exact: true })).toHaveCount(4);
  await expect(access.dialog.getByTestId("user-token-revoke")).toHaveCount(0);
});

test("a member has no way to another user's tokens or links", async ({ request }) => {
  const m = await memberWithAccess(request, "nosy");
  const admin = cli("user:list", "--json");
  const adminId = (JSON.parse(admin) as { users: { id: string; email: string }[] }).users.find(
    (u) => u.email === E2E.admin.email,
  )?.id;
  const [token] = m.tokens as [string, string];
  for (const path of [`/api/users/${adminId}/tokens`, `/api/users/${adminId}/shares`]) {
    for (const method of ["GET", "DELETE"]) {
      const res = await request.fetch(path, { method, headers: { authorization: `Bearer ${token}` } });
      expect(res.status(), `${method} ${path}`).toBe(403);
    }
  }
});

for (const [theme, width] of [
  ["light", 1360],
  ["dark", 390],
] as const) {
  test(`users screenshots, ${theme} at ${width} px`, async ({ page, signIn, request }) => {
    test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");
    const m = await memberWithAccess(request, `shot-${theme}`);
    await page.setViewportSize({ width, height: 900 });
    await signIn(page);
    await useTheme(page, theme);
    const settings = new SettingsPage(page);
    await settings.goto("users");
    await expect(settings.userRow(m.email)).toBeVisible();
    const shot = (name: string) =>
      page.screenshot({ path: `test-results/screenshots/admin-${name}-${theme}-${width}.png` });
    await shot("users");
    const access = await settings.openUserAccess(m.email);
    await settings.confirmClick(access.tokenRow("ci runner").getByTestId("user-token-revoke"));
    await expect(access.tokenRow("ci runner")).toContainText("revoked");
    await shot("access");
    await access.close();
    const dialog = await settings.startDisable(m.email);
    await expect(dialog.getByTestId("user-disable-summary")).toBeVisible();
    await shot("disable");
  });
}
