import "server-only";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import { ApiError } from "@/lib/errors";
import { getConfig, maskKey } from "../config";
import { record } from "../ledger";
import {
  type Credentials,
  clientResponseHeaders,
  isEventStream,
  isJson,
  upstreamRequestHeaders,
} from "./headers";
import { type UpstreamPath, upstreamUrl } from "./paths";
import { createSniffer, modelFromRequestPrefix } from "./sniffer";

export interface Caller {
  userId: string;
  tokenId: string | null;
}

// One pool per process: reusing TLS connections is most of the proxy's latency budget.
const agents = globalThis as unknown as { __benchtopAgents?: { http: http.Agent; https: https.Agent } };
agents.__benchtopAgents ??= {
  http: new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, maxFreeSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, maxFreeSockets: 64 }),
};
const pool = agents.__benchtopAgents;

const MAX_ERROR_BODY = 256 * 1024;
const REQUEST_MODEL_PREFIX = 16 * 1024;

class UpstreamFailure extends Error {
  constructor(
    readonly kind: "unreachable" | "timeout",
    readonly reason: Error | undefined,
  ) {
    super(kind);
  }
}

export async function forward(
  req: Request,
  body: Readable | null,
  target: UpstreamPath,
  creds: Credentials,
  caller: Caller,
  startedAt: number,
): Promise<Response> {
  const cfg = getConfig();
  const dest = upstreamUrl(cfg.openai.baseUrl, target);
  const secrets = [creds.bearer, cfg.openai.apiKey, cfg.openai.adminKey].filter((s): s is string =>
    Boolean(s),
  );
  const ledgerBase = {
    userId: caller.userId,
    tokenId: caller.tokenId,
    method: req.method,
    path: `/v1/${target.path}`,
  };
  let requestBytes = 0;
  let requestPrefix = "";

  const upstreamReq = (dest.protocol === "https:" ? https : http).request(dest, {
    method: req.method,
    headers: upstreamRequestHeaders(req.headers, creds),
    agent: dest.protocol === "https:" ? pool.https : pool.http,
  });

  if (body && req.method !== "GET" && req.method !== "HEAD") {
    const sniffModel = isJson(req.headers.get("content-type"));
    body.on("data", (chunk: Buffer) => {
      requestBytes += chunk.length;
      if (sniffModel && requestPrefix.length < REQUEST_MODEL_PREFIX) requestPrefix += chunk.toString("utf8");
    });
    body.on("error", (e) => upstreamReq.destroy(e));
    body.pipe(upstreamReq);
  } else {
    upstreamReq.end();
  }

  let res: IncomingMessage;
  try {
    res = await waitForResponse(upstreamReq, req.signal, cfg.openai.timeoutMs);
  } catch (e) {
    const err = toUpstreamError(e, dest, cfg.openai.timeoutMs);
    record({
      ...ledgerBase,
      at: new Date(),
      model: modelFromRequestPrefix(requestPrefix),
      status: err.status,
      durationMs: performance.now() - startedAt,
      ttfbMs: null,
      upstreamRequestId: null,
      stream: false,
      aborted: req.signal.aborted,
      errorType: err.type,
      errorCode: err.code,
      usage: null,
      requestBytes,
      responseBytes: 0,
    });
    return err.toResponse();
  }

  const status = res.statusCode ?? 502;
  const headers = clientResponseHeaders(res.headers);
  const requestId = headerValue(res.headers["x-request-id"]);

  if (status >= 400) {
    const { body: errorBody, truncated } = await readSmall(res, MAX_ERROR_BODY);
    const finished = performance.now();
    const mapped = mapErrorBody(status, errorBody, truncated, dest, secrets, target);
    record({
      ...ledgerBase,
      at: new Date(),
      model: modelFromRequestPrefix(requestPrefix),
      status: mapped.status,
      durationMs: finished - startedAt,
      ttfbMs: finished - startedAt,
      upstreamRequestId: requestId,
      stream: false,
      aborted: false,
      errorType: mapped.errorType,
      errorCode: mapped.errorCode,
      usage: null,
      requestBytes,
      responseBytes: mapped.body.length,
    });
    headers.delete("content-length");
    headers.delete("content-encoding");
    for (const [k, v] of Object.entries(mapped.extraHeaders)) headers.set(k, v);
    return new Response(mapped.body, { status: mapped.status, headers });
  }

  const sse = isEventStream(res.headers["content-type"]);
  const encoded = Boolean(res.headers["content-encoding"]) && res.headers["content-encoding"] !== "identity";
  const sniffer = createSniffer(
    encoded ? "other" : sse ? "sse" : isJson(res.headers["content-type"]) ? "json" : "other",
  );
  let ttfb: number | null = null;
  let responseBytes = 0;
  let done = false;

  const finish = (aborted: boolean, brokenCode: string | null) => {
    if (done) return;
    done = true;
    const s = sniffer.finish();
    record({
      ...ledgerBase,
      at: new Date(),
      model: s.model ?? modelFromRequestPrefix(requestPrefix),
      status,
      durationMs: performance.now() - startedAt,
      ttfbMs: ttfb,
      upstreamRequestId: requestId,
      stream: sse,
      aborted,
      errorType: brokenCode ? "upstream_error" : s.errorCode ? "stream_error" : null,
      errorCode: brokenCode ?? s.errorCode,
      usage: s.usage,
      requestBytes,
      responseBytes,
      fileId: ledgerBase.method === "POST" && status < 300 ? s.fileId : null,
    });
  };

  if (req.method === "HEAD" || status === 204 || status === 304) {
    res.resume();
    finish(false, null);
    return new Response(null, { status, headers });
  }

  const onClientAbort = () => {
    upstreamReq.destroy();
    res.destroy();
    finish(true, null);
  };
  req.signal.addEventListener("abort", onClientAbort, { once: true });

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        res.on("data", (chunk: Buffer) => {
          ttfb ??= performance.now() - startedAt;
          responseBytes += chunk.length;
          // Forward first, inspect after: the sniffer must never delay a byte.
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          sniffer.push(chunk);
          if ((controller.desiredSize ?? 1) <= 0) res.pause();
        });
        res.on("end", () => {
          req.signal.removeEventListener("abort", onClientAbort);
          finish(false, null);
          try {
            controller.close();
          } catch {
            // Already cancelled by the client.
          }
        });
        res.on("close", () => {
          if (res.complete || done) return;
          // The upstream connection died mid-body.
          req.signal.removeEventListener("abort", onClientAbort);
          finish(false, "upstream_stream_interrupted");
          const message = `The upstream API at ${dest.host} closed the connection before the response was complete.`;
          try {
            if (sse) {
              const err = new ApiError({
                type: "upstream_error",
                code: "upstream_stream_interrupted",
                message,
              });
              controller.enqueue(
                new TextEncoder().encode(`event: error\ndata: ${JSON.stringify(err.toJSON())}\n\n`),
              );
              controller.close();
            } else {
              controller.error(new Error(message));
            }
          } catch {
            // Client already gone.
          }
        });
        res.on("error", () => {
          // Handled by "close"; without a listener the error would crash the process.
        });
      },
      pull() {
        res.resume();
      },
      cancel() {
        onClientAbort();
      },
    },
    { highWaterMark: 64 * 1024, size: (c) => c.byteLength },
  );

  return new Response(stream, { status, headers });
}

function waitForResponse(
  r: http.ClientRequest,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => r.destroy(new UpstreamFailure("timeout", undefined)), timeoutMs);
    const onAbort = () =>
      r.destroy(new UpstreamFailure("unreachable", new Error("client closed the request")));
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    r.on("response", (res) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(res);
    });
    r.on("error", (e) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      reject(e);
    });
  });
}

function toUpstreamError(e: unknown, dest: URL, timeoutMs: number): ApiError {
  if (e instanceof UpstreamFailure && e.kind === "timeout") {
    return new ApiError({
      status: 504,
      type: "upstream_error",
      code: "upstream_timeout",
      message: `The upstream API at ${dest.host} did not answer within ${Math.round(timeoutMs / 1000)} s. Try again; if it persists, check the upstream's status or raise UPSTREAM_TIMEOUT_MS.`,
    });
  }
  const cause = e instanceof UpstreamFailure ? e.reason : (e as NodeJS.ErrnoException | undefined);
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new ApiError({
    status: 502,
    type: "upstream_error",
    code: "upstream_unreachable",
    message: `Could not reach the upstream API at ${dest.host}${code ? ` (${code})` : ""}. Check OPENAI_BASE_URL and that this server can reach that host.`,
  });
}

function headerValue(v: string | string[] | undefined): string | null {
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

function readSmall(res: IncomingMessage, max: number): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    res.on("data", (c: Buffer) => {
      if (size + c.length > max) {
        truncated = true;
        res.destroy();
        return;
      }
      chunks.push(c);
      size += c.length;
    });
    const done = () => resolve({ body: Buffer.concat(chunks), truncated });
    res.on("end", done);
    res.on("close", done);
    res.on("error", () => {});
  });
}

interface MappedError {
  status: number;
  body: string;
  errorType: string | null;
  errorCode: string | null;
  extraHeaders: Record<string, string>;
}

/**
 * Upstream errors pass through with their status and body, except: a 401 means the console's own key
 * is wrong (a configuration problem, not the caller's), and no secret may appear in a body we return.
 */
function mapErrorBody(
  status: number,
  raw: Buffer,
  truncated: boolean,
  dest: URL,
  secrets: string[],
  target: UpstreamPath,
): MappedError {
  let text = raw.toString("utf8");
  for (const s of secrets) text = text.split(s).join(maskKey(s) ?? "[redacted]");
  let parsed: unknown;
  try {
    parsed = truncated ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const upstream = ApiError.fromBody(status, parsed, `The upstream API at ${dest.host} returned an error`);
  if (status === 401) {
    const keyVar = target.family === "organization" ? "OPENAI_ADMIN_KEY" : "OPENAI_API_KEY";
    const err = new ApiError({
      status: 502,
      type: "upstream_error",
      code: "upstream_unauthorized",
      message: `The upstream API at ${dest.host} rejected the console's API key${upstream.code ? ` (${upstream.code})` : ""}. This is a server configuration problem: an admin needs to check ${keyVar} (and OPENAI_ORG_ID / OPENAI_PROJECT_ID) in Settings.`,
    });
    return {
      status: 502,
      body: JSON.stringify(err.toJSON()),
      errorType: err.type,
      errorCode: err.code,
      extraHeaders: { "x-should-retry": "false", "content-type": "application/json" },
    };
  }
  if (parsed === undefined) {
    // Not JSON (an HTML error page from a gateway, say): wrap it so every client reads one shape.
    const err = new ApiError({
      status,
      type: status >= 500 ? "upstream_error" : "invalid_request_error",
      code: "upstream_error",
      message: `The upstream API at ${dest.host} returned HTTP ${status}${text.trim() ? `: ${text.trim().slice(0, 300)}` : ""}.`,
    });
    return {
      status,
      body: JSON.stringify(err.toJSON()),
      errorType: err.type,
      errorCode: err.code,
      extraHeaders: { "content-type": "application/json" },
    };
  }
  return { status, body: text, errorType: String(upstream.type), errorCode: upstream.code, extraHeaders: {} };
}
