import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { ApiError, errors } from "@/lib/errors";
import { ownershipTarget } from "@/lib/ownership";
import { cachedPrincipal, requirePrincipal } from "../auth/request";
import { release } from "../budgets";
import { holdBudget } from "../budgets/gate";
import { getConfig } from "../config";
import { errorResponse } from "../http";
import { assertMayChange } from "../ownership";
import { isWebThread } from "../threads";
import type { ClientSignal } from "./client-signal";
import { type CallExtras, forward, type OutgoingBody, recordRefusal } from "./forward";
import { type Credentials, upstreamRequestHeaders } from "./headers";
import { checkMethod, type Method, needsAdminKey, resolveUpstreamPath, type UpstreamPath } from "./paths";
import { ExpansionRefused, prepareResponsesBody } from "./prompt";
import { answerResponse, isStreamedAnswer, type StreamedAnswer } from "./sink";

export { PROXY_PREFIX } from "./constants";

import { PROXY_PREFIX } from "./constants";

/**
 * What the proxy reads of a request: a web Request in a route handler; a plain object in the
 * production entry (node.ts), which skips building a Request on the hot path.
 */
export type ProxyRequest = Pick<Request, "method" | "headers" | "url" | "body"> & { signal: ClientSignal };

export interface ProxyInput {
  /** The request line's path and query exactly as received, before any URL normalisation. */
  rawUrl?: string;
  /** The body as a Node stream; by default, the web request's body. */
  body?: Readable | null;
}

/** `/api/v1/*` for a route handler: the call's answer as a web Response. */
export async function handleProxy(req: ProxyRequest, input: ProxyInput = {}): Promise<Response> {
  // In Next's thread of the production server the main thread has sent every `/api/v1/…` to the
  // proxy already; what reaches this route spelled the path otherwise (`/api/./v1/…`, an escape
  // Next decodes) and must not be proxied here, away from the ledger's queue and the budget counters.
  if (isWebThread()) {
    return errors
      .notFound("The API is served at /api/v1/… exactly: no dot segments or escaped characters in the path.")
      .toResponse();
  }
  const r = await proxyCall(req, input);
  return isStreamedAnswer(r) ? answerResponse(r) : r;
}

/**
 * `/api/v1/*`: authenticate, validate the path, pick credentials, stream both ways. A successful
 * answer comes back unstarted (sink.ts), for node.ts to write straight to the socket; errors and
 * small answers are Responses.
 */
export async function proxyCall(
  req: ProxyRequest,
  input: ProxyInput = {},
): Promise<Response | StreamedAnswer> {
  const startedAt = performance.now();
  /** The client's body once the `prompt` hook began reading it. */
  let source: Readable | null = null;
  try {
    const method = checkMethod(req.method);
    // Warm credentials resolve without a promise: every await costs more under Next's async hooks.
    const principal = cachedPrincipal(req) ?? (await requirePrincipal(req));
    let rawUrl = input.rawUrl;
    if (rawUrl === undefined) {
      const url = new URL(req.url);
      rawUrl = url.pathname + url.search;
    }
    const q = rawUrl.indexOf("?");
    const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
    // The raw pathname, not a parsed URL: encoded slashes and dot segments must be seen to be refused.
    const raw = pathname.startsWith(PROXY_PREFIX) ? pathname.slice(PROXY_PREFIX.length) : "";
    const target = resolveUpstreamPath(raw, q === -1 ? "" : rawUrl.slice(q), method);
    const creds = credentialsFor(target, principal.user.role === "admin");
    // Before a byte goes upstream: a member's delete of someone else's file never leaves the console.
    const owned = ownershipTarget(method, target.path);
    if (owned) await assertMayChange(principal.user, owned);
    const framing = bodyFraming(req.headers, method);
    // Node streams piped with backpressure keep a 1 GB upload at a bounded footprint; handing the web
    // stream to fetch() was measured to buffer the whole body (docs/performance.md).
    let stream = framing.hasBody ? input.body : null;
    if (stream === undefined) {
      stream = req.body ? Readable.fromWeb(req.body as unknown as NodeReadableStream<Uint8Array>) : null;
    }
    let body: OutgoingBody | null = stream ? { stream, length: framing.length } : null;
    const caller = { userId: principal.user.id, tokenId: principal.tokenId };
    let extras: CallExtras = {};
    if (body && target.path === "responses" && expandsPrompt(req.headers)) {
      // Headers are checked first: the call must not fail on one after its body began to be read.
      upstreamRequestHeaders(req.headers, creds);
      source = body.stream;
      try {
        // A `prompt` naming a saved assistant is expanded here, before a byte goes upstream.
        const prepared = await prepareResponsesBody(body, principal.user, req.signal);
        body = prepared.body;
        extras = { ledger: prepared.ledger, onSuccess: prepared.onSuccess, secrets: prepared.secrets };
      } catch (e) {
        if (!(e instanceof ExpansionRefused)) throw e;
        recordRefusal(req, target, caller, startedAt, e.error, {
          requestBytes: e.requestBytes,
          model: e.model,
          ledger: e.ledger,
        });
        return e.error.toResponse();
      }
    }
    // Budgets and limits (docs/budgets.md): checked and reserved before a byte goes upstream.
    // No promise to wait for when no limit applies (the common case): see holdBudget.
    const holding = holdBudget(req, target, caller, body, startedAt);
    const held = holding instanceof Promise ? await holding : holding;
    if (held instanceof Response) return held;
    try {
      return await forward(req, held.body, target, creds, caller, startedAt, {
        ...extras,
        budget: held.budget,
      });
    } catch (e) {
      // Thrown before the call was recorded: nothing went upstream. After, the hold is already settled (a no-op).
      if (held.budget) void release(held.budget.reservation).catch(() => {});
      throw e;
    }
  } catch (e) {
    // The client's upload is read to its end and dropped, so the error can reach it.
    if (source && !source.destroyed && !source.readableEnded) source.resume();
    return errorResponse(e);
  }
}

/**
 * A body in plain bytes, whatever its declared type (Responses reads only JSON, and a lenient
 * upstream might read a `prompt` in a body labelled otherwise): one the proxy can read. A compressed
 * body is forwarded as it is.
 */
function expandsPrompt(headers: Headers): boolean {
  const encoding = headers.get("content-encoding");
  return encoding === null || encoding.toLowerCase() === "identity";
}

/**
 * Whether the request carries a body, and its length when the client declared one. Only POST has a
 * body in the API; a GET or DELETE that claims one is refused rather than forwarded with a length
 * and no bytes (the request smuggling of F1).
 */
function bodyFraming(headers: Headers, method: Method): { hasBody: boolean; length: number | null } {
  const te = headers.get("transfer-encoding");
  const cl = headers.get("content-length");
  const length = cl !== null && /^\d{1,15}$/.test(cl) ? Number(cl) : null;
  if (cl !== null && length === null) {
    throw errors.badRequest(
      "Content-Length must be a single whole number.",
      "content-length",
      "invalid_header",
    );
  }
  const claims = te !== null || (length ?? 0) > 0;
  if (method !== "POST") {
    if (claims) {
      throw errors.badRequest(
        `${method} requests to the API carry no body. Send the parameters in the query string.`,
        null,
        "unexpected_body",
      );
    }
    return { hasBody: false, length: null };
  }
  // Without a declared length (a chunked upload, or a Request built in process) the body goes chunked.
  return { hasBody: true, length: te !== null ? null : length };
}

function credentialsFor(target: UpstreamPath, isAdmin: boolean): Credentials {
  const { openai } = getConfig();
  if (needsAdminKey(target)) {
    if (!isAdmin) {
      throw errors.forbidden(
        target.family === "organization"
          ? "Organization endpoints are for console admins only."
          : "Fine-tuning checkpoint permissions use the organization's admin key: they are for console admins only.",
        "admin_only",
      );
    }
    if (!openai.adminKey) {
      throw new ApiError({
        type: "config_error",
        code: "admin_key_missing",
        message: `${target.family === "organization" ? "Organization endpoints need" : "Fine-tuning checkpoint permissions need"} OPENAI_ADMIN_KEY, which this console does not have. The normal API key is never used for them.`,
      });
    }
    return { bearer: openai.adminKey, organization: openai.orgId };
  }
  if (!openai.apiKey) {
    throw new ApiError({
      type: "config_error",
      code: "api_key_missing",
      message:
        "No OpenAI API key is configured. An admin sets OPENAI_API_KEY in the server's environment and restarts; see Settings.",
    });
  }
  return { bearer: openai.apiKey, organization: openai.orgId, project: openai.projectId };
}
