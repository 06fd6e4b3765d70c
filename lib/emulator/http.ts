import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorState, Fault, LoggedRequest } from "./state";
import { noteUsage } from "./usage-log";

/** Small response helpers shared by the route families. */

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  state: EmulatorState;
  method: string;
  path: string;
  query: URLSearchParams;
  params: string[];
  fault: Fault | undefined;
  /** The parsed JSON body (JSON requests only). */
  json: unknown;
  modelCall: boolean;
  /** This request's entry in the request log, for handlers that log more (multipart parts). */
  log?: LoggedRequest;
}

export type Handler = (ctx: Ctx) => void | Promise<void>;
export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /** JSON body to parse before the handler runs (multipart handlers read the stream themselves). */
  json?: boolean;
  /** Sends rate-limit headers, as model-calling endpoints do. */
  modelCall?: boolean;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly type = "invalid_request_error",
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new HttpError(413, "Request body too large.", null, "request_too_large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function baseHeaders(ctx: Ctx, extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = {
    "x-request-id": ctx.state.requestId(),
    "openai-processing-ms": String(20 + (ctx.state.log.length % 7)),
    "openai-version": "2020-10-01",
    ...extra,
  };
  if (ctx.modelCall) Object.assign(h, rateLimitHeaders(ctx.state));
  return h;
}

function rateLimitHeaders(state: EmulatorState): Record<string, string> {
  const now = Date.now();
  if (now - state.rate.windowStart > 60_000) state.rate = { windowStart: now, used: 0, images: 0 };
  state.rate.used += 1;
  const resetMs = Math.max(1, 60_000 - (now - state.rate.windowStart));
  return {
    "x-ratelimit-limit-requests": "5000",
    "x-ratelimit-remaining-requests": String(Math.max(0, 5000 - state.rate.used)),
    "x-ratelimit-reset-requests": `${Math.ceil(resetMs / 5000)}ms`,
    "x-ratelimit-limit-tokens": "800000",
    "x-ratelimit-remaining-tokens": String(Math.max(0, 800000 - state.rate.used * 50)),
    "x-ratelimit-reset-tokens": `${Math.ceil(resetMs / 1000)}s`,
  };
}

export function sendJson(ctx: Ctx, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  ctx.res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    ...baseHeaders(ctx, extra),
  });
  ctx.res.end(text);
  noteUsage(ctx, status, [body]);
}

export function sendError(ctx: Ctx, e: HttpError): void {
  sendJson(
    ctx,
    e.status,
    { error: { message: e.message, type: e.type, param: e.param, code: e.code } },
    e.headers,
  );
}

export function requireString(body: Record<string, unknown>, field: string): string {
  const v = body[field];
  if (typeof v !== "string" || !v)
    throw new HttpError(400, `Missing required parameter: '${field}'.`, field, "missing_required_parameter");
  return v;
}

export function asRecord(v: unknown): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new HttpError(
      400,
      "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.",
      null,
      null,
    );
  }
  return v as Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Writes SSE events one at a time, `streamChunkDelayMs` apart, honouring a break_stream fault and
 * stopping as soon as the client goes away.
 */
export async function streamEvents(
  ctx: Ctx,
  events: { event?: string; data: unknown }[],
  done = false,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const { res, state, fault } = ctx;
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    ...baseHeaders(ctx, extraHeaders),
  });
  const breakAfter = fault?.kind === "break_stream" ? (fault.afterChunks ?? 2) : Number.POSITIVE_INFINITY;
  let sent = 0;
  for (const ev of events) {
    if (res.destroyed) return;
    if (sent >= breakAfter) {
      res.socket?.destroy();
      return;
    }
    const text = `${ev.event ? `event: ${ev.event}\n` : ""}data: ${typeof ev.data === "string" ? ev.data : JSON.stringify(ev.data)}\n\n`;
    sent++;
    // Before a deliberate break, let what was sent reach the client: a real cut loses only what follows.
    if (sent >= breakAfter) await new Promise<void>((resolve) => res.write(text, () => resolve()));
    else res.write(text);
    if (state.config.streamChunkDelayMs > 0) await sleep(state.config.streamChunkDelayMs);
  }
  if (res.destroyed) return;
  res.end(done ? "data: [DONE]\n\n" : undefined);
  noteUsage(
    ctx,
    200,
    events.map((e) => e.data),
  );
}

/** Deterministic reply tokens: words with their leading spaces, like real tokens. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
