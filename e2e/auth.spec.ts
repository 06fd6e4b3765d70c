import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in";
import { E2E } from "./support/env";

const SECTIONS = [
  "playground",
  "tokenizer",
  "images",
  "assistants",
  "files",
  "vector-stores",
  "fine-tuning",
  "usage",
  "limits",
];

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
  const sidebar = page.getByTestId("sidebar");
  await expect(sidebar).toBeVisible();
  for (const s of SECTIONS) {
    await page.getByTestId(`nav-${s}`).click();
    await expect(page).toHaveURL(new RegExp(`/${s}$`));
    await expect(page.getByTestId(`nav-${s}`)).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("coming-soon")).toBeVisible();
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
