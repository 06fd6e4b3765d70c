import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usageCsv } from "@/lib/usage/csv";
import type { UsageDimension } from "@/lib/usage/report";
import { useFreshDb } from "@/test/db";
import { createToken } from "./auth/tokens";
import { createUser, type User } from "./auth/users";
import { resetConfigForTests } from "./config";
import { migrations } from "./db/migrations";
import { flushLedger, type LedgerEntry, record } from "./ledger";
import { parseUsageQuery, usageReport } from "./usage";
import { ENDPOINT_SQL, endpointOf } from "./usage-rollup";

let cleanup: () => Promise<void>;
let db: Awaited<ReturnType<typeof useFreshDb>>["db"];
let admin: User;
let alice: User;
let bob: User;
let aliceToken: string;

// A deterministic generator: the same "random" ledger every run.
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const FROM = Date.parse("2026-11-01T00:00:00Z");
const entry = (over: Partial<LedgerEntry>): LedgerEntry => ({
  at: new Date(FROM),
  userId: null,
  tokenId: null,
  method: "POST",
  path: "/v1/responses",
  model: "gpt-4o",
  status: 200,
  durationMs: 1,
  ttfbMs: null,
  upstreamRequestId: null,
  stream: false,
  aborted: false,
  errorType: null,
  errorCode: null,
  usage: { input: 1000, cached: 200, output: 500, reasoning: 0 },
  requestBytes: 400,
  responseBytes: 800,
  ...over,
});

beforeAll(async () => {
  // Tokens are keyed hashes; the secret is required with DATABASE_URL (CI's PostgreSQL pass).
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  resetConfigForTests();
  ({ db, cleanup } = await useFreshDb());
  admin = await createUser({ email: "admin@example.com", password: "correct horse 1", role: "admin" });
  alice = await createUser({ email: "alice@example.com", password: "correct horse 1", role: "member" });
  bob = await createUser({ email: "bob@example.com", password: "correct horse 1", role: "member" });
  aliceToken = (await createToken(alice.id, { name: "=cmd|' /C calc'!A0" })).info.id;
  const users = [alice.id, bob.id, admin.id, null];
  for (let i = 0; i < 600; i++) {
    const userId = pick(users);
    const usage =
      rand() < 0.15
        ? null
        : {
            input: Math.floor(rand() * 5000),
            cached: Math.floor(rand() * 500),
            output: Math.floor(rand() * 2000),
            reasoning: Math.floor(rand() * 100),
          };
    record(
      entry({
        at: new Date(FROM + Math.floor(rand() * 3 * 86_400_000)),
        userId,
        tokenId: userId === alice.id && rand() < 0.5 ? aliceToken : null,
        model: pick(["gpt-4o", "gpt-4.1-mini", "gpt-5", "made-up-model", null]),
        path: pick([
          "/v1/responses",
          "/v1/chat/completions",
          "/v1/files/file-abc123/content",
          "/v1/embeddings?x=1",
        ]),
        status: rand() < 0.1 ? 429 : 200,
        usage,
        images: rand() < 0.05 ? 2 : null,
        requestBytes: Math.floor(rand() * 4000),
        responseBytes: Math.floor(rand() * 4000),
      }),
    );
  }
  await flushLedger();
}, 60_000);
afterAll(() => cleanup());

const q = (over: Partial<Parameters<typeof usageReport>[1]> = {}) => ({
  from: "2026-11-01T00:00:00.000Z",
  to: "2026-11-05T00:00:00.000Z",
  bucket: "day" as const,
  group: "model" as UsageDimension,
  userId: null,
  ...over,
});

describe("ledger costs", () => {
  it("prices a call with usage at its quote, keeping the source and date", async () => {
    record(entry({ at: new Date("2026-10-01T00:00:00Z"), model: "gpt-4o" }));
    await flushLedger();
    const [row] = await db.query<Record<string, unknown>>(
      "select cost_micros, cost_estimated, price_source, price_as_of from ledger where at = '2026-10-01T00:00:00Z'",
    );
    // gpt-4o: $2.5 in, $1.25 cached, $10 out per 1M → 800×2.5 + 200×1.25 + 500×10
    expect(Number(row?.cost_micros)).toBe(2000 + 250 + 5000);
    expect(row?.cost_estimated).toBe(false);
    expect(row?.price_source).toBe("catalogue");
  });

  it("estimates a successful call without usage from its bytes and flags it; a failed one costs nothing", async () => {
    record(
      entry({ at: new Date("2026-10-02T00:00:00Z"), usage: null, requestBytes: 400, responseBytes: 800 }),
    );
    record(entry({ at: new Date("2026-10-03T00:00:00Z"), usage: null, status: 500 }));
    await flushLedger();
    const rows = await db.query<Record<string, unknown>>(
      "select cost_micros, cost_estimated from ledger where at in ('2026-10-02T00:00:00Z', '2026-10-03T00:00:00Z') order by at",
    );
    expect(rows.map((r) => [Number(r.cost_micros), r.cost_estimated])).toEqual([
      [100 * 2.5 + 200 * 10, true],
      [0, false],
    ]);
  });
});

describe("usage rollup", () => {
  it("equals a direct aggregation of the ledger, for every dimension", async () => {
    const direct = await db.query<Record<string, unknown>>(
      `select count(*) as requests, count(*) filter (where status >= 400) as errors,
              coalesce(sum(input_tokens), 0) as input, coalesce(sum(output_tokens), 0) as output,
              coalesce(sum(cost_micros), 0) as cost, count(*) filter (where cost_estimated) as estimated,
              count(*) filter (where model is not null and cost_micros is null) as unpriced
         from ledger where at >= '2026-11-01' and at < '2026-11-05'`,
    );
    const d = direct[0] ?? {};
    for (const group of ["model", "user", "token", "endpoint", "assistant", "none"] as UsageDimension[]) {
      for (const bucket of ["day", "hour"] as const) {
        const r = await usageReport(admin, q({ group, bucket }));
        expect(r.totals.requests).toBe(600);
        expect([
          r.totals.errors,
          r.totals.input,
          r.totals.output,
          r.totals.costMicros,
          r.totals.estimated,
          r.totals.unpriced,
        ]).toEqual([d.errors, d.input, d.output, d.cost, d.estimated, d.unpriced].map(Number));
      }
    }
    const byModel = await db.query<{ model: string | null; n: string }>(
      "select model, count(*) as n from ledger where at >= '2026-11-01' and at < '2026-11-05' group by model",
    );
    const report = await usageReport(admin, q({ group: "model" }));
    for (const m of byModel) {
      const sum = report.rows.filter((r) => r.key === m.model).reduce((s, r) => s + r.requests, 0);
      expect(sum).toBe(Number(m.n));
    }
  });

  it("hour buckets sum to the day buckets", async () => {
    const day = await usageReport(admin, q({ group: "user" }));
    const hour = await usageReport(admin, q({ group: "user", bucket: "hour" }));
    expect(hour.totals).toEqual(day.totals);
    expect(hour.rows.length).toBeGreaterThan(day.rows.length);
  });

  it("labels keys: emails, token names, endpoints with ids folded", async () => {
    const users = await usageReport(admin, q({ group: "user" }));
    expect(users.keys).toContainEqual({ key: alice.id, label: "alice@example.com" });
    expect(users.keys).toContainEqual({ key: null, label: "No user" });
    const endpoints = await usageReport(admin, q({ group: "endpoint" }));
    expect(endpoints.keys.map((k) => k.key).sort()).toEqual(
      ["/v1/chat/completions", "/v1/embeddings", "/v1/files/{id}/content", "/v1/responses"].sort(),
    );
  });

  it("the migration's backfill rebuilds the same rollup from the ledger", async () => {
    const before = await db.query("select * from usage_rollup order by 1, 2, 3, 4, 5");
    const sql = migrations.find((m) => m.id === "0014_usage_costs")?.sql ?? "";
    const backfill = sql.slice(sql.indexOf("insert into usage_rollup"));
    await db.transaction(async (tx) => {
      await tx.query("delete from usage_rollup");
      await tx.query(backfill);
    });
    expect(await db.query("select * from usage_rollup order by 1, 2, 3, 4, 5")).toEqual(before);
  });

  it("folds ids out of endpoints the same way in SQL and in code", async () => {
    const paths = [
      "/v1/files/file-abc123/content",
      "/v1/responses?stream=true",
      "/v1/models/gpt-4o",
      "/v1/chat/completions",
    ];
    for (const path of paths) {
      const [r] = await db.query<{ e: string }>(
        `select ${ENDPOINT_SQL} as e from (select $1::text as path) p`,
        [path],
      );
      expect(r?.e).toBe(endpointOf(path));
    }
    expect(endpointOf("/v1/models/gpt-4o")).toBe("/v1/models/{id}");
  });
});

describe("who sees what", () => {
  it("a member sees only their own usage", async () => {
    const mine = await usageReport(alice, q({ group: "user" }));
    expect(mine.keys.map((k) => k.key)).toEqual([alice.id]);
    expect(mine.query.userId).toBe(alice.id);
  });

  it("a member asking for another member's usage is refused", async () => {
    await expect(usageReport(alice, q({ userId: bob.id }))).rejects.toMatchObject({ status: 403 });
    expect((await usageReport(alice, q({ userId: alice.id }))).totals.requests).toBeGreaterThan(0);
  });

  it("an admin sees everyone, or one user", async () => {
    const one = await usageReport(admin, q({ group: "user", userId: bob.id }));
    expect(one.keys.map((k) => k.key)).toEqual([bob.id]);
  });
});

describe("query and CSV", () => {
  it("parses a query, with clear 400s", () => {
    expect(parseUsageQuery(new URLSearchParams("from=2026-11-01&to=2026-11-02"))).toMatchObject({
      from: "2026-11-01T00:00:00.000Z",
      bucket: "day",
      group: "model",
      format: "json",
    });
    // Widened to whole buckets, as the rollup (and OpenAI's Usage API) count them.
    expect(
      parseUsageQuery(new URLSearchParams("from=2026-12-01T12:00:00Z&to=2026-12-02T06:30:00Z&bucket=day")),
    ).toMatchObject({ from: "2026-12-01T00:00:00.000Z", to: "2026-12-03T00:00:00.000Z" });
    expect(
      parseUsageQuery(new URLSearchParams("from=2026-12-01T12:10:00Z&to=2026-12-01T14:00:00Z&bucket=hour")),
    ).toMatchObject({ from: "2026-12-01T12:00:00.000Z", to: "2026-12-01T14:00:00.000Z" });
    const bad = (s: string) => {
      try {
        parseUsageQuery(new URLSearchParams(s));
      } catch (e) {
        return e as { status: number; param: string };
      }
      throw new Error("accepted");
    };
    expect(bad("from=2026-11-02&to=2026-11-01")).toMatchObject({ status: 400, param: "from" });
    expect(bad("from=yesterday&to=2026-11-01")).toMatchObject({ status: 400, param: "from" });
    expect(bad("from=2026-01-01&to=2026-11-01&bucket=hour")).toMatchObject({ status: 400, param: "to" });
    expect(bad("from=2026-11-01&to=2026-11-02&group=color")).toMatchObject({ status: 400, param: "group" });
  });

  it("CSV holds the same rows as the table, with formulas defused", async () => {
    const report = await usageReport(admin, q({ group: "token" }));
    const parsed = Papa.parse<Record<string, string>>(usageCsv(report), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data.length).toBe(report.rows.length);
    parsed.data.forEach((r, i) => {
      const row = report.rows[i];
      expect(r.bucket).toBe(row?.bucket);
      expect(r.key).toBe(row?.key ?? "");
      expect(Number(r.requests)).toBe(row?.requests);
      expect(Number(r.costMicros)).toBe(row?.costMicros);
    });
    const evil = parsed.data.find((r) => r.key === aliceToken);
    expect(evil?.label).toBe("'=cmd|' /C calc'!A0");
  });
});
