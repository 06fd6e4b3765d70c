import "server-only";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import { ApiError, typeForStatus } from "@/lib/errors";
import { createdKind } from "@/lib/ownership";
import { type BudgetHold, endHold } from "../budgets/hold";
import { getConfig, maskKey } from "../config";
import { type LedgerEntry, openCall, record as recordEntry } from "../ledger";
import { recordOwner } from "../ownership";
import { recordRateLimits } from "../rate-limits";
import { diagnoseUpstreamFailure, systemErrorCode } from "../upstream-failure";
import type { ClientSignal } from "./client-signal";
import { arm, type Deadline, disarm } from "./deadlines";
import {
  type Credentials,
  clientResponseHeaderRecord,
  isEventStream,
  isJson,
  upstreamRequestHeaders,
} from "./headers";
import type { ProxyRequest } from "./index";
import { hasModelField, MultipartModelReader, multipartBoundary } from "./multipart-model";
import { needsAdminKey, type UpstreamPath, type UpstreamTarget, upstreamTarget } from "./paths";
import { scrubSecrets } from "./scrub";
import type { Sink, StreamedAnswer } from "./sink";
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

/** What the path that ends a call knows; the rest of its ledger entry is the same for every path. */
type Outcome = Partial<Omit<LedgerEntry, "userId" | "tokenId" | "method" | "path" | "at" | "durationMs">> & {
  status: number;
};

/** A request body and the length the proxy will frame it with (null: chunked). */
export interface OutgoingBody {
  stream: Readable;
  length: number | null;
  /** The whole body, when a hook already read it (the budget gate, the `prompt` expansion): sent in one write. */
  whole?: Buffer;
}

/** What a hook that read the request (the `prompt` expansion) adds to the call. */
export interface CallExtras {
  ledger?: Pick<LedgerEntry, "assistantId" | "assistantVersion" | "conversationId"> | null;
  /** Run after a complete, successful answer, off the response path; a failure is logged. */
  onSuccess?: (() => Promise<void>) | null;
  /** More values no upstream error body may show (MCP header values the expansion added). */
  secrets?: string[];
  /** The call's budget reservation: settled or released with its one ledger entry. */
  budget?: BudgetHold | null;
}

/**
 * The one ledger entry of a call refused before anything went upstream (its `prompt` could not be
 * expanded, or its client left while the body was read).
 */
export function recordRefusal(
  req: Pick<Request, "method">,
  target: UpstreamPath,
  caller: Caller,
  startedAt: number,
  err: ApiError,
  known: {
    requestBytes: number;
    model: string | null;
    ledger?: CallExtras["ledger"];
  },
): void {
  const recorded = openCall();
  recordEntry({
    userId: caller.userId,
    tokenId: caller.tokenId,
    method: req.method,
    path: `/v1/${target.path}`,
    at: new Date(),
    durationMs: performance.now() - startedAt,
    requestBytes: known.requestBytes,
    ttfbMs: null,
    upstreamRequestId: null,
    stream: false,
    aborted: err.status === 499,
    errorType: err.type,
    errorCode: err.code,
    usage: null,
    responseBytes: 0,
    ...known.ledger,
    status: err.status,
    model: known.model,
  });
  recorded();
}

export async function forward(
  req: ProxyRequest,
  body: OutgoingBody | null,
  target: UpstreamPath,
  creds: Credentials,
  caller: Caller,
  startedAt: number,
  extras: CallExtras = {},
): Promise<Response | StreamedAnswer> {
  const cfg = getConfig();
  const dest = upstreamTarget(cfg.openai.baseUrl, target);
  const secrets = [creds.bearer, cfg.openai.apiKey, cfg.openai.adminKey, ...(extras.secrets ?? [])].filter(
    (s): s is string => Boolean(s),
  );
  let requestBytes = 0;
  let requestPrefix = "";
  let multipartModel: MultipartModelReader | null = null;
  /** The upstream's response headers, once it answered: their x-ratelimit-* values are kept per model. */
  let upstreamHeaders: IncomingMessage["headers"] | null = null;

  const outHeaders = upstreamRequestHeaders(req.headers, creds);
  // The proxy frames the body itself: the length of what it sends, which Node enforces byte for byte
  // (strictContentLength), or chunked when the client streamed without a length. Without a body,
  // neither header is sent, so a pooled upstream connection can never wait for bytes that are not coming.
  if (body?.length != null) outHeaders["content-length"] = String(body.length);
  const upstreamReq = (dest.protocol === "https:" ? https : http).request({
    protocol: dest.protocol,
    hostname: dest.hostname,
    port: dest.port,
    path: dest.path,
    method: req.method,
    headers: outHeaders,
    agent: dest.protocol === "https:" ? pool.https : pool.http,
  });
  // Node has this on every OutgoingMessage since 18.10; its types declare it on ServerResponse only.
  (upstreamReq as http.ClientRequest & { strictContentLength: boolean }).strictContentLength = true;

  // From here on every path records exactly one ledger entry; a shutdown waits for it.
  const recorded = openCall();
  /** The one ledger entry of this call: who, what and how much, plus what the path that ends it knows. */
  const record = (outcome: Outcome, answered = true) => {
    const model = outcome.model ?? modelFromRequestPrefix(requestPrefix) ?? multipartModel?.model ?? null;
    if (upstreamHeaders) recordRateLimits(model, headerEntries(upstreamHeaders));
    if (extras.budget) endHold(extras.budget, { ...outcome, model, answered, sent });
    recordEntry({
      userId: caller.userId,
      tokenId: caller.tokenId,
      method: req.method,
      path: `/v1/${target.path}`,
      at: new Date(),
      durationMs: performance.now() - startedAt,
      requestBytes,
      ttfbMs: null,
      upstreamRequestId: null,
      stream: false,
      aborted: false,
      errorType: null,
      errorCode: null,
      usage: null,
      responseBytes: 0,
      ...extras.ledger,
      ...outcome,
      model,
    });
    recorded();
  };

  let sending = false;
  /** The request's last byte was written upstream: from then on the upstream may run (and bill) it. */
  let sent = false;
  upstreamReq.once("finish", () => {
    sent = true;
  });
  let clientFailed = false;
  /** The body refused itself on the way (a late `prompt` in a large body): the caller gets that error. */
  let bodyRefusal: ApiError | null = null;
  if (body?.whole) {
    // Already in memory: written with the request head in one go, without piping it through a
    // stream again (a few ticks before the upstream sees it; docs/proxy-hot-path.md).
    const whole = body.whole;
    sending = true;
    requestBytes = whole.length;
    if (isJson(req.headers.get("content-type"))) {
      requestPrefix = whole.subarray(0, REQUEST_MODEL_PREFIX).toString("utf8");
    }
    const boundary = hasModelField(target.path) ? multipartBoundary(req.headers.get("content-type")) : null;
    if (boundary) {
      multipartModel = new MultipartModelReader(boundary);
      multipartModel.push(whole);
    }
    upstreamReq.once("finish", () => {
      sending = false;
    });
    upstreamReq.end(whole);
  } else if (body) {
    sending = true;
    const sniffModel = isJson(req.headers.get("content-type"));
    const boundary = hasModelField(target.path) ? multipartBoundary(req.headers.get("content-type")) : null;
    // Multipart (image edits, transcriptions): the `model` field, read as the parts pass, files skipped.
    const multipart = boundary ? new MultipartModelReader(boundary) : null;
    multipartModel = multipart;
    body.stream.on("data", (chunk: Buffer) => {
      requestBytes += chunk.length;
      if (sniffModel && requestPrefix.length < REQUEST_MODEL_PREFIX) requestPrefix += chunk.toString("utf8");
      if (multipart && !multipart.finished) multipart.push(chunk);
    });
    body.stream.on("end", () => {
      sending = false;
    });
    body.stream.on("error", (e) => {
      // The client's side of the upload failed (it went away): not the upstream's doing.
      if (e instanceof ApiError) bodyRefusal = e;
      else clientFailed = true;
      upstreamReq.destroy(e);
    });
    body.stream.pipe(upstreamReq);
  } else {
    upstreamReq.end();
  }

  let res: IncomingMessage;
  try {
    res = await waitForResponse(upstreamReq, req.signal, cfg.openai.timeoutMs);
  } catch (e) {
    const err = bodyRefusal
      ? bodyRefusal
      : clientFailed || req.signal.aborted
        ? new ApiError({
            status: 499,
            type: "invalid_request_error",
            code: "client_closed_request",
            message: "The client closed the request before the upstream answered.",
          })
        : toUpstreamError(
            e,
            cfg.openai.baseUrl,
            cfg.openai.timeoutMs,
            sending ? { sent: requestBytes, of: body?.length ?? null } : null,
          );
    record(
      { status: err.status, aborted: req.signal.aborted, errorType: err.type, errorCode: err.code },
      false,
    );
    return err.toResponse();
  }

  const status = res.statusCode ?? 502;
  upstreamHeaders = res.headers;
  const headers = clientResponseHeaderRecord(res.headers);
  const requestId = headerValue(res.headers["x-request-id"]);

  if (status >= 400) {
    const { body: errorBody, truncated } = await readSmall(
      res,
      MAX_ERROR_BODY,
      req.signal,
      cfg.openai.idleTimeoutMs,
    );
    const mapped = mapErrorBody(status, errorBody, truncated, dest, secrets, target);
    record({
      status: mapped.status,
      ttfbMs: performance.now() - startedAt,
      upstreamRequestId: requestId,
      errorType: mapped.errorType,
      errorCode: mapped.errorCode,
      responseBytes: mapped.body.length,
    });
    delete headers["content-length"];
    delete headers["content-encoding"];
    Object.assign(headers, mapped.extraHeaders);
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
  /**
   * Chunks the sniffer has not read yet. It reads them in a setImmediate: after the microtask in
   * which node.ts writes the chunk and the tick in which the socket sends it. Run inline, it
   * delayed every chunk, the first event included (docs/proxy-hot-path.md).
   */
  let unread: Buffer[] = [];
  const readUnread = () => {
    const chunks = unread;
    unread = [];
    for (const c of chunks) sniffer.push(c);
  };
  const readLater = (chunk: Buffer) => {
    if (unread.push(chunk) === 1) setImmediate(readUnread);
  };

  const creates = createdKind(req.method, target.path);
  /** Ends the call's bookkeeping; the promise, when there is one, is the new object's owner being written. */
  const finish = (aborted: boolean, brokenCode: string | null): Promise<void> | null => {
    if (done) return null;
    done = true;
    readUnread();
    const s = sniffer.finish();
    record({
      model: s.model,
      status,
      ttfbMs: ttfb,
      upstreamRequestId: requestId,
      stream: sse,
      aborted,
      errorType: brokenCode ? "upstream_error" : s.errorCode ? "stream_error" : null,
      errorCode: brokenCode ?? s.errorCode,
      usage: s.usage,
      responseBytes,
      fileId: req.method === "POST" && status < 300 ? s.fileId : null,
      images: target.family === "images" ? s.images : null,
    });
    if (extras.onSuccess && !aborted && !brokenCode && !s.errorCode && status < 300) {
      const onSuccess = extras.onSuccess;
      setImmediate(() => {
        onSuccess().catch((e: unknown) => {
          console.error(`[assistants] could not note the call: ${(e as Error).message}`);
        });
      });
    }
    const created = creates
      ? { file: s.fileId, vector_store: s.vectorStoreId, fine_tuning_job: s.fineTuningJobId, model: null }[
          creates
        ]
      : null;
    if (!created || aborted || brokenCode || status >= 300) return null;
    return recordOwner(creates as NonNullable<typeof creates>, created, caller.userId).catch((e: unknown) => {
      console.error(`[owners] could not record the owner of ${created}: ${(e as Error).message}`);
    });
  };

  if (status === 204 || status === 304) {
    res.resume();
    finish(false, null);
    return new Response(null, { status, headers });
  }

  const onClientAbort = () => {
    disarmIdle();
    upstreamReq.destroy();
    res.destroy();
    finish(true, null);
  };
  req.signal.addEventListener("abort", onClientAbort, { once: true });

  /** Where the answer goes once it is started (sink.ts): the Node response, or a web stream. */
  let out: Sink | null = null;
  let heldBack: Buffer | null = null;
  /** The upstream stopped mid-body (closed, or silent past the idle timeout): end the client's copy clearly. */
  const interrupt = (code: string, message: string) => {
    disarmIdle();
    req.signal.removeEventListener("abort", onClientAbort);
    finish(false, code);
    if (!out) return;
    if (sse) {
      const err = new ApiError({ type: "upstream_error", code, message });
      out.write(Buffer.from(`event: error\ndata: ${JSON.stringify(err.toJSON())}\n\n`));
      out.end();
    } else {
      out.fail(message);
    }
  };

  // Only silence from the upstream counts: while the client is slow to read, the body is paused.
  // No timer per call (deadlines.ts): a chunk moves the deadline, the process-wide sweep fires it.
  const idle: Deadline = { at: 0, fire: () => checkIdle() };
  const disarmIdle = () => disarm(idle);
  const armIdle = () => {
    idle.at = performance.now() + cfg.openai.idleTimeoutMs;
    arm(idle);
  };
  const checkIdle = () => {
    if (done) return;
    const seconds = Math.round(cfg.openai.idleTimeoutMs / 1000);
    interrupt(
      "upstream_stream_stalled",
      `The upstream API at ${dest.host} sent nothing for ${seconds} s in the middle of the response, so the console ended it. What arrived before is kept. If long silences are normal for this model, raise UPSTREAM_IDLE_TIMEOUT_MS.`,
    );
    res.destroy();
    upstreamReq.destroy();
  };

  const resume = () => {
    if (res.isPaused()) {
      armIdle();
      res.resume();
    }
  };
  const start = (sink: Sink) => {
    if (out) return;
    out = sink;
    if (done) {
      // The client left before the answer was started: nothing to write.
      sink.end();
      return;
    }
    armIdle();
    res.on("data", (chunk: Buffer) => {
      ttfb ??= performance.now() - startedAt;
      responseBytes += chunk.length;
      // Forward first, inspect after: the sniffer must never delay a byte, so it reads the chunk
      // once it was written (see readLater). A create's answer is the exception: its latest
      // chunk waits (see "end").
      let room: boolean;
      if (creates) {
        room = heldBack ? sink.write(heldBack) : true;
        heldBack = chunk;
      } else {
        room = sink.write(chunk);
      }
      readLater(chunk);
      if (room) {
        armIdle();
      } else {
        disarmIdle();
        res.pause();
      }
    });
    res.on("end", () => {
      disarmIdle();
      req.signal.removeEventListener("abort", onClientAbort);
      const close = () => {
        if (heldBack) sink.write(heldBack);
        sink.end();
      };
      // A create's answer ends only once its owner is stored, so a delete right after it is
      // judged with the owner known. Closing late is not enough: the answer carries the
      // upstream's content-length, so a client has it whole once the last byte arrives; that
      // byte is held back until the owner is written.
      if (!creates) {
        // Nothing to wait for: the client gets its last byte before the bookkeeping runs.
        close();
        finish(false, null);
        return;
      }
      const owning = finish(false, null);
      if (owning) void owning.then(close);
      else close();
    });
    const onClose = () => {
      if (res.complete || done) return;
      interrupt(
        "upstream_stream_interrupted",
        `The upstream API at ${dest.host} closed the connection before the response was complete.`,
      );
    };
    res.on("close", onClose);
    res.on("error", () => {
      // Handled by "close"; without a listener the error would crash the process.
    });
    // Closed before the answer was started: "close" will not come again.
    if (res.closed) onClose();
  };

  return { status, headers, start, resume, cancel: onClientAbort };
}

/**
 * The response-headers timeout counts from the moment the whole request has been sent: a large
 * upload may take longer than the timeout to send, and that is not the upstream being slow.
 */
function waitForResponse(
  r: http.ClientRequest,
  signal: ClientSignal,
  timeoutMs: number,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    // No timer per call (deadlines.ts): armed once the request is sent, fired by the sweep.
    const timeout: Deadline = { at: 0, fire: () => r.destroy(new UpstreamFailure("timeout", undefined)) };
    r.once("finish", () => {
      timeout.at = performance.now() + timeoutMs;
      arm(timeout);
    });
    const onAbort = () =>
      r.destroy(new UpstreamFailure("unreachable", new Error("client closed the request")));
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    r.on("response", (res) => {
      disarm(timeout);
      signal.removeEventListener("abort", onAbort);
      resolve(res);
    });
    r.on("error", (e) => {
      disarm(timeout);
      signal.removeEventListener("abort", onAbort);
      reject(e);
    });
  });
}

function toUpstreamError(
  e: unknown,
  base: URL,
  timeoutMs: number,
  upload: { sent: number; of: number | null } | null,
): ApiError {
  if (e instanceof UpstreamFailure && e.kind === "timeout") {
    const d = diagnoseUpstreamFailure(base, { timeoutMs, timeoutVariable: "UPSTREAM_TIMEOUT_MS" });
    return new ApiError({ status: 504, type: "upstream_error", code: d.code, message: d.message });
  }
  const cause = e instanceof UpstreamFailure ? e.reason : e;
  const code = systemErrorCode(cause);
  if (upload && (code === "EPIPE" || code === "ECONNRESET")) {
    const of = upload.of === null ? "" : ` of ${formatBytes(upload.of)}`;
    return new ApiError({
      status: 502,
      type: "upstream_error",
      code: "upstream_closed_during_upload",
      message: `The upstream API at ${base.host} closed the connection while the request body was being sent (after ${formatBytes(upload.sent)}${of}) and gave no answer. It usually refuses a body that is too large or not allowed there: check the size limit of that endpoint (files over 512 MB, or over a gateway's own limit, go through Uploads in parts) and try again.`,
    });
  }
  const d = diagnoseUpstreamFailure(base, { error: cause });
  return new ApiError({ status: 502, type: "upstream_error", code: d.code, message: d.message });
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function* headerEntries(h: IncomingMessage["headers"]): Iterable<[string, string]> {
  for (const [k, v] of Object.entries(h)) if (typeof v === "string") yield [k, v];
}

function headerValue(v: string | string[] | undefined): string | null {
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** An error body, at most `max` bytes; cut short by a client abort or by the upstream going silent. */
function readSmall(
  res: IncomingMessage,
  max: number,
  signal: ClientSignal,
  idleMs: number,
): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let idle: NodeJS.Timeout | undefined;
    const stop = () => {
      truncated = true;
      res.destroy();
    };
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(stop, idleMs);
    };
    arm();
    signal.addEventListener("abort", stop, { once: true });
    res.on("data", (c: Buffer) => {
      arm();
      if (size + c.length > max) return stop();
      chunks.push(c);
      size += c.length;
    });
    const done = () => {
      clearTimeout(idle);
      signal.removeEventListener("abort", stop);
      resolve({ body: Buffer.concat(chunks), truncated });
    };
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
  dest: UpstreamTarget,
  secrets: string[],
  target: UpstreamPath,
): MappedError {
  const scrubbed = scrubSecrets(raw.toString("utf8"), secrets, (s) => maskKey(s) ?? "[redacted]");
  const text = scrubbed.withheld
    ? JSON.stringify(
        new ApiError({
          status,
          type: typeForStatus(status),
          code: "upstream_error_withheld",
          message: `The upstream API at ${dest.host} returned HTTP ${status} with a message that quoted a credential, so the console withheld it. An admin can find the call by its request id in the upstream's logs.`,
        }).toJSON(),
      )
    : scrubbed.text;
  let parsed: unknown;
  try {
    parsed = truncated ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const upstream = ApiError.fromBody(status, parsed, `The upstream API at ${dest.host} returned an error`);
  if (status === 401) {
    const keyVar = needsAdminKey(target) ? "OPENAI_ADMIN_KEY" : "OPENAI_API_KEY";
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
