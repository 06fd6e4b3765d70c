import { isTerminal } from "./status";
import type { Job, JobMethod, JobStatus } from "./types";

/** What the jobs list and the job page derive from a job object, kept pure for the unit tests. */

export function methodOf(job: Pick<Job, "method">): JobMethod | string {
  return job.method?.type ?? "supervised";
}

export const METHOD_LABEL: Record<string, string> = {
  supervised: "Supervised",
  dpo: "DPO",
  reinforcement: "Reinforcement",
};

export type StatusTone = "neutral" | "accent" | "danger" | "warning" | "success";

const STATUS: Record<string, { label: string; tone: StatusTone }> = {
  validating_files: { label: "Validating files", tone: "neutral" },
  queued: { label: "Queued", tone: "neutral" },
  running: { label: "Running", tone: "accent" },
  pausing: { label: "Pausing", tone: "warning" },
  paused: { label: "Paused", tone: "warning" },
  succeeded: { label: "Succeeded", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

/** A status the table does not know is shown by its own name, never hidden. */
export function statusInfo(status: JobStatus): { label: string; tone: StatusTone } {
  return STATUS[status] ?? { label: status.replaceAll("_", " "), tone: "neutral" };
}

export const KNOWN_STATUSES = Object.keys(STATUS);

/** Whole days from `today` (YYYY-MM-DD) to `date`; negative once passed. */
export function daysLeft(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The base model of a job: `job.model`, which for a job continued from a fine-tune names that fine-tune. */
export function baseModelOf(job: Pick<Job, "model">): string {
  return job.model;
}

/** `estimated_finish` only means something while the job can still change. */
export function estimatedFinish(job: Pick<Job, "status" | "estimated_finish">): number | null {
  return !isTerminal(job.status) && job.estimated_finish ? job.estimated_finish : null;
}

export interface JobFilters {
  status: string;
  method: string;
  model: string;
  mine: boolean;
  /** `key=value` pairs sent to the API's metadata filter. */
  metadata: Record<string, string>;
}

export const NO_JOB_FILTERS: JobFilters = { status: "", method: "", model: "", mine: false, metadata: {} };

export function jobFiltersFromSearch(p: URLSearchParams): JobFilters {
  const metadata: Record<string, string> = {};
  for (const pair of p.getAll("meta")) {
    const i = pair.indexOf("=");
    if (i > 0) metadata[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return {
    status: p.get("status") ?? "",
    method: p.get("method") ?? "",
    model: p.get("model") ?? "",
    mine: p.get("mine") === "1",
    metadata,
  };
}

export function jobFiltersToSearch(f: JobFilters): string {
  const p = new URLSearchParams();
  if (f.status) p.set("status", f.status);
  if (f.method) p.set("method", f.method);
  if (f.model) p.set("model", f.model);
  if (f.mine) p.set("mine", "1");
  for (const [k, v] of Object.entries(f.metadata)) p.append("meta", `${k}=${v}`);
  return p.toString();
}

/** The client-side filters over the pages loaded so far (the API filters only by metadata). */
export function filterJobs(
  jobs: Job[],
  f: JobFilters,
  ownerOf: (id: string) => string | null,
  meId: string,
): Job[] {
  return jobs.filter(
    (j) =>
      (!f.status || j.status === f.status) &&
      (!f.method || methodOf(j) === f.method) &&
      (!f.model || baseModelOf(j) === f.model) &&
      (!f.mine || ownerOf(j.id) === meId),
  );
}

/** What to do about a failed job, by its error's code and param; an unknown error is told as the API wrote it. */
export function failureGuidance(error: { code?: string | null; param?: string | null; message?: string }): {
  title: string;
  advice: string;
  fixInCreate: boolean;
} {
  const code = error.code ?? "";
  const param = error.param ?? "";
  if (code === "invalid_training_file" || code === "invalid_validation_file" || /_file$/.test(param)) {
    const which =
      param === "validation_file" || code === "invalid_validation_file" ? "validation" : "training";
    return {
      title: `The ${which} file is not valid`,
      advice: `Fix the line the message names, then re-validate the file on the create page (it checks every line before upload) and start a new job.`,
      fixInCreate: true,
    };
  }
  if (/quota|billing|insufficient/.test(code)) {
    return {
      title: "Out of quota",
      advice:
        "The organization's fine-tuning quota or credit ran out. An admin can raise the limit or add credit; then start the job again.",
      fixInCreate: false,
    };
  }
  if (/model/.test(code) || param === "model") {
    return {
      title: "The model is not available for fine-tuning",
      advice:
        "Pick a fine-tunable base model on the create page (the list shows which methods each supports).",
      fixInCreate: true,
    };
  }
  return {
    title: "The job failed",
    advice: "The upstream's message is shown as it came.",
    fixInCreate: false,
  };
}

export interface TimelineStep {
  status: string;
  at: number | null;
}

// Order matters: "Files validated, moving job to queued state" is about the queue, and a failure's
// message may name the validation file.
const EVENT_STEP: [RegExp, string][] = [
  [/queue/i, "queued"],
  [/fail/i, "failed"],
  [/cancel/i, "cancelled"],
  [/pausing/i, "pausing"],
  [/paused/i, "paused"],
  [/start|resum/i, "running"],
  [/succeed|completed/i, "succeeded"],
  [/validat/i, "validating_files"],
];

/**
 * The statuses a job passed through, with the time each began, read from its message events (oldest
 * first): validating → queued → running → (paused → running)… → the terminal status. The job's own
 * status closes the list when no event names it yet.
 */
export function timeline(
  job: Pick<Job, "status" | "created_at" | "finished_at">,
  events: { type?: string; message: string; created_at: number }[],
): TimelineStep[] {
  const steps: TimelineStep[] = [{ status: "validating_files", at: job.created_at }];
  for (const e of events) {
    if (e.type === "metrics") continue;
    const hit = EVENT_STEP.find(([re]) => re.test(e.message));
    if (!hit || steps.at(-1)?.status === hit[1]) continue;
    if (hit[1] === "validating_files" && steps.length === 1) continue;
    steps.push({ status: hit[1], at: e.created_at });
  }
  if (steps.at(-1)?.status !== job.status) {
    steps.push({ status: job.status, at: isTerminal(job.status) ? job.finished_at : null });
  }
  return steps;
}
