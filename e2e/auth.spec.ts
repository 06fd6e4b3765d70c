import { SECTIONS } from "../lib/sections";
import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground";
import { SettingsPage } from "./pages/settings";
import { SignInPage } from "./pages/sign-in";
import { E2E } from "./support/env";

test("signed-out visitors are sent to sign-in", async ({ page, responses: _ }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password is refused with a clear message", async ({ page, responses: _ }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.submit(E2E.admin.email, "not-the-password");
  await expect(signIn.error()).toContainText("Wrong email or password");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign in, visit every section, sign out", async ({ page, signIn }) => {
  await signIn(page);
  await page.goto("/playground");
  const sidebar = page.getByTestId("sidebar");
  await expect(sidebar).toBeVisible();
  for (const { id } of SECTIONS) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(page).toHaveURL(new RegExp(`/${id}$`));
    await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 1 })).toBeAttached();
  }
  await page.getByTestId("nav-settings").click();
  await expect(page).toHaveURL(/\/settings/);
  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/playground");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("setup is closed once an admin exists", async ({ page, responses: _ }) => {
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in/);
  const res = await page.request.post("/api/auth/setup", {
    data: { code: "AAAA-BBBB-CCCC", email: "intruder@example.com", password: "long-enough-password" },
    headers: { origin: E2E.consoleUrl },
  });
  expect(res.status()).toBe(409);
});

test("a run or a stream test after the session ended goes to sign-in, then back", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const pg = new PlaygroundPage(page);
  await pg.fresh();
  await pg.say("Hi");
  await page.context().clearCookies();
  await pg.run();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fplayground$/);
  await new SignInPage(page).submit(E2E.admin.email, E2E.admin.password);
  await expect(page).toHaveURL(/\/playground$/);

  await new SettingsPage(page).goto("connection");
  // The page's own first requests (its model list) must be done, or one of them meets the ended
  // session first and goes to sign-in before the click.
  await expect(page.getByTestId("stream-test-run")).toBeEnabled();
  await page.waitForLoadState("networkidle");
  await page.context().clearCookies();
  await page.getByTestId("stream-test-run").click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings/);
});
