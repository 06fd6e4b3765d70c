/**
 * OpenAI's self-serve fine-tuning wind-down (reference notes §7.1) and what a refused creation
 * means, keyed on the error's status, code and param and on these dates, not on its wording.
 */

export const WIND_DOWN = [
  { date: "2026-05-07", who: "organisations that had never run fine-tuning" },
  { date: "2026-07-02", who: "organisations with no inference on a fine-tuned model in the prior 60 days" },
  { date: "2027-01-06", who: "every remaining self-serve customer" },
] as const;

/** The last step: no new jobs for anyone. */
export const CREATION_ENDS = "2027-01-06";

/** Codes an upstream uses for "fine-tuning is not available to you" (the emulator's is the first). */
const UNAVAILABLE_CODES = new Set([
  "fine_tuning_unavailable",
  "fine_tuning_disabled",
  "unsupported_country_region_territory",
]);

export interface CreateErrorLike {
  status: number | null;
  code?: string | null;
  param?: string | null;
  message: string;
}

export type RefusalKind = "wind_down" | "model" | "file" | "hyperparameter" | "other";

export interface Refusal {
  kind: RefusalKind;
  title: string;
  /** What happened, in words. */
  reason: string;
  /** The form field to look at, when the refusal names one. */
  field: string | null;
  /** What still works, for the wind-down. */
  stillWorks: string[];
}

export const STILL_WORKS = [
  "Job history, events, metric charts and checkpoints stay readable here.",
  "Export a job (events, checkpoints, result files) to keep it after the models are gone.",
  "Existing fine-tuned models answer calls until their base model shuts down; try them in the playground.",
  "A compatible server that still trains can be set as the upstream in Settings.",
];

function windDownStage(now: Date): (typeof WIND_DOWN)[number] | null {
  const day = now.toISOString().slice(0, 10);
  let stage: (typeof WIND_DOWN)[number] | null = null;
  for (const s of WIND_DOWN) if (day >= s.date) stage = s;
  return stage;
}

export function explainCreateError(e: CreateErrorLike, now: Date = new Date()): Refusal {
  const param = e.param ?? null;
  const stage = windDownStage(now);
  const unavailable =
    (e.code && UNAVAILABLE_CODES.has(e.code)) ||
    (e.status === 403 && !param) ||
    (e.status === 404 && !param && stage);
  if (unavailable) {
    const when = stage
      ? `Since ${stage.date}, OpenAI no longer starts fine-tuning jobs for ${stage.who}.`
      : "The upstream does not start fine-tuning jobs for this organisation.";
    const end =
      now.toISOString().slice(0, 10) < CREATION_ENDS
        ? ` From ${CREATION_ENDS} no one can start new jobs.`
        : "";
    return {
      kind: "wind_down",
      title: "The upstream refused to start new fine-tuning jobs",
      reason: `${when}${end} Nothing is wrong with your data.`,
      field: null,
      stillWorks: STILL_WORKS,
    };
  }
  if (param === "model")
    return {
      kind: "model",
      title: "The base model was refused",
      reason: `The upstream cannot fine-tune this model (${e.message}). Pick another base model.`,
      field: "model",
      stillWorks: [],
    };
  if (param === "training_file" || param === "validation_file")
    return {
      kind: "file",
      title: `The ${param === "training_file" ? "training" : "validation"} file was refused`,
      reason: `${e.message} Check the file's purpose (fine-tune) and that it still exists.`,
      field: param === "training_file" ? "trainingFile" : "validationFile",
      stillWorks: [],
    };
  if (param && /hyperparameters|n_epochs|batch_size|learning_rate|beta|seed|suffix/.test(param))
    return {
      kind: "hyperparameter",
      title: "A setting is out of range",
      reason: `${e.message} (${param})`,
      field: param,
      stillWorks: [],
    };
  return { kind: "other", title: "The job was not created", reason: e.message, field: param, stillWorks: [] };
}
