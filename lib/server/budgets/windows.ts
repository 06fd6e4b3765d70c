import type { LimitWindow } from "@/lib/budgets/types";

/** Fixed UTC windows: the minute, the day, the calendar month. */
export function windowOf(window: LimitWindow, now: Date): { start: Date; end: Date } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  if (window === "month") return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
  if (window === "day") return { start: new Date(Date.UTC(y, m, d)), end: new Date(Date.UTC(y, m, d + 1)) };
  const start = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return { start, end: new Date(start.getTime() + 60_000) };
}

/** Whether an allow-list entry covers a model: itself, or a family prefix (`gpt-4o` covers `gpt-4o-2024-08-06`, not `gpt-4omni`). */
export function modelAllowed(allowed: readonly string[] | null, model: string): boolean {
  if (allowed === null) return true;
  const id = model.toLowerCase();
  return allowed.some((raw) => {
    const key = raw.toLowerCase();
    if (!id.startsWith(key)) return false;
    const next = id.charAt(key.length);
    return next === "" || key.endsWith("-") || "-.:_@".includes(next);
  });
}
