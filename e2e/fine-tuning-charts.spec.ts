import { expect, test } from "./fixtures";
import { FineTuningCharts } from "./pages/fine-tuning-charts";
import { emulator } from "./support/emulator";

/** Slow enough steps that the page sees the run grow; the clock finishes it. */
const stepMs = (ms: number) => emulator.config({ fineTuningStepMs: ms });

test.afterEach(async () => {
  await stepMs(150);
});

test("a running job's charts grow live; hover, keyboard, EMA, log, zoom, pan, reset and downloads work; the overfitting hint suggests a checkpoint", async ({
  page,
  signIn,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await stepMs(250);
  const charts = new FineTuningCharts(page);
  // 40 examples × 3 epochs = 120 steps of 250 ms: 30 s of training, watched for a few seconds.
  const id = await charts.createJob(40);
  await charts.open(id);
  const loss = charts.chart("Loss");
  await expect(loss).toBeVisible({ timeout: 20_000 });
  await expect(charts.chart("Token accuracy")).toBeVisible();
  const first = await charts.points(loss);
  await expect.poll(() => charts.points(loss), { timeout: 15_000 }).toBeGreaterThan(first + 3);

  // Hover reads exact values at the step under the mouse.
  const legend = loss.getByTestId("chart-legend");
  await charts.hover(loss, 0.5);
  await expect(loss.getByTestId("chart-legend-step")).toHaveText(/^Step \d+$/);
  await expect(legend.getByTestId("chart-legend-value").first()).toHaveText(/^\d+(\.\d+)?/);

  // The keyboard reads the same values.
  await charts.plot(loss).focus();
  await page.keyboard.press("Home");
  await expect(loss.getByTestId("chart-legend-step")).toHaveText("Step 1");
  await page.keyboard.press("ArrowRight");
  await expect(loss.getByTestId("chart-legend-step")).toHaveText("Step 2");

  // EMA: off shows raw values only; on adds the smoothed value.
  const slider = loss.getByTestId("chart-smoothing");
  await slider.focus();
  await page.keyboard.press("Home");
  await expect(legend).not.toContainText("EMA");
  await page.keyboard.press("End");
  await expect(legend).toContainText("EMA");

  // Finish the run on the emulator's clock; the table fills from the checkpoints and the result CSV.
  await emulator.clock(120);
  await expect.poll(() => charts.points(loss), { timeout: 20_000 }).toBe(120);
  await expect(page.getByTestId("job-metrics-progress")).toContainText("Step 120 of 120");

  const before = await charts.plot(loss).locator("canvas").screenshot();
  await loss.getByTestId("chart-log").check();
  await expect
    .poll(async () => (await charts.plot(loss).locator("canvas").screenshot()).equals(before))
    .toBe(false);
  await loss.getByTestId("chart-log").uncheck();

  // Drag zooms in; Shift+drag pans the zoomed window; reset returns to every step.
  const reset = loss.getByTestId("chart-reset-zoom");
  await expect(reset).toBeDisabled();
  await charts.drag(loss, 0.3, 0.6);
  await expect(reset).toBeEnabled();
  const zoomed = await charts.download(loss, "csv");
  const zoomedRows = zoomed.bytes.toString("utf8").trim().split(/\r?\n/).length - 1;
  expect(zoomedRows).toBeGreaterThan(10);
  expect(zoomedRows).toBeLessThan(60);
  await charts.drag(loss, 0.6, 0.4, true);
  await expect(reset).toBeEnabled();
  await reset.click();
  await expect(reset).toBeDisabled();

  const csv = await charts.download(loss, "csv");
  expect(csv.name).toBe(`${id}-loss.csv`);
  const rows = csv.bytes.toString("utf8").trim().split(/\r?\n/);
  expect(rows[0]).toBe(
    "step,Train,Train (smoothed),Validation,Validation (smoothed),Full validation,Full validation (smoothed)",
  );
  expect(rows).toHaveLength(121);
  const png = await charts.download(loss, "png");
  expect(png.name).toBe(`${id}-loss.png`);
  expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");

  // The emulator's validation loss turns up in the last epoch.
  const hint = page.getByTestId("overfit-hint");
  await expect(hint).toContainText(/overfitting/);
  await expect(hint).toContainText(/rising while train loss falls/);
  const pick = hint.getByTestId("overfit-pick-checkpoint");
  await expect(pick).toBeVisible();
  const step = (await pick.textContent())?.match(/step (\d+)/)?.[1];
  await pick.click();
  await expect(page.locator(`#checkpoint-step-${step}`)).toBeInViewport();
});

test("a queued job shows the empty state until metrics arrive", async ({ page, signIn }) => {
  await signIn(page);
  await stepMs(5000);
  const charts = new FineTuningCharts(page);
  const id = await charts.createJob(5);
  await page.goto(`/fine-tuning/${id}`);
  await expect(page.getByText("No metrics yet")).toBeVisible({ timeout: 20_000 });
  await emulator.clock(600);
  await expect(charts.chart("Loss")).toBeVisible({ timeout: 20_000 });
});
