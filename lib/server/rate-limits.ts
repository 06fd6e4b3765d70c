import "server-only";
import { getDb } from "./db";
import { stripControl } from "./text";
import { answerAsk, askMain, isWebThread } from "./threads";

/**
 * The latest `x-ratelimit-*` values the upstream sent, per model and kind (`requests`, `tokens`,
 * `images`, and whatever else it names, e.g. `tokens_usage_based`). Like the ledger, the proxy only
 * queues them (the newest per model and kind wins in memory) and a timer writes them in one batch
 * off the request path; a failing database never delays a call. The Limits page reads them with
 * latestRateLimits().
 */
export interface RateLimitSnapshot {
  model: string;
  kind: string;
  limit: number | null;
  remaining: number | null;
  /** `reset` in milliseconds, when it parses as a Go duration. */
  resetMs: number | null;
  /** As sent, e.g. `6m0s` or `12ms`. */
  reset: string | null;
  observedAt: Date;
}

export type RateLimitValues = Omit<RateLimitSnapshot, "model" | "observedAt">;

const HEADER = /^x-ratelimit-(limit|remaining|reset)-([a-z0-9_]{1,40})$/;
const UNITS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 1e-3,
  µs: 1e-3,
  ns: 1e-6,
};

/** Go's duration syntax as the API sends it: `12ms`, `1s`, `6m0s`, `1h2m3.5s`; null otherwise. */
export function parseGoDuration(value: string): number | null {
  const s = value.trim();
  if (!/^(\d+(\.\d+)?(h|ms|m|s|us|µs|ns))+$/.test(s)) return null;
  let ms = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g))
    ms += Number(m[1]) * (UNITS[m[2] ?? ""] ?? 0);
  // The column is a bigint: a value past a year is no reset time anyone waits for.
  return ms <= MAX_RESET_MS ? Math.round(ms) : null;
}

const MAX_RESET_MS = 366 * 24 * 3_600_000;

const count = (v: string | undefined): number | null =>
  v !== undefined && /^\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : null;

/** The rate-limit values in a response's headers, one entry per kind named. */
export function rateLimitsFromHeaders(headers: Iterable<[string, string]>): RateLimitValues[] {
  const byKind = new Map<string, { limit?: string; remaining?: string; reset?: string }>();
  for (const [name, value] of headers) {
    const m = HEADER.exec(name.toLowerCase());
    if (!m) continue;
    const [, what, kind] = m as unknown as [string, "limit" | "remaining" | "reset", string];
    const entry = byKind.get(kind) ?? {};
    entry[what] = value;
    byKind.set(kind, entry);
  }
  return [...byKind].map(([kind, v]) => ({
    kind,
    limit: count(v.limit),
    remaining: count(v.remaining),
    reset: v.reset?.trim().slice(0, 40) ?? null,
    resetMs: v.reset === undefined ? null : parseGoDuration(v.reset),
  }));
}

const FLUSH_MS = 250;
const CAP = 5000;
/**
 * Rows kept, the most recently observed: model names come from requests, so made-up ones (answered
 * with an error that still carries x-ratelimit-*) must not grow the table without end.
 */
export const MAX_ROWS = 500;

const g = globalThis as unknown as {
  __benchtopRateLimits?: {
    pending: Map<string, RateLimitSnapshot>;
    timer: NodeJS.Timeout | null;
    flushing: Promise<void> | null;
  };
};
g.__benchtopRateLimits ??= { pending: new Map(), timer: null, flushing: null };
const store = g.__benchtopRateLimits;

/** Queues what a response said about its model's limits; written within FLUSH_MS. */
export function recordRateLimits(
  model: string | null,
  headers: Iterable<[string, string]>,
  at = new Date(),
): void {
  // Keyed by the name as stored: two names alike in what is kept would be one row twice in a batch.
  const name = stripControl(model ?? "").slice(0, 200);
  if (!name) return;
  for (const v of rateLimitsFromHeaders(headers)) {
    const key = `${name}\u0000${v.kind}`;
    if (!store.pending.has(key) && store.pending.size >= CAP) return;
    store.pending.set(key, { model: name, observedAt: at, ...v, reset: v.reset && stripControl(v.reset) });
  }
  if (store.pending.size) store.timer ??= setTimeout(() => void flushHere(), FLUSH_MS);
}

/** Writes what is queued, in both threads of the production server (the proxy's queue is the main thread's). */
export async function flushRateLimits(): Promise<void> {
  if (isWebThread()) await Promise.all([flushHere(), askMain("flush-rate-limits")]);
  else await flushHere();
}

answerAsk("flush-rate-limits", flushHere);

async function flushHere(): Promise<void> {
  if (store.timer) clearTimeout(store.timer);
  store.timer = null;
  if (store.flushing) await store.flushing;
  if (!store.pending.size) return;
  const batch = [...store.pending.values()];
  store.pending.clear();
  const run = async () => {
    const params: unknown[] = [];
    const values = batch.map((r) => {
      const start = params.length;
      params.push(r.model, r.kind, r.limit, r.remaining, r.resetMs, r.reset, r.observedAt);
      return `(${Array.from({ length: 7 }, (_, i) => `$${start + i + 1}`).join(", ")})`;
    });
    try {
      const db = await getDb();
      // An older observation never replaces a newer one (two instances, or a late flush).
      await db.query(
        `insert into rate_limits (model, kind, limit_value, remaining, reset_ms, reset, observed_at)
         values ${values.join(", ")}
         on conflict (model, kind) do update set
           limit_value = excluded.limit_value, remaining = excluded.remaining, reset_ms = excluded.reset_ms,
           reset = excluded.reset, observed_at = excluded.observed_at
         where rate_limits.observed_at <= excluded.observed_at`,
        params,
      );
      await db.query(
        `delete from rate_limits where (model, kind) not in
           (select model, kind from rate_limits order by observed_at desc, model, kind limit ${MAX_ROWS})`,
      );
    } catch (e) {
      console.error(`[rate-limits] could not write ${batch.length} rows: ${(e as Error).message}`);
    }
  };
  store.flushing = run().finally(() => {
    store.flushing = null;
  });
  await store.flushing;
}

interface Row {
  model: string;
  kind: string;
  limit_value: string | number | null;
  remaining: string | number | null;
  reset_ms: string | number | null;
  reset: string | null;
  observed_at: Date | string;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** The latest values per model and kind, newest first; `model` narrows to one model. */
export async function latestRateLimits(opts: { model?: string } = {}): Promise<RateLimitSnapshot[]> {
  await flushRateLimits();
  const db = await getDb();
  const rows = await db.query<Row>(
    `select model, kind, limit_value, remaining, reset_ms, reset, observed_at from rate_limits
     ${opts.model ? "where model = $1" : ""} order by observed_at desc, model, kind`,
    opts.model ? [opts.model] : [],
  );
  return rows.map((r) => ({
    model: r.model,
    kind: r.kind,
    limit: num(r.limit_value),
    remaining: num(r.remaining),
    resetMs: num(r.reset_ms),
    reset: r.reset,
    observedAt: new Date(r.observed_at),
  }));
}
