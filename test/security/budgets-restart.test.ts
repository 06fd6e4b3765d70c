import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EMPTY_LIMITS } from "@/lib/budgets/types";
import { createUser } from "@/lib/server/auth/users";
import {
  flushBudgets,
  headroomFor,
  reapReservations,
  reserve,
  setLimits,
  settle,
} from "@/lib/server/budgets";
import { openDatabase, setDbForTests } from "@/lib/server/db";
import type { Db } from "@/lib/server/db/types";
import { useFreshDb } from "@/test/db";

/**
 * Counters survive a restart (the embedded database reopened from its directory, or a new pool on
 * PostgreSQL). On PostgreSQL, holds live in the database and the reaper lets go of those of calls a
 * dead process never settled. The embedded database admits one process, which keeps its counters in
 * memory and writes them within a quarter second and on shutdown (docs/budgets.md): opening it again
 * lets go of every stored hold at once, since no other process can have a call in flight.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bt-budgets-restart-"));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The first database, and how to open it again as a restarted process would. */
async function first(): Promise<{ db: Db; reopen: () => Promise<Db> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ dataDir: dir });
    setDbForTests(db);
    return { db, reopen: () => openDatabase({ dataDir: dir }) };
  }
  // biome-ignore lint/correctness/useHookAtTopLevel: a test helper, not a React hook.
  const fresh = await useFreshDb();
  cleanups.push(fresh.cleanup);
  const [row] = await fresh.db.query<{ name: string }>("select current_database() as name");
  const u = new URL(url);
  u.pathname = `/${row?.name}`;
  return { db: fresh.db, reopen: () => openDatabase({ databaseUrl: u.toString(), dataDir: "unused" }) };
}

describe("budgets across a restart", () => {
  it("counters and holds survive; the reaper releases a dead process's holds", async () => {
    const { db, reopen } = await first();
    const user = await createUser({
      email: "restart@example.com",
      password: "correct-horse-battery",
      role: "member",
    });
    await setLimits({ kind: "user", id: user.id }, { ...EMPTY_LIMITS, usdPerDayMicros: 10_000 }, null);
    const input = { userId: user.id, tokenId: null, model: "gpt-4.1", path: "/v1/responses", tokens: 10 };
    const settled = await reserve({ ...input, costMicros: 3_000 });
    if (!settled) throw new Error("expected a reservation");
    await settle(settled, { costMicros: 1_000, tokens: 5 });
    // A call still running when the process dies.
    expect(await reserve({ ...input, costMicros: 4_000 })).not.toBeNull();
    const embedded = !process.env.DATABASE_URL;
    if (embedded) {
      // What the process wrote before it died: its batch, written within a quarter second.
      await flushBudgets();
      await db.close();
    }

    const again = await reopen();
    if (embedded) cleanups.push(() => again.close());
    else cleanups.unshift(() => again.close());
    setDbForTests(again);
    const day = async () => (await headroomFor(user.id, null)).limits[0];
    if (embedded) {
      // The dead call's hold is let go when the database opens; its settled use stays.
      expect(await day()).toMatchObject({ used: 1_000, reserved: 0 });
      expect(await reserve({ ...input, costMicros: 6_000 })).not.toBeNull();
      await expect(reserve({ ...input, costMicros: 4_000 })).rejects.toMatchObject({
        code: "budget_exceeded",
      });
      expect(await reapReservations(3600)).toBe(0);
      return;
    }
    expect(await day()).toMatchObject({ used: 1_000, reserved: 4_000 });
    // The held 4,000 still counts: 6,000 more would pass the 10,000.
    await expect(reserve({ ...input, costMicros: 6_000 })).rejects.toMatchObject({ code: "budget_exceeded" });
    expect(await reapReservations(3600)).toBe(0);
    expect(await reapReservations(0)).toBe(1);
    expect(await day()).toMatchObject({ used: 1_000, reserved: 0 });
    expect(await reserve({ ...input, costMicros: 6_000 })).not.toBeNull();
  }, 90_000);
});
