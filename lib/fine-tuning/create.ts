/**
 * The create-job form's data: the draft, its checks at the edge (ranges of reference notes §7.5)
 * and the request body it becomes. Pure; the page (components/fine-tuning/create) renders it.
 */
import * as z from "zod/mini";
import type { Hyperparameter } from "./hyperparameters";
import type { TrainingMethod } from "./validate/checks";

/** Which method takes which hyperparameter. */
export const HYPERPARAMETERS_OF: Record<TrainingMethod, readonly Hyperparameter[]> = {
  supervised: ["n_epochs", "batch_size", "learning_rate_multiplier"],
  dpo: ["n_epochs", "batch_size", "learning_rate_multiplier", "beta"],
  reinforcement: [
    "n_epochs",
    "batch_size",
    "learning_rate_multiplier",
    "compute_multiplier",
    "eval_interval",
    "eval_samples",
    "reasoning_effort",
  ],
};

export const REASONING_EFFORTS = ["default", "low", "medium", "high"] as const;

const draftSchema = z.object({
  method: z.enum(["supervised", "dpo", "reinforcement"]),
  model: z.string(),
  trainingFile: z.string(),
  validationFile: z.string(),
  /** "" is auto; numbers are kept as typed so a half-typed value survives a reload. */
  hyperparameters: z.record(z.string(), z.string()),
  suffix: z.string(),
  seed: z.string(),
  /** JSON object text. */
  metadata: z.string(),
  wandb: z.object({
    enabled: z.boolean(),
    project: z.string(),
    name: z.string(),
    entity: z.string(),
    tags: z.string(),
  }),
  /** The reinforcement grader, as JSON text. */
  grader: z.string(),
});
export type CreateDraft = z.infer<typeof draftSchema>;

export function defaultDraft(): CreateDraft {
  return {
    method: "supervised",
    model: "gpt-4.1-mini-2025-04-14",
    trainingFile: "",
    validationFile: "",
    hyperparameters: {},
    suffix: "",
    seed: "",
    metadata: "",
    wandb: { enabled: false, project: "", name: "", entity: "", tags: "" },
    grader: "",
  };
}

export function readDraft(state: unknown): { ok: true; value: CreateDraft } | { ok: false; reason: string } {
  const r = draftSchema.safeParse({ ...defaultDraft(), ...(state as object) });
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: "not a fine-tuning job draft" };
}

type Range = { min: number; max: number; minExclusive?: boolean; integer?: boolean };

const RANGES: Record<Exclude<Hyperparameter, "reasoning_effort">, Range> = {
  n_epochs: { min: 1, max: 50, integer: true },
  batch_size: { min: 1, max: 256, integer: true },
  learning_rate_multiplier: { min: 0, max: Number.POSITIVE_INFINITY, minExclusive: true },
  beta: { min: 0, max: 2, minExclusive: true },
  compute_multiplier: { min: 0.00001, max: 10, minExclusive: true },
  eval_interval: { min: 1, max: Number.POSITIVE_INFINITY, integer: true },
  eval_samples: { min: 1, max: Number.POSITIVE_INFINITY, integer: true },
};

function rangeText(r: Range): string {
  const low = r.minExclusive ? `more than ${r.min}` : `at least ${r.min}`;
  const kind = r.integer ? "A whole number" : "A number";
  return Number.isFinite(r.max) ? `${kind} ${low} and at most ${r.max}` : `${kind} ${low}`;
}

export interface DraftProblems {
  [field: string]: string;
}

const SEED_MAX = 2_147_483_647;

/** What the API would refuse, per field (`hyperparameters.<name>`, `suffix`, `seed`, …); {} when none. */
export function checkDraft(d: CreateDraft): DraftProblems {
  const out: DraftProblems = {};
  if (!d.model.trim()) out.model = "Pick a base model.";
  if (!d.trainingFile) out.trainingFile = "Pick or upload a training file.";
  for (const name of HYPERPARAMETERS_OF[d.method]) {
    const raw = (d.hyperparameters[name] ?? "").trim();
    if (raw === "" || raw === "auto") continue;
    if (name === "reasoning_effort") {
      if (!(REASONING_EFFORTS as readonly string[]).includes(raw))
        out[`hyperparameters.${name}`] = "default, low, medium or high.";
      continue;
    }
    const r = RANGES[name];
    const v = Number(raw);
    const bad =
      !Number.isFinite(v) ||
      (r.integer && !Number.isInteger(v)) ||
      (r.minExclusive ? v <= r.min : v < r.min) ||
      v > r.max;
    if (bad) out[`hyperparameters.${name}`] = `${rangeText(r)}, or empty for auto.`;
  }
  if (d.suffix.length > 64) out.suffix = "At most 64 characters.";
  if (d.seed.trim() !== "") {
    const s = Number(d.seed);
    if (!Number.isInteger(s) || s < 0 || s > SEED_MAX) out.seed = `A whole number from 0 to ${SEED_MAX}.`;
  }
  if (d.metadata.trim() !== "") {
    const m = parseObject(d.metadata);
    if (!m || Object.values(m).some((v) => typeof v !== "string"))
      out.metadata = 'A JSON object of strings, e.g. {"team": "search"}.';
    else if (Object.keys(m).length > 16) out.metadata = "At most 16 keys.";
  }
  if (d.wandb.enabled) {
    if (!d.wandb.project.trim()) out["wandb.project"] = "W&B needs a project.";
    const tags = splitTags(d.wandb.tags);
    if (tags.length > 50 || tags.some((t) => t.length > 64))
      out["wandb.tags"] = "At most 50 tags of 64 characters.";
  }
  if (d.method === "reinforcement") {
    const g = parseObject(d.grader);
    if (!g || typeof g.type !== "string")
      out.grader = 'Reinforcement needs a grader: a JSON object with a "type".';
  }
  return out;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The body of `POST /v1/fine_tuning/jobs` (hyperparameters under `method`, not the deprecated top level). */
export function createBody(d: CreateDraft): Record<string, unknown> {
  const hyperparameters: Record<string, number | string> = {};
  for (const name of HYPERPARAMETERS_OF[d.method]) {
    const raw = (d.hyperparameters[name] ?? "").trim();
    if (raw === "" || raw === "auto") continue;
    hyperparameters[name] = name === "reasoning_effort" ? raw : Number(raw);
  }
  const methodBody: Record<string, unknown> = { hyperparameters };
  if (d.method === "reinforcement") methodBody.grader = parseObject(d.grader);
  const body: Record<string, unknown> = {
    model: d.model.trim(),
    training_file: d.trainingFile,
    method: { type: d.method, [d.method]: methodBody },
  };
  if (d.validationFile) body.validation_file = d.validationFile;
  if (d.suffix.trim()) body.suffix = d.suffix.trim();
  if (d.seed.trim()) body.seed = Number(d.seed);
  if (d.metadata.trim()) body.metadata = parseObject(d.metadata);
  if (d.wandb.enabled) {
    const wandb: Record<string, unknown> = { project: d.wandb.project.trim() };
    if (d.wandb.name.trim()) wandb.name = d.wandb.name.trim();
    if (d.wandb.entity.trim()) wandb.entity = d.wandb.entity.trim();
    const tags = splitTags(d.wandb.tags);
    if (tags.length) wandb.tags = tags;
    body.integrations = [{ type: "wandb", wandb }];
  }
  return body;
}
