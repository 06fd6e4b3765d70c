import { expect, test } from "./fixtures";
import { trainingJsonl } from "./pages/fine-tuning";
import { FineTuningCharts } from "./pages/fine-tuning-charts";
import { JobFlowPage } from "./pages/fine-tuning-compare";
import { FineTuningCreatePage } from "./pages/fine-tuning-create";
import { PlaygroundPage } from "./pages/playground";
import { emulator } from "./support/emulator";

test.afterEach(async () => {
  await emulator.config({ fineTuningStepMs: 150 });
});

/**
 * Issue 14's main flow, as a person does it: a job created on the create page runs (its charts grow
 * live), succeeds, and a checkpoint opens in the playground, where a run answers from that model.
 */
test("create → running (charts grow live) → succeeded → a checkpoint answers in the playground", async ({
  page,
  signIn,
}) => {
  test.setTimeout(150_000);
  await signIn(page);
  // 30 examples × 3 epochs (auto) at 400 ms a step: long enough to watch, finished by the clock.
  await emulator.config({ fineTuningStepMs: 400 });

  const create = new FineTuningCreatePage(page);
  await create.fresh();
  await create.checkLocal("training", `flow-${Date.now()}.jsonl`, trainingJsonl(30, false, "flow"));
  await expect(create.report("training").getByTestId("training-file-report-verdict")).toHaveText(
    "No errors.",
  );
  await create.upload("training");
  await create.create();
  await expect(page).toHaveURL(/\/fine-tuning\/ftjob-/);
  const jobId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  const job = new JobFlowPage(page);
  const charts = new FineTuningCharts(page);
  await job.expectStatus("running");
  const loss = charts.chart("Loss");
  await expect(loss).toBeVisible({ timeout: 20_000 });
  const first = await charts.points(loss);
  await expect.poll(() => charts.points(loss), { timeout: 20_000 }).toBeGreaterThan(first + 3);
  await expect(page.getByTestId("job-events-live")).toBeVisible();

  await emulator.clock(600);
  await job.expectStatus("succeeded");
  await expect(page.getByTestId("job-events-live")).toHaveCount(0);
  await expect.poll(() => charts.points(loss), { timeout: 20_000 }).toBe(90);
  await expect(job.checkpoints()).toHaveCount(3);

  const checkpoint = job.checkpoints().first();
  const model = (await checkpoint.getByTestId("checkpoint-model").textContent()) ?? "";
  expect(model).toMatch(/^ft:.*:ckpt-step-\d+$/);
  await checkpoint.getByTestId("checkpoint-open-playground").click();
  await expect(page).toHaveURL(/\/playground/);
  await expect(page.getByTestId("model-input").first()).toHaveValue(model);

  const playground = new PlaygroundPage(page);
  await playground.say("Say hello.");
  await playground.runAndWait();
  await expect(playground.reply(2)).not.toBeEmpty();
  const sent = (await emulator.requests())
    .filter((r) => r.method === "POST" && /\/v1\/(responses|chat\/completions)$/.test(r.path))
    .at(-1);
  expect(JSON.stringify(sent)).toContain(model);
  expect(jobId).toMatch(/^ftjob-/);
});
