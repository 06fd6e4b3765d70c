import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDb } from "@/test/db";
import { createUser } from "../auth/users";
import { usageCommands } from "./usage-commands";

let cleanup: () => Promise<void>;
let db: Awaited<ReturnType<typeof useFreshDb>>["db"];
beforeAll(async () => {
  ({ db, cleanup } = await useFreshDb());
  await createUser({ email: "a@example.com", password: "correct horse 1", role: "member" });
  await createUser({ email: "b@example.com", password: "correct horse 1", role: "member" });
});
afterAll(() => cleanup());

describe("usage ops commands", () => {
  it("ledger:seed exists only with BENCHTOP_ALLOW_LEDGER_SEED=1", () => {
    expect(usageCommands({})["ledger:seed"]).toBeUndefined();
    expect(usageCommands({ BENCHTOP_ALLOW_LEDGER_SEED: "1" })["ledger:seed"]).toBeDefined();
    expect(usageCommands({}).usage).toBeDefined();
  });

  it("seeds 5,000 rows in a few seconds, with rollups that match the ledger", async () => {
    const seed = usageCommands({ BENCHTOP_ALLOW_LEDGER_SEED: "1" })["ledger:seed"];
    const t = performance.now();
    await seed?.run({ rows: "5000", days: "30", emails: "a@example.com,b@example.com" });
    expect(performance.now() - t).toBeLessThan(10_000);
    const [ledger] = await db.query<Record<string, string>>(
      `select count(*) as n, count(*) filter (where status >= 400) as errors,
              count(*) filter (where cost_estimated) as estimated, sum(cost_micros) as cost,
              count(distinct model) as models, count(distinct user_id) as users from ledger`,
    );
    expect(Number(ledger?.n)).toBe(5000);
    expect(Number(ledger?.errors)).toBeGreaterThan(0);
    expect(Number(ledger?.estimated)).toBeGreaterThan(0);
    expect(Number(ledger?.models)).toBeGreaterThanOrEqual(5);
    expect(Number(ledger?.users)).toBe(2);
    const [rollup] = await db.query<Record<string, string>>(
      "select sum(requests) as n, sum(errors) as errors, sum(estimated) as estimated, sum(cost_micros) as cost from usage_rollup where grain = 'd' and dim = 'model'",
    );
    expect([rollup?.n, rollup?.errors, rollup?.estimated, rollup?.cost].map(Number)).toEqual(
      [ledger?.n, ledger?.errors, ledger?.estimated, ledger?.cost].map(Number),
    );
  });

  it("usage --since reports the seeded calls, for everyone or one user", async () => {
    const usage = usageCommands({}).usage;
    const since = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
    const all = (await usage?.run({ since, group: "user" })) as { totals: { requests: number } };
    expect(all.totals.requests).toBe(5000);
    const one = (await usage?.run({ since, email: "a@example.com", group: "model" })) as {
      totals: { requests: number };
    };
    expect(one.totals.requests).toBe(2500);
    await expect(usage?.run({})).rejects.toMatchObject({ status: 400, param: "since" });
    await expect(usage?.run({ since, email: "nobody@example.com" })).rejects.toMatchObject({ status: 404 });
  });
});
