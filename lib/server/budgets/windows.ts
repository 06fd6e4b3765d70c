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

const starts = new Map<LimitWindow, { from: number; until: number; iso: string }>();

/**
 * `windowOf(window, now).start.toISOString()`, kept until the window ends: the budget hook asks for
 * it per limit per call, and the Dates and the ISO string cost more than the rest of the check.
 */
export function windowStartIso(window: LimitWindow, now: Date): string {
  const t = now.getTime();
  const hit = starts.get(window);
  if (hit && t >= hit.from && t < hit.until) return hit.iso;
  const { start, end } = windowOf(window, now);
  const iso = start.toISOString();
  starts.set(window, { from: start.getTime(), until: end.getTime(), iso });
  return iso;
}

const SNAPSHOT = /^-\d{4}-\d{2}-\d{2}$/;

/**
 * Whether an allow-list covers a model: an entry allows its own id and that id's dated snapshots
 * (`gpt-4o` allows `gpt-4o-2024-08-06`), never a differently named model (`gpt-5` does not allow
 * `gpt-5-pro` or `gpt-5.5-pro`, which cost many times more). Case does not matter.
 */
export function modelAllowed(allowed: readonly string[] | null, model: string): boolean {
  if (allowed === null) return true;
  const id = model.toLowerCase();
  return allowed.some((raw) => {
    const key = raw.toLowerCase();
    return id === key || (id.startsWith(key) && SNAPSHOT.test(id.slice(key.length)));
  });
}

/** The entries every list allows (each list's limit applies): what a caller may call, as ids. */
export function allowedByAll(lists: readonly (readonly string[])[]): string[] | null {
  if (lists.length === 0) return null;
  const out = new Set<string>();
  for (const list of lists) {
    for (const m of list) if (lists.every((l) => modelAllowed(l, m))) out.add(m);
  }
  return [...out];
}
