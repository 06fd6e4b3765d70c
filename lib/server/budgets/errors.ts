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
    message: `The budget of this ${whose} expired at ${expiresAt.toISOString()}. Ask an admin to extend it in Settings → Budgets & limits.`,
    headers: { "x-should-retry": "false" },
  });
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
