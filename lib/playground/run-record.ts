import type { ApiErrorBody } from "@/lib/errors";
import type { Outcome } from "./accumulate";

/**
 * The state of one run, apart from the code that fills it: the page creates the record the moment
 * Run is pressed (so a run is visible and stoppable before any byte arrives), and `runRequest`, which
 * loads with the first run, fills it in. Types only and one small constructor, so the page's first
 * load does not carry the client or the stream parser.
 */

export type RunStatus = "running" | "done" | "stopped" | "error";

export interface RunTimings {
  startedAt: number;
  /** First byte of the response (headers). */
  headersAt: number | null;
  /** First content token (text, refusal, reasoning or tool arguments). */
  firstTokenAt: number | null;
  endedAt: number | null;
}

export interface RunRecord {
  status: RunStatus;
  outcome: Outcome;
  timings: RunTimings;
  httpStatus: number | null;
  /** Response headers the proxy passes on (request id, rate limits); never credentials. */
  headers: Record<string, string>;
  error: (ApiErrorBody["error"] & { status: number | null; retryAfterMs: number | null }) | null;
  /** Raw response as it came: the JSON text, or the SSE data lines (capped). */
  raw: string;
}

export function emptyOutcome(): Outcome {
  return {
    choices: [],
    usage: null,
    id: null,
    model: null,
    serviceTier: null,
    systemFingerprint: null,
    error: null,
    events: 0,
  };
}

/** A run that has just been sent: nothing arrived yet. */
export function newRunRecord(startedAt = performance.now()): RunRecord {
  return {
    status: "running",
    outcome: emptyOutcome(),
    timings: { startedAt, headersAt: null, firstTokenAt: null, endedAt: null },
    httpStatus: null,
    headers: {},
    error: null,
    raw: "",
  };
}
