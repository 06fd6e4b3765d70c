import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server";

let emu: Emulator;
let client: OpenAI;
const KEY = "sk-emulator-test-abcd";

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY, controls: true });
  client = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

/** The default `fineTuningStepMs`. */
const STEP = 150;
/** Moves the emulator's millisecond clock (what POST /__emulator/clock does, finer). */
const advanceMs = (ms: number) => {
  emu.state.offsetMs += ms;
};

const chatLine = (i: number) =>
  JSON.stringify({
    messages: [
      { role: "user", content: `question ${i}` },
      { role: "assistant", content: `answer ${i}` },
    ],
  });

async function upload(lines: string[], purpose: "fine-tune" | "assistants" = "fine-tune") {
  return client.files.create({ file: await toFile(Buffer.from(lines.join("\n")), "train.jsonl"), purpose });
}

const tenLines = () => Array.from({ length: 10 }, (_, i) => chatLine(i));

async function apiError(p: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OpenAI.APIError) return e;
    throw e;
  }
  throw new Error("expected an API error");
}

describe("fine-tuning jobs", () => {
  it("moves through validating, queued, running and succeeded as the clock advances", async () => {
    const train = await upload(tenLines());
    const valid = await upload(tenLines().map((l) => l.replace("question", "q")));
    const job = await client.fineTuning.jobs.create({
      model: "gpt-4o-mini",
      training_file: train.id,
      validation_file: valid.id,
      suffix: "support",
      metadata: { team: "a" },
    });
    expect(job.id).toBe("ftjob-emu000001");
    expect(job.model).toBe("gpt-4o-mini-2024-07-18");
    expect(job.status).toBe("validating_files");
    expect(job.hyperparameters.n_epochs).toBe("auto");
    advanceMs(4 * STEP);
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe("queued");
    advanceMs(4 * STEP + 5 * STEP);
    const running = await client.fineTuning.jobs.retrieve(job.id);
    expect(running.status).toBe("running");
    expect(running.hyperparameters).toEqual({ batch_size: 1, learning_rate_multiplier: 1.8, n_epochs: 3 });
    expect(running.estimated_finish).toBeGreaterThan(running.created_at);
    advanceMs(30 * STEP);
    const done = await client.fineTuning.jobs.retrieve(job.id);
    expect(done.status).toBe("succeeded");
    expect(done.fine_tuned_model).toBe("ft:gpt-4o-mini-2024-07-18:org-emulator:support:emu000001");
    expect(done.trained_tokens).toBeGreaterThan(0);
    expect(done.result_files).toHaveLength(1);

    // Events: newest first, one metrics event per step, paging with after.
    const events = await client.fineTuning.jobs.listEvents(job.id, { limit: 100 });
    expect(events.data[0]?.message).toBe("The job has successfully completed");
    const metrics = events.data.filter((e) => e.type === "metrics").reverse();
    expect(metrics).toHaveLength(30);
    const d = metrics[0]?.data as Record<string, number>;
    expect(d).toMatchObject({ step: 1, total_steps: 30 });
    expect(typeof d.train_loss).toBe("number");
    expect(typeof d.train_mean_token_accuracy).toBe("number");
    const full = metrics.filter((e) => "full_valid_loss" in (e.data as object));
    expect(full.map((e) => (e.data as { step: number }).step)).toEqual([10, 20, 30]);
    expect(metrics.some((e) => "valid_loss" in (e.data as object))).toBe(true);
    // Loss falls, and validation loss turns up in the last epoch.
    const loss = (i: number) => (metrics[i]?.data as { train_loss: number } | undefined)?.train_loss ?? 0;
    expect(loss(29)).toBeLessThan(loss(0) / 2);
    const fv = full.map((e) => (e.data as { full_valid_loss: number }).full_valid_loss);
    expect(fv[2]).toBeGreaterThan(fv[1] ?? 0);
    const first = await client.fineTuning.jobs.listEvents(job.id, { limit: 5 });
    const next = await client.fineTuning.jobs.listEvents(job.id, { limit: 5, after: first.data[4]?.id });
    expect(next.data[0]?.id).toBe(events.data[5]?.id);

    // Checkpoints at epoch ends; the fine-tuned and checkpoint models are listed and answer.
    const ckpts = await client.fineTuning.jobs.checkpoints.list(job.id);
    expect(ckpts.data.map((c) => c.step_number)).toEqual([30, 20, 10]);
    expect(ckpts.data[1]?.fine_tuned_model_checkpoint).toBe(`${done.fine_tuned_model}:ckpt-step-20`);
    expect(ckpts.data[0]?.metrics.full_valid_loss).toBeTypeOf("number");
    const models = (await client.models.list()).data.map((m) => m.id);
    expect(models).toContain(done.fine_tuned_model);
    expect(models).toContain(ckpts.data[2]?.fine_tuned_model_checkpoint);
    const reply = await client.chat.completions.create({
      model: done.fine_tuned_model ?? "",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(reply.choices[0]?.message.content).toBe("Echo: hi");
    const resp = await client.responses.create({
      model: ckpts.data[0]?.fine_tuned_model_checkpoint ?? "",
      input: "hi",
    });
    expect(resp.status).toBe("completed");

    // The result file: purpose fine-tune-results, base64 of the CSV.
    const file = await client.files.retrieve(done.result_files[0] ?? "");
    expect(file.purpose).toBe("fine-tune-results");
    const raw = await (await client.files.content(file.id)).text();
    const csv = Buffer.from(raw, "base64").toString("utf8").trim().split("\n");
    expect(csv[0]).toBe("step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy");
    expect(csv).toHaveLength(31);
    expect(csv[1]).toMatch(/^1,[\d.]+,[\d.]+,[\d.]*,[\d.]*$/);
  });

  it("keeps only the last 3 checkpoints", async () => {
    const train = await upload(tenLines());
    const job = await client.fineTuning.jobs.create({
      model: "gpt-4.1-mini-2025-04-14",
      training_file: train.id,
      method: { type: "supervised", supervised: { hyperparameters: { n_epochs: 5, batch_size: 5 } } },
    });
    advanceMs(100 * STEP);
    const ckpts = await client.fineTuning.jobs.checkpoints.list(job.id);
    expect(ckpts.data.map((c) => c.step_number)).toEqual([10, 8, 6]);
  });

  it("lists newest first with after, limit and a metadata filter", async () => {
    const train = await upload(tenLines());
    for (const team of ["a", "b", "a"])
      await client.fineTuning.jobs.create({
        model: "gpt-4o-mini",
        training_file: train.id,
        metadata: { team },
      });
    const all = await client.fineTuning.jobs.list();
    expect(all.data.map((j) => j.id)).toEqual(["ftjob-emu000003", "ftjob-emu000002", "ftjob-emu000001"]);
    const a = await client.fineTuning.jobs.list({ metadata: { team: "a" } });
    expect(a.data.map((j) => j.id)).toEqual(["ftjob-emu000003", "ftjob-emu000001"]);
    const p = await client.fineTuning.jobs.list({ limit: 1, after: "ftjob-emu000003" });
    expect(p.data.map((j) => j.id)).toEqual(["ftjob-emu000002"]);
    expect(p.has_more).toBe(true);
  });

  it("pauses, resumes and cancels where the status allows, and refuses elsewhere", async () => {
    const train = await upload(tenLines());
    const job = await client.fineTuning.jobs.create({ model: "gpt-4o-mini", training_file: train.id });
    const early = await apiError(client.fineTuning.jobs.pause(job.id));
    expect(early.status).toBe(400);
    advanceMs(12 * STEP);
    expect((await client.fineTuning.jobs.pause(job.id)).status).toBe("pausing");
    advanceMs(2 * STEP);
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe("paused");
    const before = (await client.fineTuning.jobs.listEvents(job.id, { limit: 100 })).data;
    advanceMs(1000 * STEP);
    // Paused: no training happens however long it waits.
    expect((await client.fineTuning.jobs.listEvents(job.id, { limit: 100 })).data).toHaveLength(
      before.length,
    );
    expect(before[0]?.message).toBe("Fine-tuning job paused");
    expect((await apiError(client.fineTuning.jobs.pause(job.id))).status).toBe(400);
    expect((await client.fineTuning.jobs.resume(job.id)).status).toBe("running");
    expect((await apiError(client.fineTuning.jobs.resume(job.id))).status).toBe(400);
    advanceMs(2 * STEP);
    const cancelled = await client.fineTuning.jobs.cancel(job.id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.finished_at).not.toBeNull();
    const events = (await client.fineTuning.jobs.listEvents(job.id, { limit: 100 })).data;
    expect(events[0]?.message).toBe("Fine-tuning job cancelled");
    expect(events.some((e) => e.message === "Fine-tuning job resumed")).toBe(true);
    advanceMs(100 * STEP);
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe("cancelled");
    const again = await apiError(client.fineTuning.jobs.cancel(job.id));
    // Cancelling a paused job ends it there, with no "resumed" event.
    const j2 = await client.fineTuning.jobs.create({ model: "gpt-4o-mini", training_file: train.id });
    advanceMs(12 * STEP);
    await client.fineTuning.jobs.pause(j2.id);
    advanceMs(3 * STEP);
    expect((await client.fineTuning.jobs.cancel(j2.id)).status).toBe("cancelled");
    const e2 = (await client.fineTuning.jobs.listEvents(j2.id, { limit: 100 })).data.map((e) => e.message);
    expect(e2.slice(0, 2)).toEqual(["Fine-tuning job cancelled", "Fine-tuning job paused"]);
    expect(e2).not.toContain("Fine-tuning job resumed");
    expect(again.status).toBe(400);
    expect(again.code).toBe("invalid_job_status");
  });

  it("validates the create body like the API, naming the param", async () => {
    const train = await upload(tenLines());
    const other = await upload(tenLines(), "assistants");
    const cases: [Record<string, unknown>, string | null, string][] = [
      [{ training_file: train.id }, "model", "missing_required_parameter"],
      [{ model: "gpt-5.1", training_file: train.id }, "model", "model_not_available"],
      [{ model: "gpt-4o-mini" }, "training_file", "missing_required_parameter"],
      [{ model: "gpt-4o-mini", training_file: "file-nope" }, "training_file", "invalid_file_id"],
      [{ model: "gpt-4o-mini", training_file: other.id }, "training_file", "invalid_file_purpose"],
      [
        { model: "gpt-4o-mini", training_file: train.id, suffix: "x".repeat(65) },
        "suffix",
        "string_above_max_length",
      ],
      [{ model: "gpt-4o-mini", training_file: train.id, seed: -1 }, "seed", "integer_below_min_value"],
      [
        {
          model: "gpt-4o-mini",
          training_file: train.id,
          method: { type: "supervised", supervised: { hyperparameters: { n_epochs: 51 } } },
        },
        "method.supervised.hyperparameters.n_epochs",
        "invalid_value",
      ],
      [
        {
          model: "gpt-4.1-2025-04-14",
          training_file: train.id,
          method: { type: "dpo", dpo: { hyperparameters: { beta: 3 } } },
        },
        "method.dpo.hyperparameters.beta",
        "invalid_value",
      ],
      [
        { model: "gpt-4o-mini", training_file: train.id, hyperparameters: { batch_size: 300 } },
        "hyperparameters.batch_size",
        "invalid_value",
      ],
      [{ model: "o4-mini", training_file: train.id }, "method.type", "unsupported_method"],
      [
        { model: "gpt-4o-mini", training_file: train.id, validation_file: train.id },
        "validation_file",
        "invalid_value",
      ],
    ];
    for (const [body, param, code] of cases) {
      const e = await apiError(client.fineTuning.jobs.create(body as never));
      expect(e.status, JSON.stringify(body)).toBe(400);
      expect(e.param, JSON.stringify(body)).toBe(param);
      expect(e.code, JSON.stringify(body)).toBe(code);
    }
    expect(emu.state.fineTuningJobs.size).toBe(0);
  });

  it("refuses every creation as after the wind-down until allowed again", async () => {
    const train = await upload(tenLines());
    await fetch(`${emu.url.replace(/\/v1$/, "")}/__emulator/config`, {
      method: "POST",
      body: JSON.stringify({ fineTuningCreation: "refuse" }),
    });
    const e = await apiError(
      client.fineTuning.jobs.create({ model: "gpt-4o-mini", training_file: train.id }),
    );
    expect(e.status).toBe(403);
    expect(e.code).toBe("fine_tuning_unavailable");
    expect(e.message).toContain("2027-01-06");
    emu.state.config.fineTuningCreation = "allow";
    expect(
      (await client.fineTuning.jobs.create({ model: "gpt-4o-mini", training_file: train.id })).status,
    ).toBe("validating_files");
  });

  it("fails a job whose training file is not valid for the method, naming the line", async () => {
    const lines = tenLines();
    lines[2] = JSON.stringify({ messages: [{ role: "agent", content: "x" }] });
    const train = await upload(lines);
    const job = await client.fineTuning.jobs.create({ model: "gpt-4o-mini", training_file: train.id });
    expect(job.status).toBe("validating_files");
    advanceMs(4 * STEP);
    const failed = await client.fineTuning.jobs.retrieve(job.id);
    expect(failed.status).toBe("failed");
    expect(failed.error?.code).toBe("invalid_training_file");
    expect(failed.error?.param).toBe("training_file");
    expect(failed.error?.message).toContain("Line 3");
    const events = (await client.fineTuning.jobs.listEvents(job.id)).data;
    expect(events[0]?.level).toBe("error");
    const notJson = await upload(["{oops", ...tenLines()]);
    const j2 = await client.fineTuning.jobs.create({ model: "gpt-4o-mini", training_file: notJson.id });
    advanceMs(4 * STEP);
    expect((await client.fineTuning.jobs.retrieve(j2.id)).error?.message).toContain(
      "Line 1: the line is not valid JSON",
    );
  });

  it("runs DPO and reinforcement jobs with their metrics and CSV columns", async () => {
    const dpoLine = JSON.stringify({
      input: { messages: [{ role: "user", content: "hi" }] },
      preferred_output: [{ role: "assistant", content: "hello" }],
      non_preferred_output: [{ role: "assistant", content: "go away" }],
    });
    const dpoFile = await upload(Array(10).fill(dpoLine));
    const dpo = await client.fineTuning.jobs.create({
      model: "gpt-4.1-nano",
      training_file: dpoFile.id,
      method: { type: "dpo", dpo: { hyperparameters: { beta: 0.2 } } },
    });
    const rftFile = await upload(
      Array(10).fill(JSON.stringify({ messages: [{ role: "user", content: "2+2?" }], answer: "4" })),
    );
    const validFile = await upload(
      Array(10).fill(JSON.stringify({ messages: [{ role: "user", content: "3+3?" }], answer: "6" })),
    );
    const rft = await client.fineTuning.jobs.create({
      model: "o4-mini",
      training_file: rftFile.id,
      validation_file: validFile.id,
      method: {
        type: "reinforcement",
        reinforcement: {
          grader: {
            type: "multi",
            name: "combo",
            calculate_output: "exact + fuzzy",
            graders: {
              exact: {
                type: "string_check",
                name: "exact",
                input: "{{sample.output_text}}",
                reference: "{{item.answer}}",
                operation: "eq",
              },
              fuzzy: {
                type: "text_similarity",
                name: "fuzzy",
                input: "{{sample.output_text}}",
                reference: "{{item.answer}}",
                evaluation_metric: "fuzzy_match",
              },
              // The spec's map of named graders; the SDK types `graders` as one grader.
            } as never,
          },
        },
      },
    });
    advanceMs(50 * STEP);
    expect((await client.fineTuning.jobs.retrieve(dpo.id)).status).toBe("succeeded");
    const doneRft = await client.fineTuning.jobs.retrieve(rft.id);
    expect(doneRft.status).toBe("succeeded");
    const m = (await client.fineTuning.jobs.listEvents(rft.id, { limit: 100 })).data.filter(
      (e) => e.type === "metrics",
    );
    const last = m[0]?.data as Record<string, unknown>;
    expect(last).toHaveProperty("train_mean_reward");
    expect(last).toHaveProperty("full_valid_mean_reward");
    expect(Object.keys(last.scores as object)).toEqual(["exact", "fuzzy"]);
    const raw = await (await client.files.content(doneRft.result_files[0] ?? "")).text();
    expect(Buffer.from(raw, "base64").toString("utf8").split("\n")[0]).toBe(
      "step,train_mean_reward,valid_mean_reward,full_valid_mean_reward,scores/exact,scores/fuzzy",
    );
    const dpoMetrics = (await client.fineTuning.jobs.listEvents(dpo.id, { limit: 100 })).data.filter(
      (e) => e.type === "metrics",
    );
    expect((dpoMetrics.at(-1)?.data as { train_loss: number } | undefined)?.train_loss).toBeLessThan(0.8);
  });

  it("follows the clock control in whole seconds", async () => {
    const train = await upload(tenLines());
    const job = await client.fineTuning.jobs.create({ model: "gpt-4o-mini", training_file: train.id });
    await fetch(`${emu.url.replace(/\/v1$/, "")}/__emulator/clock`, {
      method: "POST",
      body: JSON.stringify({ advanceSeconds: 10 }),
    });
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe("succeeded");
  });
});
