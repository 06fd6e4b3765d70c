import { expect, test } from "./fixtures";
import { FineTuningApi, trainingJsonl } from "./pages/fine-tuning";
import { ComparePage, exportJob, text } from "./pages/fine-tuning-compare";
import { emulator } from "./support/emulator";

const MODEL = "gpt-4.1-mini-2025-04-14";

test.describe("fine-tuning compare and export", () => {
  test.afterEach(async () => {
    await emulator.clearFaults();
  });

  test("two jobs with different hyperparameters: curves for both, differing rows flagged, the set in the URL", async ({
    page,
    signIn,
  }) => {
    await signIn(page);
    const api = new FineTuningApi(page);
    const train = await api.upload(trainingJsonl(8, false, "t"), `train-${Date.now()}.jsonl`);
    const valid = await api.upload(trainingJsonl(4, false, "v"), `valid-${Date.now()}.jsonl`);
    const hyper = (h: Record<string, unknown>) => ({
      type: "supervised",
      supervised: { hyperparameters: h },
    });
    const a = await api.create({
      model: MODEL,
      training_file: train,
      validation_file: valid,
      suffix: "alpha",
      method: hyper({ n_epochs: 2 }),
    });
    const b = await api.create({
      model: MODEL,
      training_file: train,
      validation_file: valid,
      suffix: "beta",
      method: hyper({ n_epochs: 3, learning_rate_multiplier: 0.5 }),
    });
    await api.until(a.id, "succeeded");
    await api.until(b.id, "succeeded");

    const compare = new ComparePage(page);
    await compare.goto([a.id, b.id]);
    await expect(compare.chips()).toHaveCount(2);
    for (const id of [a.id, b.id]) {
      await expect(compare.legend("train-loss", id)).toBeVisible();
      expect(await compare.points("train-loss", id)).toBeGreaterThan(0);
      await expect(compare.legend("valid-loss", id)).toBeVisible();
    }
    // 8 examples, batch 1: 16 steps against 24.
    expect(await compare.points("train-loss", b.id)).toBeGreaterThan(
      await compare.points("train-loss", a.id),
    );

    await expect(compare.diffRow("n_epochs")).toHaveAttribute("data-differs", "true");
    await expect(compare.diffRow("learning_rate_multiplier")).toHaveAttribute("data-differs", "true");
    await expect(compare.diffRow("Suffix")).toHaveAttribute("data-differs", "true");
    await expect(compare.diffRow("Base model")).toHaveAttribute("data-differs", "false");
    await expect(compare.diffRow("Training file")).toHaveAttribute("data-differs", "false");
    await expect(compare.diffRow("n_epochs").getByText("differs")).toBeVisible();
    await expect(page.getByTestId("ft-compare-final").locator('[data-metric="train_loss"]')).toBeVisible();

    // The set is the URL: removing and adding back rewrite it, and a reload keeps it.
    await compare.remove(b.id);
    await expect.poll(() => compare.urlIds()).toEqual([a.id]);
    await expect(page.getByTestId("ft-compare-one")).toBeVisible();
    await compare.add(b.id);
    await expect.poll(() => compare.urlIds()).toEqual([a.id, b.id]);
    await page.reload();
    await expect(compare.chips()).toHaveCount(2);

    // An id that is not a job: a note, and the rest still compared.
    await compare.goto([a.id, "ftjob-does-not-exist"]);
    await expect(page.getByTestId("ft-compare-missing")).toContainText("ftjob-does-not-exist");
    await expect(compare.legend("train-loss", a.id)).toBeVisible();

    await compare.goto([]);
    await expect(page.getByText("No jobs to compare yet")).toBeVisible();
  });

  test("export downloads <job id>.zip with the job, events, checkpoints, a decoded result CSV and a manifest naming a refused file", async ({
    page,
    signIn,
  }) => {
    await signIn(page);
    const api = new FineTuningApi(page);
    const train = await api.upload(trainingJsonl(6, false, "t"), `train-${Date.now()}.jsonl`);
    const valid = await api.upload(trainingJsonl(3, false, "v"), `valid-${Date.now()}.jsonl`);
    const job = await api.create({
      model: MODEL,
      training_file: train,
      validation_file: valid,
      suffix: "export",
    });
    const done = await api.until(job.id, "succeeded");
    const resultId = done.result_files[0];
    expect(resultId).toBeTruthy();
    // As the API answers for files it will not hand back.
    await emulator.fault({
      kind: "status",
      path: `/v1/files/${valid}/content`,
      status: 400,
      type: "invalid_request_error",
      message: "Not allowed to download files of purpose: fine-tune.",
    });

    await page.goto(`/fine-tuning/${job.id}`);
    const { name, entries } = await exportJob(page);
    expect(name).toBe(`${job.id}.zip`);
    await expect(page.getByTestId("ft-export-outcome")).toContainText(`${job.id}.zip`);

    expect(JSON.parse(text(entries["job.json"]))).toMatchObject({ id: job.id, status: "succeeded" });
    const events = JSON.parse(text(entries["events.json"])) as { type: string }[];
    expect(events.filter((e) => e.type === "metrics").length).toBeGreaterThan(0);
    expect((JSON.parse(text(entries["checkpoints.json"])) as unknown[]).length).toBeGreaterThan(0);
    expect(text(entries[`results/${resultId}.txt`])).not.toContain("step,");
    const csv = text(entries[`results/${resultId}.csv`]);
    expect(csv.split("\n")[0]).toMatch(/^step,train_loss/);
    expect(csv.trim().split("\n").length).toBeGreaterThan(2);
    expect(Object.keys(entries).some((k) => k.startsWith(`files/training-${train}`))).toBe(true);
    expect(Object.keys(entries).some((k) => k.startsWith("files/validation"))).toBe(false);

    const manifest = JSON.parse(text(entries["manifest.json"]));
    expect(manifest).toMatchObject({ job_id: job.id, training_file: train, validation_file: valid });
    expect(manifest.benchtop_version).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.not_included).toEqual([
      expect.objectContaining({
        what: `Validation file ${valid}`,
        reason: expect.stringContaining("Not allowed to download"),
      }),
    ]);
  });
});
