import type { LimitCode, LimitUsage, LimitWindow } from "./types";

/**
 * Money for people, the one formatter of the Usage page and of budgets: cents from a dollar up;
 * under, up to 4 decimals from a cent, 6 below it (trailing zeros dropped, two kept), so 42
 * micro-dollars is "$0.000042", not "$0.00".
 */
export function formatMicros(micros: number): string {
  const usd = micros / 1_000_000;
  if (micros === 0) return "$0";
  if (usd >= 1)
    return `$${usd.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (usd < 0.000001) return "<$0.000001";
  return `$${usd.toFixed(usd >= 0.01 ? 4 : 6).replace(/(\.\d\d\d*?)0+$/, "$1")}`;
}

const WINDOW_WORD: Record<LimitWindow, string> = { minute: "minute", day: "day", month: "month" };

/** "Spend per day", "Requests per minute": the row title of a limit. */
export function limitTitle(l: Pick<LimitUsage, "code" | "window">): string {
  const per = WINDOW_WORD[l.window];
  if (l.code === "rpm_exceeded") return `Requests per ${per}`;
  if (l.code === "tpm_exceeded") return `Tokens per ${per}`;
  return `Spend per ${per}`;
}

/** A limit's amount in its unit: dollars for spend, counts otherwise. */
export function formatLimitAmount(code: LimitCode, n: number): string {
  return code === "budget_exceeded" ? formatMicros(n) : n.toLocaleString("en-US");
}

/** The share of a limit in use, settled plus reserved, 0–100 (clamped for a bar). */
export function usedPercent(l: Pick<LimitUsage, "used" | "reserved" | "limit">): number {
  if (l.limit <= 0) return 100;
  return Math.min(100, Math.max(0, ((l.used + l.reserved) / l.limit) * 100));
}
