import { type ApiRequestInit, apiRequest, parseJson } from "./api-client";
import { ApiError } from "./errors";
import { readSse, type SseEvent } from "./sse";

/** The browser client's SSE half (see api-client.ts): loaded only by the pages that stream. */

export interface StreamEvent<T> extends SseEvent {
  /** The data parsed as JSON; null for `[DONE]` and for data that is not JSON. */
  json: T | null;
}

/** Opens an SSE stream: the response (status, headers) at once, then its events as they arrive. */
export async function apiStream<T>(
  path: string,
  init: ApiRequestInit = {},
): Promise<{ response: Response; events: AsyncGenerator<StreamEvent<T>> }> {
  const response = await apiRequest(path, { ...init, accept: "text/event-stream" });
  return { response, events: streamEvents<T>(response, init.signal) };
}

/**
 * A response's SSE events. An abort ends the loop quietly (what arrived stays); a connection that
 * drops midway throws ApiError `stream_interrupted`.
 */
export async function* streamEvents<T>(res: Response, signal?: AbortSignal): AsyncGenerator<StreamEvent<T>> {
  if (!res.body) return;
  try {
    for await (const ev of readSse(res.body, signal)) yield { ...ev, json: parseJson<T>(ev.data) };
  } catch {
    if (signal?.aborted) return;
    throw streamInterrupted();
  }
}

/** A body that stopped arriving before it was whole. */
export function streamInterrupted(): ApiError {
  return new ApiError({
    type: "server_error",
    status: 0,
    code: "stream_interrupted",
    message: "The stream broke before it finished; what arrived is kept.",
  });
}

/**
 * An error the upstream reports inside a 200 stream: Chat Completions' `{"error":{…}}` (also what
 * the proxy appends when the upstream breaks off) or Responses' `error` event.
 */
export function streamError(data: unknown, event: string | null = null): ApiError | null {
  if (!isRecord(data)) return null;
  const nested = isRecord(data.error) ? data.error : null;
  if (!(data.type === "error" || event === "error" || (nested && data.type === undefined))) return null;
  const e = nested ?? data;
  return new ApiError({
    status: 502,
    type: typeof e.type === "string" && e.type !== "error" ? e.type : "server_error",
    message: text(e.message) || text(data.message) || "The stream reported an error.",
    param: text(e.param) || text(data.param) || null,
    code: text(e.code) || text(data.code) || null,
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function text(v: unknown): string {
  return typeof v === "string" ? v : "";
}
