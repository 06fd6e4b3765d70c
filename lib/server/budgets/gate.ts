import "server-only";
import { PassThrough, type Readable } from "node:stream";
import { ApiError } from "@/lib/errors";
import { costMicros } from "@/lib/pricing/cost";
import type { PriceQuote } from "@/lib/pricing/types";
import { quoteFor, quoteForSync } from "../pricing";
import type { ClientSignal } from "../proxy/client-signal";
import { type Caller, type OutgoingBody, recordRefusal } from "../proxy/forward";
import { isJson } from "../proxy/headers";
import { hasModelField, MultipartModelReader, multipartBoundary } from "../proxy/multipart-model";
import type { UpstreamPath } from "../proxy/paths";
import { type Prefix, readPrefix, takeArrived } from "../proxy/read-prefix";
import { TopLevelKeyScanner } from "../proxy/top-level-key";
import { refusedBody, refusedUnmetered } from "./errors";
import {
  type CallEstimate,
  catalogueQuote,
  estimateCall,
  FIXED_PATHS,
  TOKEN_PATHS,
  unmeteredPath,
} from "./estimate";
import type { BudgetHold } from "./hold";
import { type Plan, planFor, planForSync, reserve } from "./index";

/**
 * The proxy's budget hook, before a byte goes upstream: a caller without limits passes with one
 * lookup in memory and its body untouched. Under a spend, token or model limit the body of a billed
 * call is read whole (JSON up to BUDGET_BODY_MAX, else refused) to find the model and the worst
 * case, which is reserved in one database statement; a refusal is answered here and is the call's
 * one ledger entry.
 */
/** The largest billed JSON body read whole under a spend, token or model limit (docs/budgets.md). */
export const BUDGET_BODY_MAX = 8 * 1024 * 1024;

export type Held = { body: OutgoingBody | null; budget: BudgetHold | null };

/**
 * A plain value, no promise, when no limit applies and the settings are in memory (the common
 * case): an await per call costs more than the lookup under Next's async hooks.
 */
export function holdBudget(
  req: Pick<Request, "method" | "headers"> & { signal: ClientSignal },
  target: UpstreamPath,
  caller: Caller,
  body: OutgoingBody | null,
  startedAt: number,
): Held | Response | Promise<Held | Response> {
  const plan = planForSync(caller.userId, caller.tokenId);
  if (plan === null) return { body, budget: null };
  if (plan) return holdWith(plan, req, target, caller, body, startedAt);
  return planFor(caller.userId, caller.tokenId).then((p) =>
    p ? holdWith(p, req, target, caller, body, startedAt) : { body, budget: null },
  );
}

async function holdWith(
  plan: Plan,
  req: Pick<Request, "method" | "headers"> & { signal: ClientSignal },
  target: UpstreamPath,
  caller: Caller,
  body: OutgoingBody | null,
  startedAt: number,
): Promise<Held | Response> {
  const billed = req.method === "POST" && (TOKEN_PATHS.has(target.path) || FIXED_PATHS.has(target.path));
  let estimate: CallEstimate | null = null;
  let requestBytes = 0;
  try {
    if (req.method === "POST" && unmeteredPath(target.path) && plan.needsBody) {
      throw refusedUnmetered(target.path);
    }
    // Only a spend, token or model limit needs the body; rpm and expiry do not.
    if (billed && plan.needsBody) {
      let parsed: Record<string, unknown> | null = null;
      let bytes: number | null = body?.length ?? null;
      const encoding = req.headers.get("content-encoding");
      const plain = encoding === null || encoding.toLowerCase() === "identity";
      const tokens = TOKEN_PATHS.has(target.path);
      const boundary = hasModelField(target.path) ? multipartBoundary(req.headers.get("content-type")) : null;
      if (body && plain && isJson(req.headers.get("content-type"))) {
        // The whole body or a refusal: a model read from a prefix could be a nested one, or the
        // first of two (docs/budgets.md, "Estimates").
        const read = await readWhole(body, req.signal);
        requestBytes = read.size;
        if (!read.ended) throw refusedBody("too_large", BUDGET_BODY_MAX);
        const whole =
          read.chunks.length === 1 ? (read.chunks[0] as Buffer) : Buffer.concat(read.chunks, read.size);
        parsed = parseObject(whole);
        if (!parsed || (tokens && typeof parsed.model !== "string")) {
          throw refusedBody("unreadable", BUDGET_BODY_MAX);
        }
        if (mayNameModelTwice(whole)) {
          const models = new TopLevelKeyScanner("model", true);
          models.push(whole);
          if (models.count > 1) throw refusedBody("duplicate_model", BUDGET_BODY_MAX);
        }
        bytes = read.size;
        // The client's stream is spent; forward sends `whole`.
        body = { stream: body.stream, length: read.size, whole };
      } else if (tokens) {
        throw refusedBody("unreadable", BUDGET_BODY_MAX);
      } else if (body && plain && boundary) {
        // An image edit or a transcription: its `model` and `n` fields, when the form fits in
        // BUDGET_BODY_MAX; a larger one goes on unread (no model: refused under an allow-list).
        const read = await readPrefix(body.stream, BUDGET_BODY_MAX + 1, req.signal, { closed: clientClosed });
        requestBytes = read.size;
        if (read.ended) {
          const whole = Buffer.concat(read.chunks, read.size);
          parsed = formFields(boundary, whole);
          bytes = read.size;
          body = { stream: new PassThrough().end(whole), length: read.size, whole };
        } else {
          body = { stream: rejoin(read.chunks, body.stream), length: body.length };
        }
      }
      estimate = estimateCall(target.path, parsed, bytes);
    }
    let quote: PriceQuote | null = null;
    let cost = 0;
    if (estimate) {
      if (estimate.fixedMicros !== null) {
        cost = estimate.fixedMicros;
        // The price its reported usage settles at (gpt-image-*, the transcribe models).
        if (estimate.model) {
          const known = quoteForSync(estimate.model);
          quote = known === undefined ? await quoteFor(estimate.model) : known;
        }
      } else {
        const model = estimate.model ?? "unknown";
        const known = quoteForSync(model);
        quote = (known === undefined ? await quoteFor(model) : known) ?? catalogueQuote(model);
        cost =
          costMicros(quote, {
            input: estimate.inputTokens,
            output: estimate.outputTokens,
            audioOutput: estimate.audioOutput ? estimate.outputTokens : 0,
          }) + (estimate.extraMicros ?? 0);
      }
      if (!(cost <= Number.MAX_SAFE_INTEGER && estimate.tokens <= Number.MAX_SAFE_INTEGER)) {
        throw refusedBody("unbounded", BUDGET_BODY_MAX);
      }
    }
    const reservation = await reserve(
      {
        userId: caller.userId,
        tokenId: caller.tokenId,
        model: estimate?.model ?? null,
        path: `/v1/${target.path}`,
        costMicros: cost,
        tokens: estimate?.tokens ?? 0,
        billed,
      },
      plan,
    );
    if (!reservation) return { body, budget: null };
    return {
      body,
      budget: {
        reservation,
        quote,
        estimate: estimate ?? { model: null, tokens: 0, inputTokens: 0, outputTokens: 0, fixedMicros: null },
      },
    };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    // Nothing went upstream; the rest of the upload is read and dropped so the answer reaches the client.
    if (body && !body.stream.destroyed && !body.stream.readableEnded) body.stream.resume();
    recordRefusal(req, target, caller, startedAt, e, { requestBytes, model: estimate?.model ?? null });
    return e.toResponse();
  }
}

/**
 * A JSON body, read whole: at once when it has arrived (a microtask after the request event for a
 * body that came with its headers), else as it comes.
 */
async function readWhole(body: OutgoingBody, signal: ClientSignal): Promise<Prefix> {
  const limit = BUDGET_BODY_MAX + 1;
  const now = takeArrived(body.stream, body.length, limit);
  if (now) return now;
  await null;
  return (
    takeArrived(body.stream, body.length, limit) ??
    readPrefix(body.stream, limit, signal, { closed: clientClosed })
  );
}

const MODEL_KEY = Buffer.from('"model"');
const UNICODE_ESCAPE = Buffer.from("\\u");

/**
 * Whether a JSON body could hold two `model` keys: only if the literal `"model"` appears twice, or a
 * key could spell it with `\u` escapes (no other JSON escape makes a letter). Most bodies have
 * neither, and skip the scanner.
 */
function mayNameModelTwice(whole: Buffer): boolean {
  const first = whole.indexOf(MODEL_KEY);
  return (first !== -1 && whole.indexOf(MODEL_KEY, first + 1) !== -1) || whole.includes(UNICODE_ESCAPE);
}

function parseObject(bytes: Buffer): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(bytes.toString("utf8"));
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A whole multipart form's `model` and `n` (null when absent or named twice differently). */
function formFields(boundary: string, whole: Buffer): Record<string, unknown> {
  const read = (field: string) => {
    const r = new MultipartModelReader(boundary, field);
    r.push(whole);
    return r.finished ? r.model : null;
  };
  const n = Number(read("n"));
  return { model: read("model"), ...(Number.isInteger(n) && n > 0 ? { n } : {}) };
}

/** The bytes read so far, then the rest of the client's stream, as one stream with backpressure. */
function rejoin(prefix: Buffer[], source: Readable): Readable {
  const out = new PassThrough();
  for (const chunk of prefix) out.write(chunk);
  source.on("error", (e) => out.destroy(e));
  source.pipe(out);
  return out;
}

function clientClosed(): ApiError {
  return new ApiError({
    status: 499,
    type: "invalid_request_error",
    code: "client_closed_request",
    message: "The client closed the request before it was sent upstream.",
  });
}
