import { apiFetch } from "@/lib/api-client";
import type { RunRecord } from "@/lib/playground/run";
import type { BuiltRequest, Setup } from "@/lib/playground/types";
import type { RecordRunInput } from "./schema";

/** The body the history API stores for a finished run: no raw stream, no headers but the request id. */
export function historyEntry(
  target: string,
  setup: Setup,
  req: BuiltRequest,
  rec: RunRecord,
): RecordRunInput {
  const t = rec.timings;
  return {
    target,
    setup,
    request: { path: req.path, text: req.text },
    status: rec.status === "running" ? "stopped" : rec.status,
    httpStatus: rec.httpStatus,
    output: {
      choices: rec.outcome.choices.map(({ logprobs: _, ...c }) => c),
      error: rec.error
        ? { message: rec.error.message, type: rec.error.type ?? null, code: rec.error.code ?? null }
        : null,
      responseId: rec.outcome.id,
      requestId: rec.headers["x-request-id"] ?? null,
    },
    usage: rec.outcome.usage,
    totalMs: t.endedAt === null ? null : t.endedAt - t.startedAt,
    ttftMs: t.firstTokenAt === null ? null : t.firstTokenAt - t.startedAt,
  };
}

/**
 * Keeps a finished run in the user's history. Best effort: the run is already on screen, so a
 * refusal (history off, a run over the size cap) changes nothing there.
 */
export function recordRun(target: string, setup: Setup, req: BuiltRequest, rec: RunRecord): void {
  apiFetch("/api/history", { body: historyEntry(target, setup, req, rec) }).catch(() => {});
}
