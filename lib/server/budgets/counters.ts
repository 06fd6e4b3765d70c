import "server-only";
import type { LimitWindow } from "@/lib/budgets/types";
import type { Db } from "../db";
import { askMain } from "../threads";
import { windowOf } from "./windows";

/**
 * Where a reservation is checked and held (docs/budgets.md, "Counters"). On PostgreSQL every
 * reservation is one atomic statement (budget_reserve, migration 0013), so instances sharing the
 * database admit together. The embedded database admits one process only (its lock file), so there
 * the process's own memory is the one authority: a check and its hold happen in one synchronous
 * step, and the changes reach the database in a batch within FLUSH_MS (and on shutdown), as the
 * ledger's entries do. A PGlite statement runs on the main thread for about a millisecond; per call,
 * it was most of what budgets added to the hot path (docs/performance.md).
 */
export type Metric = "rpm" | "tpm" | "day" | "month";

export interface Hold {
  /** The limit's index in the caller's plan. */
  i: number;
  scope: string;
  metric: Metric;
  /** The window's start, ISO. */
  start: string;
  lim: number;
  amount: number;
}

/** The first hold (in lock order) that would pass its limit, and its counter then. */
export interface Refusal {
  i: number;
  used: number;
  reserved: number;
}

/** A counter's use after a settlement, and what the settlement added (soft-threshold notices). */
export interface Settled {
  i: number;
  used: number | null;
  added: number;
}

export interface CounterRow {
  scope: string;
  metric: Metric;
  start: string;
  used: number;
  reserved: number;
}

export interface Counters {
  readonly db: Db;
  reserve(id: string, holds: Hold[]): Promise<Refusal | null>;
  /** `reserve` in one synchronous step when every counter is in memory; undefined when one is not. */
  tryReserve?(id: string, holds: Hold[]): Refusal | null | undefined;
  settle(id: string, holds: Hold[], tokens: number, micros: number): Promise<Settled[]>;
  /** Lets go of holds older than `maxAgeSeconds`; how many. */
  reap(maxAgeSeconds: number): Promise<number>;
  read(keys: Pick<Hold, "scope" | "metric" | "start">[]): Promise<CounterRow[]>;
  flush(): Promise<void>;
  /** Forgets every counter and hold, in memory and in the database (tests). */
  clear(): Promise<void>;
}

const FLUSH_MS = 250;

const array = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

const byLockOrder = (a: Hold, b: Hold) =>
  a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0;

/** PostgreSQL: the database decides, in one statement per reservation and settlement. */
export function databaseCounters(db: Db): Counters {
  const cols = (holds: Hold[]) => [
    holds.map((h) => h.i),
    holds.map((h) => h.scope),
    holds.map((h) => h.metric),
    holds.map((h) => h.start),
  ];
  return {
    db,
    async reserve(id, holds) {
      const [row] = await db.query<{ r: Refusal | string | null }>(
        "select budget_reserve($1, $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::bigint[], $7::bigint[]) as r",
        [id, ...cols(holds), holds.map((h) => h.lim), holds.map((h) => h.amount)],
      );
      const r = array<Refusal | null>(row?.r ?? null);
      return r ? { i: r.i, used: Number(r.used), reserved: Number(r.reserved) } : null;
    },
    async settle(id, holds, tokens, micros) {
      const [row] = await db.query<{ r: Settled[] | string }>(
        "select budget_settle($1, $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::bigint[], $7, $8) as r",
        [id, ...cols(holds), holds.map((h) => h.amount), tokens, micros],
      );
      return (array<Settled[] | null>(row?.r ?? null) ?? []).map((a) => ({
        i: a.i,
        used: a.used === null ? null : Number(a.used),
        added: Number(a.added),
      }));
    },
    async reap(maxAgeSeconds) {
      const [row] = await db.query<{ n: number }>("select budget_reap($1) as n", [maxAgeSeconds]);
      return Number(row?.n ?? 0);
    },
    read: (keys) => readRows(db, keys),
    async flush() {},
    async clear() {
      await db.query("delete from budget_reservations");
      await db.query("delete from budget_counters");
    },
  };
}

async function readRows(db: Db, keys: Pick<Hold, "scope" | "metric" | "start">[]): Promise<CounterRow[]> {
  if (keys.length === 0) return [];
  const rows = await db.query<{
    scope: string;
    metric: Metric;
    window_start: Date | string;
    used: number;
    reserved: number;
  }>(
    `select c.scope, c.metric, c.window_start, c.used, c.reserved from budget_counters c
     join unnest($1::text[], $2::text[], $3::timestamptz[]) as k(scope, metric, start)
       on c.scope = k.scope and c.metric = k.metric and c.window_start = k.start`,
    [keys.map((k) => k.scope), keys.map((k) => k.metric), keys.map((k) => k.start)],
  );
  return rows.map((r) => ({
    scope: r.scope,
    metric: r.metric,
    start: new Date(r.window_start).toISOString(),
    used: Number(r.used),
    reserved: Number(r.reserved),
  }));
}

interface Cell {
  used: number;
  reserved: number;
  /** Not yet written to the database. */
  dUsed: number;
  dReserved: number;
  window: LimitWindow;
}

interface Open {
  holds: Hold[];
  at: number;
  /** Its row is in budget_reservations (so a settlement deletes it). */
  stored: boolean;
}

const WINDOW: Record<Metric, LimitWindow> = { rpm: "minute", tpm: "minute", day: "day", month: "month" };
const keyOf = (h: Pick<Hold, "scope" | "metric" | "start">) => `${h.scope}\u0000${h.metric}\u0000${h.start}`;

/**
 * The embedded database: counters in this process's memory, loaded from the database on first use
 * and written back in batches. Opening the database releases every stored hold first: no other
 * process can have a call in flight (PGlite's lock), so they belong to a process that died.
 */
export function localCounters(db: Db): Counters {
  const cells = new Map<string, Cell>();
  const loading = new Map<string, Promise<void>>();
  const open = new Map<string, Open>();
  let unstore: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  const ready = db.query("select budget_reap(0)").then(() => {});

  const missing = (holds: Pick<Hold, "scope" | "metric" | "start">[]) =>
    holds.some((h) => !cells.has(keyOf(h)));

  async function ensure(holds: Pick<Hold, "scope" | "metric" | "start">[]): Promise<void> {
    await ready;
    const waits: Promise<void>[] = [];
    const fetch: Pick<Hold, "scope" | "metric" | "start">[] = [];
    for (const h of holds) {
      const k = keyOf(h);
      if (cells.has(k)) continue;
      const pending = loading.get(k);
      if (pending) waits.push(pending);
      else if (!fetch.some((f) => keyOf(f) === k)) fetch.push(h);
    }
    if (fetch.length) {
      const load = readRows(db, fetch).then((rows) => {
        for (const f of fetch) {
          const k = keyOf(f);
          loading.delete(k);
          if (cells.has(k)) continue;
          const row = rows.find((r) => keyOf(r) === k);
          cells.set(k, {
            used: row?.used ?? 0,
            reserved: row?.reserved ?? 0,
            dUsed: 0,
            dReserved: 0,
            window: WINDOW[f.metric],
          });
        }
      });
      const settled = load.catch((e: unknown) => {
        for (const f of fetch) loading.delete(keyOf(f));
        throw e;
      });
      for (const f of fetch) loading.set(keyOf(f), settled);
      waits.push(settled);
    }
    await Promise.all(waits);
  }

  const cell = (h: Pick<Hold, "scope" | "metric" | "start">) => cells.get(keyOf(h)) as Cell;

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      flush().catch((e: unknown) =>
        console.error(`[budgets] could not write counters: ${(e as Error).message}`),
      );
    }, FLUSH_MS);
    timer.unref();
  }

  /** The hold is let go: its amounts leave `reserved`; a settled one adds its use. */
  function close(id: string, holds: Hold[], use: ((h: Hold) => number) | null): Settled[] {
    const held = open.get(id);
    if (held) {
      open.delete(id);
      if (held.stored) unstore.push(id);
    }
    const out: Settled[] = [];
    for (const h of holds) {
      if (h.metric === "rpm") continue;
      const c = cell(h);
      if (held) {
        const before = c.reserved;
        c.reserved = Math.max(before - h.amount, 0);
        c.dReserved += c.reserved - before;
      }
      const added = use ? use(h) : 0;
      c.used += added;
      c.dUsed += added;
      out.push({ i: h.i, used: c.used, added });
    }
    schedule();
    return out;
  }

  async function write(): Promise<void> {
    const dirty = [...cells].filter(([, c]) => c.dUsed !== 0 || c.dReserved !== 0);
    const store = [...open].filter(([, o]) => !o.stored);
    const drop = unstore;
    if (dirty.length === 0 && store.length === 0 && drop.length === 0) return;
    const deltas = dirty.map(([k, c]) => {
      const d = { k, used: c.dUsed, reserved: c.dReserved };
      c.dUsed = 0;
      c.dReserved = 0;
      return d;
    });
    for (const [, o] of store) o.stored = true;
    unstore = [];
    try {
      await db.transaction(async (tx) => {
        if (deltas.length) {
          const parts = deltas.map((d) => d.k.split("\u0000"));
          await tx.query(
            `insert into budget_counters (scope, metric, window_start, used, reserved)
             select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::bigint[], $5::bigint[])
             on conflict (scope, metric, window_start) do update set
               used = budget_counters.used + excluded.used,
               reserved = greatest(budget_counters.reserved + excluded.reserved, 0)`,
            [
              parts.map((p) => p[0]),
              parts.map((p) => p[1]),
              parts.map((p) => p[2]),
              deltas.map((d) => d.used),
              deltas.map((d) => d.reserved),
            ],
          );
        }
        if (store.length) {
          await tx.query(
            `insert into budget_reservations (id, scopes, metrics, starts, amounts, created_at)
             select r->>'id',
               array(select jsonb_array_elements_text(r->'scopes')),
               array(select jsonb_array_elements_text(r->'metrics')),
               array(select jsonb_array_elements_text(r->'starts')::timestamptz),
               array(select jsonb_array_elements_text(r->'amounts')::bigint),
               to_timestamp((r->>'at')::double precision / 1000)
             from jsonb_array_elements($1::jsonb) r
             on conflict (id) do nothing`,
            [
              JSON.stringify(
                store.map(([id, o]) => ({
                  id,
                  scopes: o.holds.map((h) => h.scope),
                  metrics: o.holds.map((h) => h.metric),
                  starts: o.holds.map((h) => h.start),
                  amounts: o.holds.map((h) => h.amount),
                  at: o.at,
                })),
              ),
            ],
          );
        }
        if (drop.length) await tx.query("delete from budget_reservations where id = any($1::text[])", [drop]);
      });
    } catch (e) {
      // Nothing was written: the batch goes back, to be written with the next one.
      for (const d of deltas) {
        const c = cells.get(d.k);
        if (c) {
          c.dUsed += d.used;
          c.dReserved += d.reserved;
        }
      }
      for (const [id, o] of store) {
        o.stored = false;
        const at = unstore.indexOf(id);
        // Settled since: it never reached the table, so there is nothing to delete.
        if (at !== -1) unstore.splice(at, 1);
      }
      unstore.push(...drop);
      schedule();
      throw e;
    }
    evict();
  }

  /** Counters of past windows that nothing holds and nothing waits to write: forgotten. */
  function evict(): void {
    const now = new Date();
    const held = new Set<string>();
    for (const o of open.values()) for (const h of o.holds) held.add(keyOf(h));
    for (const [k, c] of cells) {
      if (c.dUsed || c.dReserved || held.has(k)) continue;
      const start = new Date(k.slice(k.lastIndexOf("\u0000") + 1));
      if (windowOf(c.window, start).end <= now) cells.delete(k);
    }
  }

  /** One write at a time, in order; a flush asked for during a write runs after it. */
  function flush(): Promise<void> {
    const next = (flushing ?? Promise.resolve()).catch(() => {}).then(write);
    flushing = next;
    void next
      .finally(() => {
        if (flushing === next) flushing = null;
      })
      .catch(() => {});
    return next;
  }

  /** The check and the hold in one synchronous step: nothing awaits between them in this process. */
  function hold(id: string, holds: Hold[]): Refusal | null {
    for (const h of [...holds].sort(byLockOrder)) {
      const c = cell(h);
      if (c.used + c.reserved + Math.max(h.amount, 1) > h.lim) {
        return { i: h.i, used: c.used, reserved: c.reserved };
      }
    }
    for (const h of holds) {
      const c = cell(h);
      if (h.metric === "rpm") {
        c.used += h.amount;
        c.dUsed += h.amount;
      } else {
        c.reserved += h.amount;
        c.dReserved += h.amount;
      }
    }
    open.set(id, { holds, at: Date.now(), stored: false });
    schedule();
    return null;
  }

  return {
    db,
    async reserve(id, holds) {
      if (missing(holds)) await ensure(holds);
      return hold(id, holds);
    },
    tryReserve: (id, holds) => (missing(holds) ? undefined : hold(id, holds)),
    async settle(id, holds, tokens, micros) {
      if (missing(holds)) await ensure(holds);
      return close(id, holds, (h) => (h.metric === "tpm" ? tokens : micros));
    },
    async reap(maxAgeSeconds) {
      await ready;
      const before = Date.now() - maxAgeSeconds * 1000;
      const old = [...open].filter(([, o]) => o.at <= before);
      for (const [id, o] of old) {
        if (missing(o.holds)) await ensure(o.holds);
        close(id, o.holds, null);
      }
      await flush();
      // Past windows' counters, as on PostgreSQL; no stored hold is older than its age but ours.
      await db.query("select budget_reap($1)", [maxAgeSeconds]);
      return old.length;
    },
    async read(keys) {
      if (missing(keys)) await ensure(keys);
      return keys.map((k) => {
        const c = cell(k);
        return { scope: k.scope, metric: k.metric, start: k.start, used: c.used, reserved: c.reserved };
      });
    },
    flush,
    async clear() {
      await flush();
      cells.clear();
      open.clear();
      unstore = [];
      await db.query("delete from budget_reservations");
      await db.query("delete from budget_counters");
    },
  };
}

/**
 * The embedded database's counters as Next's thread of the production server sees them: they live
 * in the main thread's memory (localCounters, where the proxy reserves), so this thread reads them
 * there (threads.ts). It never reserves: the proxy runs on the main thread.
 */
export function remoteCounters(db: Db): Counters {
  const elsewhere = () => Promise.reject(new Error("budget holds are taken on the main thread"));
  return {
    db,
    reserve: elsewhere,
    settle: elsewhere,
    // The main thread reaps its own holds.
    reap: async () => 0,
    read: (keys) => askMain<CounterRow[]>("read-counters", keys),
    flush: () => askMain<void>("flush-counters"),
    clear: () => askMain<void>("clear-counters"),
  };
}
