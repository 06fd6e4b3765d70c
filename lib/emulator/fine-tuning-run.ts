import type { FineTuningJobCheckpoint } from "openai/resources/fine-tuning/jobs/checkpoints";
import type { FineTuningJob, FineTuningJobEvent } from "openai/resources/fine-tuning/jobs/jobs";
import type { StoredFineTuningJob } from "./state";

/**
 * A job's life derived from the millisecond clock, so nothing runs in the background: `active` time
 * is wall time since creation less the time spent paused (and frozen at cancellation). Validation
 * takes 4 steps, the queue 4, training one step per `stepMs`; pausing takes 2 steps of wall time.
 */

const VALIDATE = 4;
const QUEUE = 4;
const PAUSING = 2;

/** The SDK's enum lacks the documented `pausing` and `paused`. */
export type EmulatedStatus = FineTuningJob["status"] | "pausing" | "paused";
export type EmulatedJob = Omit<FineTuningJob, "status"> & { status: EmulatedStatus };

export function activeMs(s: StoredFineTuningJob, wall: number): number {
  const end = Math.min(wall, s.cancelledAtMs ?? Number.POSITIVE_INFINITY);
  let a = end - s.createdMs;
  for (const p of s.pauses) if (p.wallStart < end) a -= Math.min(p.wallEnd ?? end, end) - p.wallStart;
  return a;
}

/** When (wall time) the job reached `active`; Infinity while a pause before it is still open. */
function wallOf(s: StoredFineTuningJob, active: number): number {
  let w = s.createdMs + active;
  for (const p of s.pauses) {
    if (activeMs(s, p.wallStart) >= active) continue;
    if (p.wallEnd === null) return Number.POSITIVE_INFINITY;
    w += p.wallEnd - p.wallStart;
  }
  return w;
}

const validatedAt = (s: StoredFineTuningJob) => VALIDATE * s.stepMs;
const startedAt = (s: StoredFineTuningJob) => (VALIDATE + QUEUE) * s.stepMs;
const stepAt = (s: StoredFineTuningJob, k: number) => startedAt(s) + k * s.stepMs;

export function statusAt(s: StoredFineTuningJob, now: number): EmulatedStatus {
  if (s.cancelledAtMs !== null) return "cancelled";
  const a = activeMs(s, now);
  if (s.failure && a >= validatedAt(s)) return "failed";
  if (!s.failure && a >= stepAt(s, s.totalSteps)) return "succeeded";
  const open = s.pauses.at(-1);
  if (open && open.wallEnd === null) return now - open.wallStart < PAUSING * s.stepMs ? "pausing" : "paused";
  return a < validatedAt(s) ? "validating_files" : a < startedAt(s) ? "queued" : "running";
}

export const isTerminal = (st: EmulatedStatus) => st === "succeeded" || st === "failed" || st === "cancelled";

/** Training steps done by `now`. */
function stepsDone(s: StoredFineTuningJob, now: number): number {
  if (s.failure) return 0;
  const a = activeMs(s, now) - startedAt(s);
  return Math.max(0, Math.min(s.totalSteps, Math.floor(a / s.stepMs)));
}

const sec = (s: StoredFineTuningJob, wall: number) =>
  s.base.created_at + Math.floor((wall - s.createdMs) / 1000);
export const shortId = (jobId: string) => jobId.replace(/^ftjob-/, "");

export function fineTunedModelName(s: StoredFineTuningJob): string {
  return `ft:${s.base.model}:org-emulator:${s.suffix ?? ""}:${shortId(s.base.id)}`;
}

const endsCache = new WeakMap<StoredFineTuningJob, { list: number[]; set: Set<number> }>();

/** The steps that end an epoch (fixed per job, so computed once: metrics ask for every step). */
function ends(s: StoredFineTuningJob): { list: number[]; set: Set<number> } {
  let e = endsCache.get(s);
  if (!e) {
    const set = new Set<number>();
    for (let i = 1; i <= s.nEpochs; i++) set.add(Math.round((i * s.totalSteps) / s.nEpochs));
    set.delete(0);
    e = { list: [...set], set };
    endsCache.set(s, e);
  }
  return e;
}

export const epochEnds = (s: StoredFineTuningJob): number[] => ends(s).list;

// Metrics: smooth curves with deterministic noise (seeded by the job's seed).
function noise(seed: number, step: number, channel: number): number {
  let h = (seed ^ Math.imul(step, 0x9e3779b1) ^ Math.imul(channel, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (((h ^ (h >>> 16)) >>> 0) / 0xffffffff) * 2 - 1;
}
const r5 = (x: number) => Math.round(x * 100000) / 100000;
const clamp01 = (x: number) => Math.min(0.999, Math.max(0, x));

export type StepMetrics = Record<string, number | Record<string, number>>;

/** The metrics of step `k` (1-based), as the `data` of its `metrics` event. */
export function metricsAt(s: StoredFineTuningJob, k: number): StepMetrics {
  const type = s.base.method?.type ?? "supervised";
  const N = s.totalSteps;
  const p = k / N;
  const n = (ch: number) => noise(s.base.seed, k, ch);
  const lastStart = s.nEpochs > 1 ? (s.nEpochs - 1) / s.nEpochs : 0.5;
  const over = Math.max(0, (p - lastStart) / (1 - lastStart));
  const isEnd = ends(s).set.has(k);
  const perEpoch = N / s.nEpochs;
  const evalEvery = Math.max(1, Math.round(perEpoch / 4));
  const out: StepMetrics = { step: k, total_steps: N };
  if (type === "reinforcement") {
    const reward = 0.25 + 0.55 * (1 - Math.exp(-3 * p));
    out.train_mean_reward = r5(clamp01(reward + 0.06 * n(1)));
    const scores: Record<string, number> = {};
    for (const [i, g] of s.graders.entries())
      scores[g] = r5(clamp01(reward * (0.75 + 0.2 * ((i % 3) / 2)) + 0.07 * n(10 + i)));
    out.scores = scores;
    out.mean_completion_tokens = Math.round(420 - 180 * p + 30 * n(2));
    if (s.hasValidation) {
      const valid = reward * 0.95 - 0.25 * over * over;
      if (k % evalEvery === 0) out.valid_mean_reward = r5(clamp01(valid + 0.05 * n(3)));
      if (isEnd) out.full_valid_mean_reward = r5(clamp01(valid + 0.01 * n(4)));
    }
    return out;
  }
  const clean = type === "dpo" ? 0.12 + 0.57 * Math.exp(-3.5 * p) : 0.35 + 1.85 * Math.exp(-4.5 * p);
  const acc = 0.52 + 0.4 * (1 - Math.exp(-4 * p));
  out.train_loss = r5(Math.max(0.01, clean * (1 + 0.12 * n(1))));
  out.train_mean_token_accuracy = r5(clamp01(acc + 0.03 * n(2)));
  if (s.hasValidation) {
    const valid = clean * 1.08 + (type === "dpo" ? 0.15 : 0.3) * over * over;
    const validAcc = acc - 0.02 - 0.08 * over;
    if (k % evalEvery === 0) {
      out.valid_loss = r5(Math.max(0.01, valid * (1 + 0.15 * n(3))));
      out.valid_mean_token_accuracy = r5(clamp01(validAcc + 0.04 * n(4)));
    }
    if (isEnd) {
      out.full_valid_loss = r5(valid * (1 + 0.02 * n(5)));
      out.full_valid_mean_token_accuracy = r5(clamp01(validAcc + 0.005 * n(6)));
    }
  }
  return out;
}

function stepMessage(m: StepMetrics): string {
  const parts = [`Step ${m.step}/${m.total_steps}:`];
  const num = (key: string) => (typeof m[key] === "number" ? (m[key] as number).toFixed(2) : null);
  const add = (label: string, key: string) => {
    const v = num(key);
    if (v !== null) parts.push(`${label}=${v},`);
  };
  add("training loss", "train_loss");
  add("validation loss", "valid_loss");
  add("full validation loss", "full_valid_loss");
  add("mean reward", "train_mean_reward");
  add("full validation mean reward", "full_valid_mean_reward");
  return parts.join(" ").replace(/,$/, "");
}

interface Timed {
  wall: number;
  tag: string;
  level: FineTuningJobEvent["level"];
  message: string;
  type: FineTuningJobEvent["type"];
  data?: unknown;
}

const eventsCache = new WeakMap<StoredFineTuningJob, { key: string; events: FineTuningJobEvent[] }>();

/**
 * Every event of the job visible at `now`, newest first. What is visible changes only with the
 * steps done, the status and the pauses, so a client paging through a long job's events (20,000
 * steps) gets them from one derivation.
 */
export function eventsAt(s: StoredFineTuningJob, now: number): FineTuningJobEvent[] {
  const key = `${stepsDone(s, now)}|${statusAt(s, now)}|${s.pauses.map((p) => p.wallEnd).join(",")}|${s.cancelledAtMs}`;
  const hit = eventsCache.get(s);
  if (hit?.key === key) return hit.events;
  const events = deriveEvents(s, now);
  eventsCache.set(s, { key, events });
  return events;
}

function deriveEvents(s: StoredFineTuningJob, now: number): FineTuningJobEvent[] {
  const a = activeMs(s, now);
  const out: Timed[] = [];
  const at = (active: number, tag: string, message: string, level: Timed["level"] = "info") => {
    if (active <= a) out.push({ wall: wallOf(s, active), tag, level, message, type: "message" });
  };
  const files = s.base.validation_file
    ? `${s.base.training_file} and validation file: ${s.base.validation_file}`
    : s.base.training_file;
  at(0, "c", `Created fine-tuning job: ${s.base.id}`);
  at(0, "v", `Validating training file: ${files}`);
  if (s.failure) {
    at(validatedAt(s), "f", s.failure.message, "error");
  } else {
    at(validatedAt(s), "q", "Files validated, moving job to queued state");
    at(startedAt(s), "s", "Fine-tuning job started");
    const endSet = ends(s).set;
    const done = stepsDone(s, now);
    for (let k = 1; k <= done; k++) {
      const m = metricsAt(s, k);
      out.push({
        wall: wallOf(s, stepAt(s, k)),
        tag: `m${k}`,
        level: "info",
        message: stepMessage(m),
        type: "metrics",
        data: m,
      });
      if (endSet.has(k)) at(stepAt(s, k), `k${k}`, `Checkpoint created at step ${k}`);
    }
    at(stepAt(s, s.totalSteps), "n", `New fine-tuned model created: ${fineTunedModelName(s)}`);
    at(stepAt(s, s.totalSteps), "d", "The job has successfully completed");
  }
  for (const [i, p] of s.pauses.entries()) {
    const pausedAt = p.wallStart + PAUSING * s.stepMs;
    if (p.wallStart <= now)
      out.push({
        wall: p.wallStart,
        tag: `p${i}`,
        level: "info",
        message: "Pausing fine-tuning job",
        type: "message",
      });
    if (pausedAt <= now && (p.wallEnd === null || p.wallEnd >= pausedAt))
      out.push({
        wall: pausedAt,
        tag: `P${i}`,
        level: "info",
        message: "Fine-tuning job paused",
        type: "message",
      });
    // A cancel closes an open pause too; only a resume says so.
    if (p.wallEnd !== null && p.wallEnd !== s.cancelledAtMs)
      out.push({
        wall: p.wallEnd,
        tag: `r${i}`,
        level: "info",
        message: "Fine-tuning job resumed",
        type: "message",
      });
  }
  if (s.cancelledAtMs !== null)
    out.push({
      wall: s.cancelledAtMs,
      tag: "x",
      level: "info",
      message: "Fine-tuning job cancelled",
      type: "message",
    });
  const sorted = out.map((e, i) => ({ e, i })).sort((x, y) => x.e.wall - y.e.wall || x.i - y.i);
  return sorted.reverse().map(({ e }) => ({
    object: "fine_tuning.job.event",
    id: `ftevent-${shortId(s.base.id)}-${e.tag}`,
    created_at: sec(s, e.wall),
    level: e.level,
    message: e.message,
    type: e.type,
    data: e.data ?? {},
  }));
}

/** Checkpoints at epoch ends reached by `now`, only the last 3 kept; newest first. */
export function checkpointsAt(s: StoredFineTuningJob, now: number): FineTuningJobCheckpoint[] {
  const done = stepsDone(s, now);
  return epochEnds(s)
    .filter((k) => k <= done)
    .slice(-3)
    .reverse()
    .map((k) => {
      const m = metricsAt(s, k);
      const { total_steps: _t, scores: _s, ...metrics } = m;
      return {
        object: "fine_tuning.job.checkpoint",
        id: `ftckpt_${shortId(s.base.id)}s${String(k).padStart(6, "0")}`,
        created_at: sec(s, wallOf(s, stepAt(s, k))),
        fine_tuned_model_checkpoint: `${fineTunedModelName(s)}:ckpt-step-${k}`,
        fine_tuning_job_id: s.base.id,
        step_number: k,
        metrics: metrics as FineTuningJobCheckpoint["metrics"],
      };
    });
}

/** The job object as the API shows it at `now`. */
export function jobAt(s: StoredFineTuningJob, now: number): EmulatedJob {
  const status = statusAt(s, now);
  const a = activeMs(s, now);
  const validated = a >= validatedAt(s) || status === "cancelled";
  const end = s.failure ? validatedAt(s) : stepAt(s, s.totalSteps);
  const finishWall =
    status === "cancelled"
      ? s.cancelledAtMs
      : status === "failed" || status === "succeeded"
        ? wallOf(s, end)
        : null;
  const resolved = { batch_size: s.batchSize, learning_rate_multiplier: resolvedLr(s), n_epochs: s.nEpochs };
  const method = s.base.method;
  const methodOut =
    method && validated && !s.failure
      ? {
          ...method,
          [method.type]: {
            ...(method[method.type] ?? {}),
            hyperparameters: { ...method[method.type]?.hyperparameters, ...resolved },
          },
        }
      : method;
  return {
    ...s.base,
    status,
    hyperparameters: validated && !s.failure ? resolved : s.base.hyperparameters,
    method: methodOut as FineTuningJob["method"],
    error: status === "failed" ? s.failure : null,
    finished_at: finishWall === null ? null : sec(s, finishWall),
    fine_tuned_model: status === "succeeded" ? fineTunedModelName(s) : null,
    trained_tokens: status === "succeeded" ? s.epochTokens * s.nEpochs : null,
    result_files: s.resultFileId ? [s.resultFileId] : [],
    estimated_finish:
      isTerminal(status) || status === "paused" || status === "pausing"
        ? null
        : sec(s, now) + Math.ceil((end - a) / 1000),
  };
}

function resolvedLr(s: StoredFineTuningJob): number {
  const lr = s.base.hyperparameters.learning_rate_multiplier;
  return typeof lr === "number" ? lr : s.base.method?.type === "dpo" ? 0.1 : 1.8;
}

/** The result file's CSV: one row per step, blanks where a step had no evaluation. */
export function resultCsv(s: StoredFineTuningJob): string {
  const rft = s.base.method?.type === "reinforcement";
  const cols = rft
    ? [
        "train_mean_reward",
        "valid_mean_reward",
        "full_valid_mean_reward",
        ...s.graders.map((g) => `scores/${g}`),
      ]
    : ["train_loss", "train_accuracy", "valid_loss", "valid_mean_token_accuracy"];
  const rows = [["step", ...cols].join(",")];
  for (let k = 1; k <= s.totalSteps; k++) {
    const m = metricsAt(s, k);
    const scores = (m.scores ?? {}) as Record<string, number>;
    const cell = (c: string) => {
      const v = c.startsWith("scores/")
        ? scores[c.slice(7)]
        : m[c === "train_accuracy" ? "train_mean_token_accuracy" : c];
      return typeof v === "number" ? String(v) : "";
    };
    rows.push([String(k), ...cols.map(cell)].join(","));
  }
  return `${rows.join("\n")}\n`;
}
