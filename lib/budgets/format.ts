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

/** The most a column of amounts shows: a tenth of a cent's detail, beyond it the column is noise. */
const COLUMN_MAX_DECIMALS = 4;

/** How many decimals an amount needs, 2 to COLUMN_MAX_DECIMALS (trailing zeros dropped). */
function decimalsOf(micros: number): number {
  const text = (micros / 1_000_000).toFixed(COLUMN_MAX_DECIMALS).replace(/0+$/, "");
  return Math.max(2, text.length - text.indexOf(".") - 1);
}

/**
 * One precision for a column of amounts, so the digits line up: as many decimals as its most
 * precise amount needs (2 to 4), every row alike ($12.3400 above $0.0042, not $12.34). A non-zero
 * amount too small to show is "<$0.0001", not $0.0000.
 */
export function microsColumn(values: readonly number[]): (micros: number) => string {
  const d = values.reduce((m, v) => Math.max(m, decimalsOf(v)), 2);
  const fmt = new Intl.NumberFormat("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  const least = 10 ** (6 - d) / 2;
  return (micros) =>
    micros > 0 && micros < least ? `<$${(10 ** -d).toFixed(d)}` : `$${fmt.format(micros / 1_000_000)}`;
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
