import type { LimitCode, LimitWindow } from "@/lib/budgets/types";
import { ApiError, type ApiErrorBody } from "@/lib/errors";

/** The numbers behind a refusal, sent inside `error` next to OpenAI's four fields (docs/budgets.md). */
export interface LimitDetails {
  limit: number;
  used: number;
  reserved: number;
  /** What this call would have added: 1 request, its token estimate, or its worst-case micro-dollars. */
  requested: number;
  window: LimitWindow;
  resets_at: string;
  /** "requests", "tokens" or "usd_micros". */
  unit: "requests" | "tokens" | "usd_micros";
  scope: "user" | "token";
}

/**
 * A 429 from the console's own limits. `type` is `rate_limit_error` (the console's 429 type): the
 * SDKs map any 429 to RateLimitError, and OpenAI's own `requests`/`tokens`/`insufficient_quota`
 * types would claim the upstream said it. `code` tells which limit.
 */
export class LimitError extends ApiError {
  constructor(
    code: LimitCode,
    message: string,
    readonly details: LimitDetails,
    retryAfterSeconds: number,
  ) {
    // A spend budget resets in hours: the SDKs' quick retries cannot help, so they are told not to.
    const spend = details.unit === "usd_micros";
    super({
      type: "rate_limit_error",
      status: 429,
      code,
      message,
      headers: {
        "retry-after": String(retryAfterSeconds),
        "x-should-retry": spend ? "false" : "true",
        "x-benchtop-limit": code,
        "x-benchtop-limit-limit": String(details.limit),
        "x-benchtop-limit-used": String(details.used),
        "x-benchtop-limit-reset": details.resets_at,
      },
    });
  }

  override toJSON(): ApiErrorBody {
    const base = super.toJSON();
    return { error: { ...base.error, ...this.details } };
  }
}

export function refusedModel(model: string | null, allowed: string[]): ApiError {
  return new ApiError({
    type: "permission_error",
    status: 403,
    code: "model_not_allowed",
    param: "model",
    message:
      model === null
        ? `Your limits allow only these models: ${allowed.join(", ") || "none"}, and the console could not read this request's model before sending it. Send the model in a JSON body, or ask an admin to lift the model list in Settings → Budgets & limits.`
        : `The model ${model} is not allowed for you. Allowed: ${allowed.join(", ") || "none"}. Ask an admin to change the list in Settings → Budgets & limits.`,
    headers: { "x-should-retry": "false" },
  });
}

export function refusedExpired(expiresAt: Date, whose: "token" | "account"): ApiError {
  return new ApiError({
    type: "permission_error",
    status: 403,
    code: "budget_expired",
    message: `The budget of this ${whose} expired at ${utcText(expiresAt)}. Ask an admin to extend it in Settings → Budgets & limits.`,
    headers: { "x-should-retry": "false" },
  });
}

/** `2026-12-04 00:00 UTC`: a window's end or an expiry, in a message a person reads. */
export function utcText(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** `$4.98`, or `$0.0042` below a cent. */
export function usd(micros: number): string {
  const v = micros / 1_000_000;
  return `$${v !== 0 && Math.abs(v) < 0.01 ? v.toFixed(4) : v.toFixed(2)}`;
}

/** `12 s`, `4 min`, `5 h 12 min`. */
export function inTime(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  const min = Math.ceil(seconds / 60);
  if (min < 90) return `${min} min`;
  const h = Math.floor(min / 60);
  return `${h} h ${min % 60} min`;
}

/**
 * A billed call whose body the console cannot read whole while a spend, token or model limit
 * applies: its model and worst case would be guesses, so it is refused before the upstream.
 */
export function refusedBody(
  why: "too_large" | "unreadable" | "duplicate_model" | "unbounded",
  maxBytes: number,
): ApiError {
  const fix = "or ask an admin to lift the limit in Settings → Budgets & limits.";
  const init = {
    too_large: {
      status: 413,
      code: "budget_body_too_large",
      param: null,
      message: `Your spend, token or model limits make the console read each billed request whole to check its model and worst-case cost, and this body is over ${maxBytes / 1024 / 1024} MB. Send large inputs with the Files API (by file_id), ${fix}`,
    },
    unreadable: {
      status: 400,
      code: "budget_body_unreadable",
      param: null,
      message: `Your spend, token or model limits make the console read each billed request's model and output cap before sending it, and this body is not an uncompressed JSON object naming a model. Send it as uncompressed JSON (content-type application/json), ${fix}`,
    },
    duplicate_model: {
      status: 400,
      code: "duplicate_model",
      param: "model",
      message: "The request body names `model` more than once at its top level. Send it once.",
    },
    unbounded: {
      status: 400,
      code: "budget_estimate_unbounded",
      param: null,
      message: `This call's worst case (its input plus the maximum output it asks for) is too large to hold against your limits. Lower max_output_tokens / max_tokens / n, ${fix}`,
    },
  }[why];
  return new ApiError({ type: "invalid_request_error", ...init, headers: { "x-should-retry": "false" } });
}

/** A batch, fine-tuning job or grader run under a spend, token or model limit: its cost and models are known only later. */
export function refusedUnmetered(path: string): ApiError {
  const what = path.startsWith("batches")
    ? "A batch"
    : path.includes("graders")
      ? "A grader run"
      : "A fine-tuning job";
  return new ApiError({
    type: "permission_error",
    status: 403,
    code: "budget_unmetered",
    param: null,
    message: `${what} is billed by OpenAI later, by an amount the request does not bound, with models its request does not name, so the console cannot hold it against your spend, token or model limits and does not start it. Ask an admin to run it, or to lift those limits for you in Settings → Budgets & limits.`,
    headers: { "x-should-retry": "false" },
  });
}
