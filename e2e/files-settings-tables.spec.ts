import { expect, test } from "./fixtures";
import { SettingsPage } from "./pages/settings";

/** At 390 px the settings tables fit the screen: every row's actions can be reached without scrolling sideways. */
test("the users and tokens tables fit a 390 px screen", async ({ page, signIn }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const settings = new SettingsPage(page);
  await settings.goto("tokens");
  await settings.createToken(`phone token ${Date.now()}`);
  await settings.goto("tokens");
  const fits = (box: import("@playwright/test").Locator) =>
    box.evaluate((el) => {
      const scroller = el.closest(".overflow-x-auto") ?? el;
      return scroller.scrollWidth <= scroller.clientWidth;
    });
  const tokenRow = page.getByTestId("token-row").first();
  await expect(tokenRow).toBeVisible();
  expect(await fits(tokenRow)).toBe(true);

  await settings.goto("users");
  const users = page.getByTestId("users-table");
  await expect(users).toBeVisible();
  expect(await users.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  for (const button of await page.getByTestId("user-row").first().getByRole("button").all()) {
    const box = await button.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  }
});
