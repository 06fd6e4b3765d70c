import { test } from "./fixtures";
import { UsagePage } from "./pages/usage";

for (const theme of ["light", "dark"] as const) {
  for (const width of [1280, 390]) {
    test(`shot ${theme} ${width}`, async ({ page, signIn }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page);
      await page.evaluate((t) => localStorage.setItem("benchtop-theme", t), theme);
      const usage = new UsagePage(page);
      await usage.open("range=30d");
      await usage.chartDrawn();
      await usage.settled();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/usage-ui/${theme}-${width}.png`, fullPage: true });
      await usage.open("range=7d&bucket=hour&group=user&view=buckets");
      await usage.chartDrawn();
      await usage.settled();
      await page.getByTestId("usage-chart-plot").hover({ position: { x: 200, y: 100 } });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/usage-ui/${theme}-${width}-hour.png`, fullPage: false });
      await usage.open("range=custom&from=2001-01-01&to=2001-01-02");
      await usage.settled();
      await page.screenshot({ path: `/tmp/usage-ui/${theme}-${width}-empty.png` });
    });
  }
}
