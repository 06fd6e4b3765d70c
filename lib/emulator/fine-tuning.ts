import { createHash } from "node:crypto";
import type { FineTuningJob, JobCreateParams } from "openai/resources/fine-tuning/jobs/jobs";
import { checkFile } from "./fine-tuning-data";
import {
  checkpointsAt,
  eventsAt,
  fineTunedModelName,
  isTerminal,
  jobAt,
  resultCsv,
  statusAt,
} from "./fine-tuning-run";
import { asRecord, type Ctx, HttpError, type Route, sendJson } from "./http";
import type { EmulatedModel } from "./models";
import type { EmulatorState, StoredFineTuningJob } from "./state";
import { intInRange, invalidType, metadata, missing, optionalString } from "./validate";

/**
 * The fine-tuning jobs API (docs/fine-tuning-emulator.md): create with the API's checks, list,
 * retrieve, events, checkpoints, pause/resume/cancel. Jobs move on the millisecond clock
 * (fine-tuning-run.ts); a succeeded job leaves a result file and a model that answers calls.
 */

type Method = "supervised" | "dpo" | "reinforcement";

/** Fine-tunable bases (aliases resolve to the snapshot) and the methods each takes. */
const BASES: Record<string, Method[]> = {
  "gpt-4.1-2025-04-14": ["supervised", "dpo"],
  "gpt-4.1-mini-2025-04-14": ["supervised", "dpo"],
  "gpt-4.1-nano-2025-04-14": ["supervised", "dpo"],
  "gpt-4o-mini-2024-07-18": ["supervised", "dpo"],
  "o4-mini-2025-04-16": ["reinforcement"],
};
const ALIASES: Record<string, string> = {
  "gpt-4.1": "gpt-4.1-2025-04-14",
  "gpt-4.1-mini": "gpt-4.1-mini-2025-04-14",
  "gpt-4.1-nano": "gpt-4.1-nano-2025-04-14",
  "gpt-4o-mini": "gpt-4o-mini-2024-07-18",
  "o4-mini": "o4-mini-2025-04-16",
};

export const REFUSAL_MESSAGE =
  "Self-serve fine-tuning job creation is no longer available to this organization: OpenAI stopped creating new fine-tuning jobs for self-serve customers on 2027-01-06. Existing jobs, their events, checkpoints and result files can still be read, and fine-tuned models keep answering requests until their base model shuts down.";

function bad(message: string, param: string | null, code: string | null = "invalid_value"): HttpError {
  return new HttpError(400, message, param, code);
}

function autoOr(v: unknown, param: string, check: (n: number) => boolean, range: string, int: boolean) {
  if (v === undefined || v === "auto") return v;
  if (typeof v !== "number" || (int && !Number.isInteger(v)))
    throw invalidType(param, int ? "'auto' or an integer" : "'auto' or a number", v);
  if (!check(v))
    throw bad(`Invalid '${param}': expected 'auto' or a value ${range}, but got ${v} instead.`, param);
  return v;
}

/** Checks hyperparameters against the ranges of the method (openai-api-notes §7.5). */
function checkHyperparameters(h: unknown, type: Method, at: string): Record<string, unknown> {
  if (h === undefined || h === null) return {};
  if (typeof h !== "object" || Array.isArray(h)) throw invalidType(at, "an object", h);
  const hp = h as Record<string, unknown>;
  const allowed: Record<Method, string[]> = {
    supervised: ["batch_size", "learning_rate_multiplier", "n_epochs"],
    dpo: ["batch_size", "learning_rate_multiplier", "n_epochs", "beta"],
    reinforcement: [
      "batch_size",
      "learning_rate_multiplier",
      "n_epochs",
      "reasoning_effort",
      "compute_multiplier",
      "eval_interval",
      "eval_samples",
    ],
  };
  for (const k of Object.keys(hp))
    if (!allowed[type].includes(k))
      throw bad(
        `Unrecognized hyperparameter '${k}' for method '${type}'.`,
        `${at}.${k}`,
        "unknown_parameter",
      );
  autoOr(hp.batch_size, `${at}.batch_size`, (n) => n >= 1 && n <= 256, "between 1 and 256", true);
  autoOr(hp.learning_rate_multiplier, `${at}.learning_rate_multiplier`, (n) => n > 0, "> 0", false);
  autoOr(hp.n_epochs, `${at}.n_epochs`, (n) => n >= 1 && n <= 50, "between 1 and 50", true);
  autoOr(hp.beta, `${at}.beta`, (n) => n > 0 && n <= 2, "in (0, 2]", false);
  autoOr(
    hp.compute_multiplier,
    `${at}.compute_multiplier`,
    (n) => n > 0.00001 && n <= 10,
    "in (0.00001, 10]",
    false,
  );
  autoOr(hp.eval_interval, `${at}.eval_interval`, (n) => n >= 1, ">= 1", true);
  autoOr(hp.eval_samples, `${at}.eval_samples`, (n) => n >= 1, ">= 1", true);
  if (
    hp.reasoning_effort !== undefined &&
    !["default", "low", "medium", "high"].includes(String(hp.reasoning_effort))
  )
    throw bad(
      `Invalid value: '${String(hp.reasoning_effort)}'. Supported values are: 'default', 'low', 'medium' and 'high'.`,
      `${at}.reasoning_effort`,
    );
  return hp;
}

function graderNames(g: unknown): string[] {
  const grader = g as { type?: string; name?: string; graders?: Record<string, unknown> } | null;
  if (!grader || typeof grader !== "object") throw missing("method.reinforcement.grader");
  // The spec's `graders` is a map of named graders; the SDK types it as one grader.
  if (grader.type === "multi" && grader.graders)
    return typeof grader.graders.type === "string"
      ? graderNames(grader.graders)
      : Object.keys(grader.graders);
  return [grader.name || grader.type || "grader"];
}

function requireFile(state: EmulatorState, id: unknown, param: string) {
  if (typeof id !== "string" || !id) throw missing(param);
  const f = state.files.get(id);
  if (!f) throw bad(`Invalid file ID '${id}': no such file.`, param, "invalid_file_id");
  if (f.object.purpose !== "fine-tune")
    throw bad(
      `File '${id}' has purpose '${f.object.purpose}'. Files for fine-tuning must be uploaded with purpose 'fine-tune'.`,
      param,
      "invalid_file_purpose",
    );
  return f;
}

function createJob(ctx: Ctx): void {
  const { state } = ctx;
  if (state.config.fineTuningCreation === "refuse")
    throw new HttpError(403, REFUSAL_MESSAGE, null, "fine_tuning_unavailable");
  const body = asRecord(ctx.json) as Partial<JobCreateParams> & Record<string, unknown>;
  if (typeof body.model !== "string" || !body.model) throw missing("model");
  const model = ALIASES[body.model] ?? body.model;
  const methods = BASES[model];
  if (!methods)
    throw bad(
      `Model ${body.model} is not available for fine-tuning or does not exist.`,
      "model",
      "model_not_available",
    );
  const methodIn = body.method as Record<string, unknown> | undefined;
  if (methodIn !== undefined && (typeof methodIn !== "object" || methodIn === null))
    throw invalidType("method", "an object", methodIn);
  const type = (methodIn?.type ?? "supervised") as Method;
  if (!["supervised", "dpo", "reinforcement"].includes(type))
    throw bad(
      `Invalid value: '${String(type)}'. Supported values are: 'supervised', 'dpo' and 'reinforcement'.`,
      "method.type",
    );
  if (!methods.includes(type))
    throw bad(
      `Model ${model} does not support the '${type}' fine-tuning method.`,
      "method.type",
      "unsupported_method",
    );
  const training = requireFile(state, body.training_file, "training_file");
  const validation =
    body.validation_file === undefined || body.validation_file === null
      ? null
      : requireFile(state, body.validation_file, "validation_file");
  if (validation && validation.object.id === training.object.id)
    throw bad("The training and validation files must be different files.", "validation_file");
  const suffix = optionalString(body.suffix, "suffix");
  if (suffix !== null && (suffix.length < 1 || suffix.length > 64))
    throw bad(
      `Invalid 'suffix': string too long. Expected a string with maximum length 64, but got a string with length ${suffix.length} instead.`,
      "suffix",
      "string_above_max_length",
    );
  const seed =
    body.seed === undefined || body.seed === null ? null : intInRange(body.seed, "seed", 0, 2_147_483_647);
  const meta = metadata(body.metadata);
  const sub = (methodIn?.[type] ?? {}) as Record<string, unknown>;
  const hp = checkHyperparameters(
    sub.hyperparameters ?? body.hyperparameters,
    type,
    sub.hyperparameters ? `method.${type}.hyperparameters` : "hyperparameters",
  );
  const graders = type === "reinforcement" ? graderNames(sub.grader) : [];
  const integrations = Array.isArray(body.integrations) ? body.integrations : [];
  for (const [i, it] of integrations.entries()) {
    const w = it as { type?: string; wandb?: { project?: unknown } };
    if (w.type !== "wandb")
      throw bad(
        `Invalid value: '${String(w.type)}'. Supported values are: 'wandb'.`,
        `integrations[${i}].type`,
      );
    if (typeof w.wandb?.project !== "string") throw missing(`integrations[${i}].wandb.project`);
  }

  const check = checkFile(training.content, type, "training_file", training.object.id);
  const vcheck = validation
    ? checkFile(validation.content, type, "validation_file", validation.object.id)
    : null;
  const nEpochs = typeof hp.n_epochs === "number" ? hp.n_epochs : 3;
  const batchSize = typeof hp.batch_size === "number" ? hp.batch_size : 1;
  const id = state.id("ftjob");
  const hyperparameters: FineTuningJob.Hyperparameters = {
    batch_size: (hp.batch_size ?? "auto") as "auto" | number,
    learning_rate_multiplier: (hp.learning_rate_multiplier ?? "auto") as "auto" | number,
    n_epochs: (hp.n_epochs ?? "auto") as "auto" | number,
  };
  const base: FineTuningJob = {
    id,
    object: "fine_tuning.job",
    created_at: state.now(),
    model,
    organization_id: "org-emulator",
    training_file: training.object.id,
    validation_file: validation?.object.id ?? null,
    status: "validating_files",
    error: null,
    fine_tuned_model: null,
    finished_at: null,
    trained_tokens: null,
    result_files: [],
    hyperparameters,
    method: {
      type,
      [type]: { ...sub, hyperparameters: { ...hyperparameters, ...hp } },
    } as FineTuningJob.Method,
    seed: seed ?? seedOf(id),
    integrations: integrations as FineTuningJob["integrations"],
    metadata: meta,
    estimated_finish: null,
  };
  const stored: StoredFineTuningJob = {
    base,
    suffix,
    createdMs: state.nowMs(),
    stepMs: state.config.fineTuningStepMs,
    totalSteps: Math.max(1, Math.ceil((check.examples * nEpochs) / batchSize)),
    nEpochs,
    batchSize,
    epochTokens: check.tokens,
    hasValidation: validation !== null,
    graders,
    failure: check.error ?? vcheck?.error ?? null,
    pauses: [],
    cancelledAtMs: null,
    resultFileId: null,
  };
  state.fineTuningJobs.set(id, stored);
  sendJson(ctx, 200, jobAt(stored, state.nowMs()));
}

function seedOf(id: string): number {
  return createHash("sha256").update(id).digest().readUInt32BE(0) & 0x7fffffff;
}

function findJob(ctx: Ctx): StoredFineTuningJob {
  const id = ctx.params[0] ?? "";
  const s = ctx.state.fineTuningJobs.get(id);
  if (!s)
    throw new HttpError(
      404,
      `Could not find fine-tuning job with ID ${id}.`,
      "fine_tuning_job_id",
      "fine_tuning_job_not_found",
    );
  return s;
}

/** Cursor paging newest first, as the fine-tuning lists do (`after`, `limit`). */
function page<T extends { id: string }>(items: T[], query: URLSearchParams, fallback: number) {
  const raw = query.get("limit");
  const limit = raw === null ? fallback : intInRange(Number(raw), "limit", 1, 100);
  const after = query.get("after");
  let rest = items;
  if (after) {
    const i = items.findIndex((x) => x.id === after);
    rest = i === -1 ? [] : items.slice(i + 1);
  }
  const data = rest.slice(0, limit);
  return { object: "list" as const, data, has_more: rest.length > limit };
}

function listJobs(ctx: Ctx): void {
  const now = ctx.state.nowMs();
  const filters = [...ctx.query.entries()]
    .map(([k, v]) => [/^metadata\[(.+)\]$/.exec(k)?.[1], v] as const)
    .filter((x): x is readonly [string, string] => x[0] !== undefined);
  const noMetadata = ctx.query.get("metadata") === "null";
  const jobs = [...ctx.state.fineTuningJobs.values()]
    .reverse()
    .filter((s) => (noMetadata ? !s.base.metadata || Object.keys(s.base.metadata).length === 0 : true))
    .filter((s) => filters.every(([k, v]) => s.base.metadata?.[k] === v))
    .map((s) => jobAt(s, now));
  sendJson(ctx, 200, page(jobs, ctx.query, 20));
}

function retrieveJob(ctx: Ctx): void {
  sendJson(ctx, 200, jobAt(findJob(ctx), ctx.state.nowMs()));
}

function listEvents(ctx: Ctx): void {
  sendJson(ctx, 200, page(eventsAt(findJob(ctx), ctx.state.nowMs()), ctx.query, 20));
}

function listCheckpoints(ctx: Ctx): void {
  const s = findJob(ctx);
  const data = page(checkpointsAt(s, ctx.state.nowMs()), ctx.query, 10);
  sendJson(ctx, 200, { ...data, first_id: data.data[0]?.id ?? null, last_id: data.data.at(-1)?.id ?? null });
}

function action(kind: "cancel" | "pause" | "resume") {
  return (ctx: Ctx) => {
    const s = findJob(ctx);
    const now = ctx.state.nowMs();
    const status = statusAt(s, now);
    const refuse = (why: string) => {
      throw bad(`Cannot ${kind} job ${s.base.id}: ${why}`, null, "invalid_job_status");
    };
    if (kind === "cancel") {
      if (isTerminal(status)) refuse(`the job has already ${status === "succeeded" ? "completed" : status}.`);
      const open = s.pauses.at(-1);
      if (open && open.wallEnd === null) open.wallEnd = now;
      s.cancelledAtMs = now;
    } else if (kind === "pause") {
      if (status !== "running") refuse(`only a running job can be paused (status is '${status}').`);
      s.pauses.push({ wallStart: now, wallEnd: null });
    } else {
      if (status !== "paused") refuse(`only a paused job can be resumed (status is '${status}').`);
      const open = s.pauses.at(-1);
      if (open) open.wallEnd = now;
    }
    sendJson(ctx, 200, jobAt(s, now));
  };
}

/**
 * Run before every request: a job that has succeeded gets its result file (purpose
 * fine-tune-results, the CSV base64-encoded as the API serves it) the first time it is seen.
 */
export function settleFineTuning(state: EmulatorState): void {
  const now = state.nowMs();
  for (const s of state.fineTuningJobs.values()) {
    if (s.resultFileId || statusAt(s, now) !== "succeeded") continue;
    const content = Buffer.from(Buffer.from(resultCsv(s)).toString("base64"));
    const id = state.id("file");
    state.files.set(id, {
      object: {
        id,
        object: "file",
        bytes: content.length,
        created_at: state.now(),
        filename: "step_metrics.csv",
        purpose: "fine-tune-results",
        status: "processed",
      },
      content,
      sha256: createHash("sha256").update(content).digest("hex"),
    });
    s.resultFileId = id;
  }
}

/** Fine-tuned models of succeeded jobs and the kept checkpoints of every job, as GET /v1/models lists them. */
export function fineTunedModels(state: EmulatorState): EmulatedModel[] {
  const now = state.nowMs();
  const out: EmulatedModel[] = [];
  for (const s of state.fineTuningJobs.values()) {
    const model = (id: string, created: number): EmulatedModel => ({
      id,
      object: "model",
      created,
      owned_by: "user-emulator",
      shutdown_date: null,
    });
    for (const c of checkpointsAt(s, now)) out.push(model(c.fine_tuned_model_checkpoint, c.created_at));
    if (statusAt(s, now) === "succeeded")
      out.push(model(fineTunedModelName(s), jobAt(s, now).finished_at ?? s.base.created_at));
  }
  return out;
}

export const FINE_TUNING_ROUTES = (ID: string): Route[] => [
  { method: "POST", pattern: /^\/v1\/fine_tuning\/jobs$/, handler: createJob, json: true },
  { method: "GET", pattern: /^\/v1\/fine_tuning\/jobs$/, handler: listJobs },
  { method: "GET", pattern: new RegExp(`^/v1/fine_tuning/jobs/${ID}$`), handler: retrieveJob },
  { method: "GET", pattern: new RegExp(`^/v1/fine_tuning/jobs/${ID}/events$`), handler: listEvents },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/fine_tuning/jobs/${ID}/checkpoints$`),
    handler: listCheckpoints,
  },
  { method: "POST", pattern: new RegExp(`^/v1/fine_tuning/jobs/${ID}/cancel$`), handler: action("cancel") },
  { method: "POST", pattern: new RegExp(`^/v1/fine_tuning/jobs/${ID}/pause$`), handler: action("pause") },
  { method: "POST", pattern: new RegExp(`^/v1/fine_tuning/jobs/${ID}/resume$`), handler: action("resume") },
];
