import type { JobStatus } from "./types";

/**
 * What each job status means for the pages: whether the job can still change (poll it), and which
 * actions the API takes in it. A status the API adds later is "active" with no actions until this
 * table learns it, so it is polled and shown by name, never hidden.
 */
export const TERMINAL_STATUSES: readonly string[] = ["succeeded", "failed", "cancelled"];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export type JobAction = "cancel" | "pause" | "resume";

const ACTIONS: Record<string, JobAction[]> = {
  validating_files: ["cancel"],
  queued: ["cancel"],
  running: ["pause", "cancel"],
  pausing: ["cancel"],
  paused: ["resume", "cancel"],
};

export function actionsFor(status: JobStatus): JobAction[] {
  return ACTIONS[status] ?? [];
}
