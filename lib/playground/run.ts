import { apiRequest, parseJson } from "@/lib/api-client";
import { streamEvents, streamInterrupted } from "@/lib/api-stream";
import { ApiError, type ApiErrorBody } from "@/lib/errors";
import { applyBody, applyEvent, type Outcome } from "./accumulate";
import { newRunRecord, type RunRecord, type RunStatus } from "./run-record";
import type { BuiltRequest, WireApi } from "./types";

/**
 * Sends a built request through the console's proxy and reports progress. The body sent is exactly
 * `req.text`. Aborting (Stop, Esc, leaving the page) keeps what arrived; a stream that breaks keeps
 * it too and records the error next to it.
 */

export type { RunRecord, RunStatus };

const RAW_CAP = 512 * 1024;

function hasContent(o: Outcome): boolean {
  return o.choices.some((c) => c.text || c.refusal || c.reasoning || c.toolCalls.length);
}

export function retryAfterMs(headers: Record<string, string>): number | null {
  const ms = Number(headers["retry-after-ms"]);
  if (Number.isFinite(ms) && ms > 0) return ms;
  const s = Number(headers["retry-after"]);
  if (Number.isFinite(s) && s > 0) return s * 1000;
  const reset = headers["x-ratelimit-reset-requests"] ?? headers["x-ratelimit-reset-tokens"];
  const m = reset ? /^(?:(\d+)m)?(?:([\d.]+)s)?(?:(\d+)ms)?$/.exec(reset) : null;
  if (m) return (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 1000 + Number(m[3] ?? 0) || null;
  return null;
}

export async function runRequest(
  api: WireApi,
  req: BuiltRequest,
  onUpdate: (r: RunRecord) => void,
  signal: AbortSignal,
  rec: RunRecord = newRunRecord(),
): Promise<RunRecord> {
  const finish = (status: RunStatus): RunRecord => {
    rec.status = status;
    rec.timings.endedAt = performance.now();
    onUpdate(rec);
    return rec;
  };
  const fail = (e: ApiErrorBody["error"]): RunRecord => {
    rec.error = { ...e, status: rec.httpStatus, retryAfterMs: retryAfterMs(rec.headers) };
    return finish("error");
  };
  let res: Response;
  onUpdate(rec);
  try {
    res = await apiRequest(`/api/v1${req.path}`, { body: req.text, accept: "*/*", signal });
  } catch (e) {
    if (signal.aborted) return finish("stopped");
    if (!(e instanceof ApiError)) throw e;
    // An HTTP answer (status > 0) keeps its status, headers and body for the inspector.
    if (e.status > 0) {
      rec.timings.headersAt = performance.now();
      rec.httpStatus = e.status;
      rec.headers = e.headers;
      rec.raw = e.responseText ?? "";
    }
    return fail(e.toJSON().error);
  }
  rec.timings.headersAt = performance.now();
  rec.httpStatus = res.status;
  rec.headers = Object.fromEntries(res.headers);
  onUpdate(rec);
  try {
    if (!(res.headers.get("content-type") ?? "").includes("text/event-stream")) {
      rec.raw = await res.text();
      applyBody(api, rec.outcome, parseJson(rec.raw));
      rec.timings.firstTokenAt = performance.now();
      return finish("done");
    }
    let last = 0;
    for await (const ev of streamEvents<unknown>(res, signal)) {
      if (rec.raw.length < RAW_CAP)
        rec.raw += `${ev.event ? `event: ${ev.event}\n` : ""}data: ${ev.data}\n\n`;
      if (!applyEvent(api, rec.outcome, ev.data, ev.json)) continue;
      if (rec.timings.firstTokenAt === null && hasContent(rec.outcome))
        rec.timings.firstTokenAt = performance.now();
      // Coalesce redraws: a fast stream updates the page at most every 30 ms.
      const now = performance.now();
      if (now - last > 30) {
        last = now;
        onUpdate(rec);
      }
    }
    if (signal.aborted) return finish("stopped");
    if (rec.outcome.error) return fail(rec.outcome.error);
    return finish("done");
  } catch (e) {
    if (signal.aborted) return finish("stopped");
    // The client's `stream_interrupted`, or a JSON body that stopped arriving: the same to the person.
    return fail((e instanceof ApiError ? e : streamInterrupted()).toJSON().error);
  }
}
