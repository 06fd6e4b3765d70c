/**
 * The Usage page's aggregation over a big ledger (`npm run bench:usage-aggregate`; no build needed;
 * bench:quick runs it at 20,000 rows). Issue 15's bar: a ledger of one million rows, the report for
 * 30 days by day × model and by hour × user in under 500 ms, on PGlite and on PostgreSQL.
 *
 * For each database (in-memory PGlite; PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL names a
 * server, in a throwaway database): migrate, write N ledger rows over 30 days in one
 * generate_series insert (20 users, 40 tokens, 6 models, 4 endpoints, 4% errors, 5% without usage),
 * build the rollup with the same SQL as the ledger's batch insert, then time, median of
 * five after one warm-up: `usageReport` (the rollup, as GET /api/usage runs it) for both reports,
 * and the baseline — the same aggregation as a plain query over the raw ledger.
 *
 * Server code is imported, so this runs under `tsx --conditions=react-server`; bench:quick spawns it.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { option, round } from "./support";

const ROWS = option("BENCH_USAGE_ROWS", 1_000_000, 20_000);
const RUNS = option("BENCH_USAGE_RUNS", 5, 2);
const DAY = 86_400_000;

const SEED_SQL = (rows: number) => `
  insert into ledger (at, user_id, token_id, method, path, model, status, duration_ms, stream,
                      input_tokens, cached_tokens, output_tokens, reasoning_tokens, request_bytes,
                      response_bytes, images, assistant_id, cost_micros, cost_estimated, price_source, price_as_of)
  select at, 'u' || u, case when random() < 0.4 then null else 't' || (u * 2 + (i % 2)) end, 'POST',
         (array['/v1/responses', '/v1/chat/completions', '/v1/embeddings', '/v1/images/generations'])[1 + m % 4],
         (array['gpt-5-mini', 'gpt-4.1', 'gpt-4o-mini', 'gpt-5', 'text-embedding-3-small', 'gpt-image-1'])[1 + m],
         case when i % 25 = 0 then 429 else 200 end, 300 + (i % 4000), m % 4 = 0,
         case when i % 20 = 1 then null else 200 + (i * 7919) % 6000 end,
         case when i % 20 = 1 then null else (i * 31) % 800 end,
         case when i % 20 = 1 then null else (i * 13) % 2000 end,
         0, 2000, 3000, case when m = 5 then 1 end,
         case when m % 4 = 0 and i % 10 = 0 then 'asst_bench' end,
         case when i % 25 = 0 then 0 else 100 + (i * 17) % 20000 end,
         i % 20 = 1, 'dataset', date '2026-09-23'
    from (select i, (random() * 19)::int as u, (random() * 5)::int as m,
                 now() - random() * interval '30 days' as at
            from generate_series(1::bigint, ${rows}) as i) s`;

const BASELINE: Record<string, (from: string, to: string) => string> = {
  "day × model": (from, to) => `
    select date_trunc('day', at, 'UTC') as b, model, count(*), count(*) filter (where status >= 400),
           sum(input_tokens), sum(cached_tokens), sum(output_tokens), sum(reasoning_tokens), sum(images),
           sum(audio_seconds), sum(cost_micros), count(*) filter (where cost_estimated)
      from ledger where at >= '${from}' and at < '${to}' group by 1, 2 order by 1, 2`,
  "hour × user": (from, to) => `
    select date_trunc('hour', at, 'UTC') as b, user_id, count(*), count(*) filter (where status >= 400),
           sum(input_tokens), sum(cached_tokens), sum(output_tokens), sum(reasoning_tokens), sum(images),
           sum(audio_seconds), sum(cost_micros), count(*) filter (where cost_estimated)
      from ledger where at >= '${from}' and at < '${to}' group by 1, 2 order by 1, 2`,
};

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] as number;
}

interface Result {
  db: string;
  rows: number;
  rollupRows: number;
  seedS: number;
  rollupS: number;
  report: Record<string, { rollupMs: number; ledgerMs: number; rows: number }>;
}

async function benchOne(kind: "pglite" | "postgres", url?: string): Promise<Result> {
  const { openDatabase, setDbForTests } = await import("@/lib/server/db");
  const { usageReport } = await import("@/lib/server/usage");
  const { ROLLUP_DIMS, rollupInsert } = await import("@/lib/server/usage-rollup");
  let dropDb: (() => Promise<void>) | null = null;
  let dbUrl: string | undefined;
  if (kind === "postgres" && url) {
    const pg = (await import("pg")).default;
    const name = `bt_bench_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const db = await openDatabase(dbUrl ? { databaseUrl: dbUrl, dataDir: "unused" } : { dataDir: "memory://" });
  setDbForTests(db);
  try {
    await db.query(
      `insert into users (id, email, password_hash, role)
       select 'u' || i, 'user' || i || '@example.com', 'x', 'member' from generate_series(0, 19) i`,
    );
    await db.query(
      `insert into tokens (id, user_id, name, display_prefix, token_hash)
       select 't' || i, 'u' || (i / 2), 'token ' || i, 'bt_', 'h' || i from generate_series(0, 39) i`,
    );
    let t = performance.now();
    await db.query(SEED_SQL(ROWS));
    const seedS = (performance.now() - t) / 1000;
    console.log(`${kind}: ${ROWS} ledger rows in ${round(seedS)} s`);
    t = performance.now();
    // One grain and dimension at a time: the same rows, in pieces PGlite's memory takes.
    for (const grain of ["h", "d"] as const) {
      for (const dim of ROLLUP_DIMS) await db.query(rollupInsert("ledger", [grain], [dim]));
    }
    await db.query("analyze");
    const rollupS = (performance.now() - t) / 1000;
    console.log(`${kind}: rollup built in ${round(rollupS)} s`);
    const [count] = await db.query<{ n: string }>("select count(*) as n from usage_rollup");
    const to = new Date(Math.ceil(Date.now() / DAY) * DAY).toISOString();
    const from = new Date(Date.parse(to) - 30 * DAY).toISOString();
    const admin = {
      id: "bench",
      email: "bench@example.com",
      name: "",
      role: "admin" as const,
      disabledAt: null,
      createdAt: new Date(0).toISOString(),
    };
    const report: Result["report"] = {};
    for (const [name, bucket, group] of [
      ["day × model", "day", "model"],
      ["hour × user", "hour", "user"],
    ] as const) {
      let rows = 0;
      const rollupMs = await median(RUNS, async () => {
        rows = (await usageReport(admin, { from, to, bucket, group, userId: null })).rows.length;
      });
      const ledgerMs = await median(RUNS, () =>
        db.query((BASELINE[name] as (a: string, b: string) => string)(from, to)),
      );
      report[name] = { rollupMs: round(rollupMs), ledgerMs: round(ledgerMs), rows };
      console.log(`${kind}: ${name}`, report[name]);
    }
    return {
      db: kind,
      rows: ROWS,
      rollupRows: Number(count?.n),
      seedS: round(seedS),
      rollupS: round(rollupS),
      report,
    };
  } finally {
    setDbForTests(undefined);
    await db.close();
    await dropDb?.();
  }
}

export async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const results: Result[] = [];
  if (url) results.push(await benchOne("postgres", url));
  results.push(await benchOne("pglite"));
  if (!url)
    console.log("PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to a server to include it.");
  for (const r of results) {
    console.log(
      `\n${r.db}: ${r.rows.toLocaleString("en")} ledger rows (insert ${r.seedS} s), ` +
        `${r.rollupRows.toLocaleString("en")} rollup rows (built in ${r.rollupS} s)`,
    );
    for (const [name, x] of Object.entries(r.report)) {
      const ok = x.rollupMs < 500 ? "under 500 ms" : "OVER 500 ms";
      console.log(
        `  30 days, ${name}: rollup ${x.rollupMs} ms (${ok}, ${x.rows} rows) · raw ledger ${x.ledgerMs} ms`,
      );
    }
  }
  console.log(`\n${JSON.stringify(results)}`);
}

/** bench:quick's entry: the same benchmark at 20,000 rows, in a child with the react-server condition. */
export async function usageAggregateBench(): Promise<void> {
  const r = spawnSync(
    "npx",
    ["tsx", "--conditions=react-server", path.join(__dirname, "usage-aggregate.ts")],
    { stdio: "inherit", env: { ...process.env, BENCH_QUICK: "1", BENCH_USAGE_MAIN: "1" } },
  );
  if (r.status !== 0) throw new Error(`usage-aggregate exited with ${r.status}`);
}

if (process.env.BENCH_USAGE_MAIN === "1" || process.argv[1]?.endsWith("usage-aggregate.ts")) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
