import { LIMIT_CODES } from "@/lib/budgets/types";
import type { TooManyCause } from "@/lib/usage/report";

/**
 * Why a call was refused, from what the ledger kept of its answer. Benchtop's own refusals are
 * named by their code (some are 403s: a model not allowed, an expired budget); the upstream's by
 * `error.type`/`error.code` first and the status second, as the API notes advise (§1.5).
 */
const QUOTA_CODES = new Set([
  "insufficient_quota",
  "credit_balance_exhausted",
  "organization_spend_limit_exceeded",
  "project_spend_limit_exceeded",
  "organization_usage_limit_exceeded",
]);
const OVERLOAD_CODES = new Set(["overloaded", "slow_down", "engine_overloaded", "overloaded_error"]);
const OWN_CODES = new Set<string>(LIMIT_CODES);

export function classifyRejection(
  status: number,
  errorType: string | null,
  errorCode: string | null,
): TooManyCause | null {
  if (errorCode && OWN_CODES.has(errorCode)) return "benchtop_limit";
  if (status === 503 || status === 529) return "overloaded";
  if (status !== 429) return null;
  if ((errorCode && QUOTA_CODES.has(errorCode)) || errorType === "insufficient_quota") return "quota";
  if ((errorCode && OVERLOAD_CODES.has(errorCode)) || errorType === "overloaded_error") return "overloaded";
  return "rate_limit";
}

/** When a window resets: the time the values were seen plus the reset duration they carried. */
export function resetsAt(observedAt: Date, resetMs: number | null): string | null {
  return resetMs === null ? null : new Date(observedAt.getTime() + resetMs).toISOString();
}

/** Whole seconds left until `resetsAt` (0 once passed), for the countdowns. */
export function secondsLeft(resetsAtIso: string | null, now: number): number | null {
  if (!resetsAtIso) return null;
  const t = Date.parse(resetsAtIso);
  return Number.isNaN(t) ? null : Math.max(0, Math.ceil((t - now) / 1000));
}

/** `1h 02m`, `4m 05s`, `12s`; "reset" once the time has passed. */
export function formatCountdown(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds <= 0) return "reset";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

/** What to do about each cause, in one sentence (the page's hint beside each group). */
export const CAUSE_ADVICE: Record<TooManyCause, { title: string; advice: string }> = {
  rate_limit: {
    title: "Rate limit",
    advice:
      "The key's per-model requests or tokens per minute ran out. Slow down and retry after the retry-after time; the SDK does this for you.",
  },
  quota: {
    title: "Quota",
    advice:
      "The organization's credit or spend limit is used up. Retrying will not help: an admin must add credit or raise the limit in the OpenAI billing settings.",
  },
  overloaded: {
    title: "Overloaded",
    advice:
      "The upstream was overloaded (503 or slow_down). Retry with backoff; nothing is wrong with your call.",
  },
  benchtop_limit: {
    title: "Benchtop limit",
    advice:
      "One of this console's budgets or limits refused the call before it went upstream. See your headroom above, or ask an admin to raise it.",
  },
};

export const CAUSE_ORDER: TooManyCause[] = ["rate_limit", "quota", "overloaded", "benchtop_limit"];
