import OpenAI, { toFile } from "openai";
import { expect, test } from "./fixtures";
import { cli } from "./support/cli";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

/**
 * The official SDK with a personal token drives fine-tuning through Benchtop's proxy: create, list,
 * events, checkpoints, pause/resume/cancel; a member cannot touch another's job; a refused creation
 * (the wind-down) reaches the SDK as the upstream's error.
 */
const PASSWORD = "member-password-123";
// One retry: a pooled connection the server closed between CLI runs fails before the request is sent.
const sdk = (key: string) => new OpenAI({ apiKey: key, baseURL: `${E2E.consoleUrl}/api/v1`, maxRetries: 1 });

function member(tag: string, name: string) {
  const email = `${tag}-${Date.now()}@example.com`;
  cli("user:add", "--email", email, "--password", PASSWORD, "--name", name);
  return sdk(cli("token:create", "--email", email, "--name", "fine-tuning script"));
}

const line = (i: number) =>
  JSON.stringify({
    messages: [
      { role: "user", content: `What is ${i} + ${i}?` },
      { role: "assistant", content: String(i + i) },
    ],
  });
const jsonl = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => line(i)).join("\n"));

test.afterEach(async () => {
  await emulator.config({ fineTuningStepMs: 150, fineTuningCreation: "allow" });
});

test("a member creates, follows, pauses, resumes and cancels a job with the SDK; another member cannot cancel it", async () => {
  const ada = member("ft-ada", "Ada");
  const bob = member("ft-bob", "Bob");
  // One second a step: the clock control moves the job on, and the real seconds of the test barely do.
  await emulator.config({ fineTuningStepMs: 1000 });
  const file = await ada.files.create({ file: await toFile(jsonl(10), "train.jsonl"), purpose: "fine-tune" });
  const tag = `e2e-${Date.now()}`;
  const job = await ada.fineTuning.jobs.create({
    model: "gpt-4o-mini",
    training_file: file.id,
    suffix: "proxy",
    metadata: { run: tag },
  });
  expect(job.status).toBe("validating_files");
  const listed = await ada.fineTuning.jobs.list({ metadata: { run: tag } });
  expect(listed.data.map((j) => j.id)).toEqual([job.id]);

  await emulator.clock(9);
  expect((await ada.fineTuning.jobs.retrieve(job.id)).status).toBe("running");

  const denied = await bob.fineTuning.jobs.cancel(job.id).catch((e: unknown) => e);
  expect(denied).toBeInstanceOf(OpenAI.PermissionDeniedError);
  const err = denied as InstanceType<typeof OpenAI.APIError>;
  expect(err.code).toBe("not_owner");
  expect(err.message).toContain(
    "Only its owner (Ada) or an admin can cancel, pause or resume this fine-tuning job",
  );
  await expect(bob.fineTuning.jobs.pause(job.id)).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
  // Reading stays open to the team.
  expect((await bob.fineTuning.jobs.retrieve(job.id)).id).toBe(job.id);

  expect((await ada.fineTuning.jobs.pause(job.id)).status).toBe("pausing");
  await emulator.clock(3);
  expect((await ada.fineTuning.jobs.retrieve(job.id)).status).toBe("paused");
  const resumed = await ada.fineTuning.jobs.resume(job.id);
  expect(resumed.status).toBe("running");
  await emulator.clock(12);

  const events = await ada.fineTuning.jobs.listEvents(job.id, { limit: 100 });
  const messages = events.data.map((e) => e.message);
  expect(messages).toContain("Fine-tuning job paused");
  expect(messages).toContain("Fine-tuning job resumed");
  const metrics = events.data.filter((e) => e.type === "metrics");
  expect(metrics.length).toBeGreaterThan(5);
  expect(metrics[0]?.data).toMatchObject({ total_steps: 30 });
  const page = await ada.fineTuning.jobs.listEvents(job.id, { limit: 3, after: events.data[2]?.id });
  expect(page.data[0]?.id).toBe(events.data[3]?.id);

  const checkpoints = await ada.fineTuning.jobs.checkpoints.list(job.id);
  expect(checkpoints.data.map((c) => c.step_number)).toEqual([10]);
  expect(checkpoints.data[0]?.fine_tuned_model_checkpoint).toMatch(
    /^ft:gpt-4o-mini-2024-07-18:.*:proxy:.*:ckpt-step-10$/,
  );

  const cancelled = await ada.fineTuning.jobs.cancel(job.id);
  expect(cancelled.status).toBe("cancelled");
  const again = await ada.fineTuning.jobs.cancel(job.id).catch((e: unknown) => e);
  expect(again).toBeInstanceOf(OpenAI.BadRequestError);
});

test("a job runs to success through the proxy and its result file decodes", async () => {
  const ada = member("ft-ada2", "Ada");
  const file = await ada.files.create({ file: await toFile(jsonl(10), "train.jsonl"), purpose: "fine-tune" });
  const job = await ada.fineTuning.jobs.create({ model: "gpt-4.1-mini-2025-04-14", training_file: file.id });
  await emulator.clock(10);
  const done = await ada.fineTuning.jobs.retrieve(job.id);
  expect(done.status).toBe("succeeded");
  expect(done.fine_tuned_model).toMatch(/^ft:gpt-4.1-mini-2025-04-14:org-emulator::/);
  const checkpoints = await ada.fineTuning.jobs.checkpoints.list(job.id);
  expect(checkpoints.data.map((c) => c.step_number)).toEqual([30, 20, 10]);
  const raw = await (await ada.files.content(done.result_files[0] ?? "")).text();
  expect(Buffer.from(raw, "base64").toString("utf8")).toMatch(
    /^step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n1,/,
  );
});

test("a refused creation (the wind-down) reaches the SDK as the upstream's error", async () => {
  const ada = member("ft-ada3", "Ada");
  const file = await ada.files.create({ file: await toFile(jsonl(10), "train.jsonl"), purpose: "fine-tune" });
  await emulator.config({ fineTuningCreation: "refuse" });
  const refused = await ada.fineTuning.jobs
    .create({ model: "gpt-4o-mini", training_file: file.id })
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(OpenAI.PermissionDeniedError);
  const err = refused as InstanceType<typeof OpenAI.APIError>;
  expect(err.status).toBe(403);
  expect(err.code).toBe("fine_tuning_unavailable");
  expect(err.message).toContain("no longer available to this organization");
  expect(err.message).toContain("2027-01-06");
  // Reading keeps working after the wind-down.
  await ada.fineTuning.jobs.list();
});
