import { expect, test } from "./fixtures";
import { FineTuningApi, JobPage, JobsPage, trainingJsonl } from "./pages/fine-tuning";

// Jobs move on the emulator's clock: 10 examples × 3 epochs = 30 steps.
const FAST = 40;
const SLOW = 60_000;

test.afterEach(async ({ page }) => {
  await new FineTuningApi(page).stepMs(150);
});

test("the list shows a running and a finished job with their columns, filters in the URL and compare", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const api = new FineTuningApi(page);
  const file = await api.upload(trainingJsonl(10));
  await api.stepMs(FAST);
  const done = await api.create({ training_file: file, suffix: "done", metadata: { team: "e2e" } });
  await api.until(done.id, "succeeded");
  await api.stepMs(SLOW);
  const running = await api.create({
    training_file: file,
    method: { type: "dpo" },
    model: "gpt-4.1-nano-2025-04-14",
  });
  const jobs = new JobsPage(page);
  await jobs.open();
  await expect(page.getByTestId("ft-wind-down")).toContainText("Jan 6, 2027");

  const finished = jobs.row(done.id);
  await expect(finished.getByTestId("job-status")).toHaveAttribute("data-status", "succeeded");
  await expect(finished.getByTestId("job-method")).toContainText("Supervised");
  await expect(finished.getByTestId("job-base")).toHaveText("gpt-4.1-mini-2025-04-14");
  await expect(finished.getByTestId("job-ft-model")).toContainText(":done:");
  await expect(finished.getByTestId("job-tokens")).not.toHaveText("—");
  await expect(finished.getByTestId("job-owner")).toContainText("you");
  const live = jobs.row(running.id);
  await expect(live.getByTestId("job-method")).toContainText("DPO");
  await expect(live.getByTestId("job-status")).not.toHaveAttribute("data-status", "succeeded");

  await jobs.filterMethod("dpo");
  await expect(jobs.rows()).toHaveCount(1);
  await expect(page).toHaveURL(/method=dpo/);
  await jobs.filterMethod("");
  await jobs.filterStatus("succeeded");
  await expect(jobs.row(done.id)).toBeVisible();
  await expect(jobs.row(running.id)).toHaveCount(0);
  await jobs.filterStatus("");

  await page.getByTestId("job-filter-metadata").fill("team=e2e");
  await page.getByTestId("job-filter-metadata").press("Enter");
  await expect(jobs.row(done.id)).toBeVisible();
  await expect(jobs.row(running.id)).toHaveCount(0);
  await page.getByTestId("job-filter-metadata").fill("");
  await page.getByTestId("job-filter-metadata").press("Enter");

  await jobs.select(done.id);
  await jobs.select(running.id);
  await expect(page.getByTestId("jobs-compare")).toHaveAttribute(
    "href",
    new RegExp(`/fine-tuning/compare\\?jobs=(${done.id},${running.id}|${running.id},${done.id})`),
  );
});

test("a job page follows a run to success live; its checkpoint opens in the playground and in compare", async ({
  page,
  signIn,
}) => {
  await signIn(page);
  const api = new FineTuningApi(page);
  const file = await api.upload(trainingJsonl(10));
  await api.stepMs(300);
  const job = await api.create({ training_file: file, suffix: "live" });
  const view = new JobPage(page);
  await view.open(job.id);
  await expect(page.getByTestId("job-events-live")).toBeVisible();
  await view.expectStatus("running");
  await view.expectStatus("succeeded");
  await expect(page.getByTestId("job-events-live")).toHaveCount(0);
  await expect(view.timeline()).toHaveText([/Validating/, /Queued/, /Running/, /Succeeded/]);
  await expect(page.getByTestId("job-header").getByTestId("job-ft-model")).toContainText(":live:");
  await expect(page.getByTestId("job-result-file")).toHaveCount(1);
  await expect(page.getByTestId("job-hp-n_epochs")).toContainText("3");
  await expect(page.getByTestId("job-events-list")).toContainText("successfully completed");
  await expect(view.checkpoints()).toHaveCount(3);

  const top = view.checkpoints().first();
  const ckpt = (await top.getByTestId("checkpoint-model").textContent()) ?? "";
  expect(ckpt).toMatch(/:ckpt-step-30$/);
  await top.getByTestId("checkpoint-open-playground").click();
  await expect(page).toHaveURL(/\/playground/);
  await expect(page.getByTestId("model-input").first()).toHaveValue(ckpt);

  await view.open(job.id);
  await view.checkpoints().nth(1).getByTestId("checkpoint-compare").click();
  await expect(page).toHaveURL(/\/playground/);
  const columns = page.getByTestId("compare-column");
  await expect(columns).toHaveCount(3);
  await expect(columns.nth(0).getByTestId("model-input")).toHaveValue(/:ckpt-step-20$/);
  await expect(columns.nth(1).getByTestId("model-input")).toHaveValue("gpt-4.1-mini-2025-04-14");
  await expect(columns.nth(2).getByTestId("model-input")).toHaveValue(/:live:[^:]+$/);
});

test("pause, resume and cancel as the status allows, cancel after a confirm", async ({ page, signIn }) => {
  await signIn(page);
  const api = new FineTuningApi(page);
  const file = await api.upload(trainingJsonl(10));
  await api.stepMs(1000);
  const job = await api.create({ training_file: file });
  const view = new JobPage(page);
  await view.open(job.id);
  await view.expectStatus("running");
  await expect(view.action("resume")).toHaveCount(0);
  await view.action("pause").click();
  await view.expectStatus("paused", 15_000);
  await expect(view.action("pause")).toHaveCount(0);
  await view.action("resume").click();
  await view.expectStatus("running");
  await view.action("cancel").click();
  await view.confirm("Cancel job");
  await view.expectStatus("cancelled");
  await expect(view.action("cancel")).toHaveCount(0);
  await expect(view.timeline().last()).toContainText("Cancelled");
});

test("a failed job says which line is wrong and what to do", async ({ page, signIn }) => {
  await signIn(page);
  const api = new FineTuningApi(page);
  const file = await api.upload(trainingJsonl(10, true));
  await api.stepMs(FAST);
  const job = await api.create({ training_file: file });
  await api.until(job.id, "failed");
  const view = new JobPage(page);
  await view.open(job.id);
  await view.expectStatus("failed");
  await expect(view.error()).toHaveAttribute("data-code", "invalid_training_file");
  await expect(page.getByTestId("job-error-message")).toContainText("Line 3");
  await expect(page.getByTestId("job-error-advice")).toContainText("re-validate");
  await expect(page.getByTestId("job-error-create")).toHaveAttribute("href", "/fine-tuning/new");
  await expect(view.action("cancel")).toHaveCount(0);
});
