import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db/types";
import { useFreshDb } from "@/test/db";
import { type Counters, type Hold, localCounters } from "./counters";

/** The embedded database's counters: one process decides in memory and writes in batches. */
let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await useFreshDb());
});
afterAll(() => cleanup());

const day = new Date(
  Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()),
);
const hold = (scope: string, amount: number, lim: number, metric: Hold["metric"] = "day"): Hold => ({
  i: 0,
  scope,
  metric,
  start: day.toISOString(),
  lim,
  amount,
});

async function stored(scope: string): Promise<{ used: number; reserved: number } | null> {
  const [row] = await db.query<{ used: number; reserved: number }>(
    "select used, reserved from budget_counters where scope = $1",
    [scope],
  );
  return row ? { used: Number(row.used), reserved: Number(row.reserved) } : null;
}

async function reservations(): Promise<string[]> {
  return (await db.query<{ id: string }>("select id from budget_reservations order by id")).map((r) => r.id);
}

describe("local counters", () => {
  it("admit no more than the limit when 50 reservations race a counter nobody loaded yet", async () => {
    const c = localCounters(db);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => c.reserve(`race-${i}`, [hold("user:race", 100, 1_000)])),
    );
    expect(results.filter((r) => r === null)).toHaveLength(10);
    expect(results.find((r) => r !== null)).toEqual({ i: 0, used: 0, reserved: 1_000 });
    await c.flush();
    expect(await stored("user:race")).toEqual({ used: 0, reserved: 1_000 });
    expect(await reservations()).toHaveLength(10);
    await c.clear();
  });

  it("write a call settled before the batch as its use alone, with no stored hold", async () => {
    const c = localCounters(db);
    const h = [hold("user:quick", 500, 10_000)];
    expect(await c.reserve("quick", h)).toBeNull();
    expect(await c.settle("quick", h, 7, 120)).toEqual([{ i: 0, used: 120, added: 120 }]);
    await c.flush();
    expect(await stored("user:quick")).toEqual({ used: 120, reserved: 0 });
    expect(await reservations()).toEqual([]);
    await c.clear();
  });

  it("store a hold still open at a batch, and delete it when the call settles", async () => {
    const c = localCounters(db);
    const h = [hold("user:slow", 500, 10_000), hold("user:slow", 1, 100, "rpm")];
    h[1] = {
      ...(h[1] as Hold),
      i: 1,
      start: new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString(),
    };
    expect(await c.reserve("slow", h)).toBeNull();
    await c.flush();
    expect(await reservations()).toEqual(["slow"]);
    await c.settle("slow", h, 0, 300);
    await c.flush();
    expect(await reservations()).toEqual([]);
    const rows = await db.query<{ metric: string; used: number; reserved: number }>(
      "select metric, used, reserved from budget_counters where scope = 'user:slow' order by metric",
    );
    expect(rows.map((r) => [r.metric, Number(r.used), Number(r.reserved)])).toEqual([
      ["day", 300, 0],
      ["rpm", 1, 0],
    ]);
    await c.clear();
  });

  it("continue from the stored use when the database opens again, and let go of stored holds", async () => {
    const first: Counters = localCounters(db);
    const h = [hold("user:again", 400, 1_000)];
    expect(await first.reserve("done", h)).toBeNull();
    await first.settle("done", h, 0, 400);
    expect(await first.reserve("dies", h)).toBeNull();
    await first.flush();
    expect(await stored("user:again")).toEqual({ used: 400, reserved: 400 });

    const second = localCounters(db);
    expect(await second.read(h)).toMatchObject([{ used: 400, reserved: 0 }]);
    expect(await reservations()).toEqual([]);
    expect(await second.reserve("next", h)).toBeNull();
    expect(await second.reserve("over", h)).toEqual({ i: 0, used: 400, reserved: 400 });
    await second.clear();
  });

  it("reap a hold older than its age in memory and in the table", async () => {
    const c = localCounters(db);
    const h = [hold("user:old", 250, 1_000)];
    expect(await c.reserve("old", h)).toBeNull();
    await c.flush();
    expect(await c.reap(3600)).toBe(0);
    expect(await c.reap(0)).toBe(1);
    expect(await reservations()).toEqual([]);
    expect(await stored("user:old")).toEqual({ used: 0, reserved: 0 });
    // Settling after the reaper adds the use only.
    expect(await c.settle("old", h, 0, 90)).toEqual([{ i: 0, used: 90, added: 90 }]);
    await c.clear();
  });
});
