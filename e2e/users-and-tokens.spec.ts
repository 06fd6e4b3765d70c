import OpenAI from "openai";
import { expect, test } from "./fixtures";
import { SettingsPage } from "./pages/settings";
import { SignInPage } from "./pages/sign-in";
import { E2E } from "./support/env";
import { freshFetch } from "./support/fresh-fetch";

test("a user creates a token once, uses it from the SDK, and revokes it", async ({ page, signIn }) => {
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("tokens");
  const token = await settings.createToken("laptop script");
  const client = new OpenAI({
    apiKey: token,
    baseURL: `${E2E.consoleUrl}/api/v1`,
    maxRetries: 0,
    fetch: freshFetch,
  });
  expect((await client.models.retrieve("gpt-4o-mini")).id).toBe("gpt-4o-mini");
  // Shown once: after a reload only the prefix remains.
  await page.reload();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(token);
  const row = settings.tokenRow("laptop script");
  await expect(row).toBeVisible();
  await row.getByTestId("token-revoke").click();
  await page.getByTestId("confirm-ok").click();
  await expect(row).toContainText(/revoked/i);
  await expect(client.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
});

test("an admin adds, disables, re-enables a user and resets their password", async ({
  page,
  signIn,
  browser,
}) => {
  const email = `member-${Date.now()}@example.com`;
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("users");
  await page.getByTestId("user-add-email").fill(email);
  await page.getByTestId("user-add-name").fill("Mem Ber");
  await page.getByTestId("user-add-password").fill("first-password-123");
  await page.getByTestId("user-add-submit").click();
  const row = settings.userRow(email);
  await expect(row).toBeVisible();

  const ctx = await browser.newContext();
  const member = await ctx.newPage();
  const memberSignIn = new SignInPage(member);
  await memberSignIn.goto();
  await memberSignIn.submit(email, "first-password-123");
  await expect(member).toHaveURL(/\/playground/);
  // Members do not see the users tab.
  await member.goto("/settings?tab=users");
  await expect(member.getByTestId("settings-tab-users")).toHaveCount(0);

  await settings.disableUser(email);
  await expect(row).toContainText(/disabled/i);
  await member.goto("/settings");
  await expect(member).toHaveURL(/\/sign-in/);
  await memberSignIn.submit(email, "first-password-123");
  await expect(memberSignIn.error()).toContainText(/disabled/i);

  await row.getByTestId("user-enable").click();
  await expect(row).not.toContainText(/disabled/i);
  await row.getByTestId("user-reset-password").click();
  await page.getByTestId("user-reset-password-input").fill("second-password-456");
  await page.getByTestId("user-reset-password-submit").click();
  await expect(page.getByTestId("user-reset-password-input")).toHaveCount(0);
  await memberSignIn.goto();
  await memberSignIn.submit(email, "second-password-456");
  await expect(member).toHaveURL(/\/playground/);
  await ctx.close();
});
