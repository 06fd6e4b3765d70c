import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "./migrations";
import { openPglite } from "./pglite";
import { openPgliteOnPort, openPgliteThread } from "./pglite-thread";
import type { Db } from "./types";

/** The database thread (pglite-worker.ts, run with tsx here) answers as PGlite in this thread does. */
const SCRIPT = path.join(__dirname, "pglite-worker.ts");

describe("PGlite in a worker thread", () => {
  let db: Db;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-thread-"));
    process.env.BENCHTOP_PGLITE_WORKER = SCRIPT;
    try {
      db = await openPglite(dataDir);
    } finally {
      delete process.env.BENCHTOP_PGLITE_WORKER;
    }
    await migrate(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs statements with parameters and returns rows with their types", async () => {
    const [row] = await db.query<{ n: number; big: number; at: Date; b: Uint8Array; j: unknown; t: string }>(
      "select $1::int as n, 9007199254740991::int8 as big, $2::timestamptz as at, $3::bytea as b, $4::jsonb as j, $5::text as t",
      [7, new Date("2026-12-02T10:00:00Z"), Buffer.from([1, 2, 255]), JSON.stringify({ a: [1] }), "é€"],
    );
    expect(row).toEqual({
      n: 7,
      big: 9007199254740991,
      at: new Date("2026-12-02T10:00:00Z"),
      b: new Uint8Array([1, 2, 255]),
      j: { a: [1] },
      t: "é€",
    });
  });

  it("keeps Postgres' error fields, so callers can read the code", async () => {
    await db.exec("create table thread_t (id int primary key, v text)");
    await db.query("insert into thread_t values (1, 'a')");
    const e = await db.query("insert into thread_t values (1, 'b')").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: "23505", message: expect.stringContaining("duplicate key") });
    const bad = await db.query("select nonsense from nowhere").catch((x: unknown) => x);
    expect(bad).toMatchObject({ code: "42P01" });
  });

  it("commits a transaction, rolls one back on a throw, and other statements wait for it", async () => {
    await db.exec("create table thread_tx (id int primary key)");
    const order: string[] = [];
    const tx = db.transaction(async (t) => {
      await t.query("insert into thread_tx values (1)");
      order.push("in tx");
      await new Promise((r) => setTimeout(r, 30));
      await t.query("insert into thread_tx values (2)");
      order.push("tx done");
      return "out";
    });
    // Issued while the transaction is open: runs after it, as PGlite in one thread does.
    const outside = db.query<{ n: number }>("select count(*)::int as n from thread_tx").then((r) => {
      order.push("outside");
      return r[0]?.n;
    });
    expect(await tx).toBe("out");
    expect(await outside).toBe(2);
    expect(order).toEqual(["in tx", "tx done", "outside"]);

    const failed = await db
      .transaction(async (t) => {
        await t.query("insert into thread_tx values (3)");
        throw new Error("changed my mind");
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe("changed my mind");
    // A failing statement inside: the transaction rolls back and the error reaches the caller.
    const dup = await db
      .transaction(async (t) => {
        await t.query("insert into thread_tx values (4)");
        await t.query("insert into thread_tx values (1)");
      })
      .catch((e: { code?: string }) => e.code);
    expect(dup).toBe("23505");
    const rows = await db.query<{ id: number }>("select id from thread_tx order by id");
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it("answers many statements at once, each with its own rows", async () => {
    const got = await Promise.all(
      Array.from({ length: 200 }, (_, i) => db.query<{ i: number }>("select $1::int as i", [i])),
    );
    expect(got.map((r) => r[0]?.i)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it("refuses a parameter that cannot cross threads, and goes on", async () => {
    await expect(db.query("select $1", [() => 1])).rejects.toThrow();
    expect(await db.query("select 1 as one")).toEqual([{ one: 1 }]);
  });

  it("serves a second client on a shared port: same data, transactions apart, its close closes only the port", async () => {
    const share = db.share;
    if (!share) throw new Error("a database in its own thread can be shared");
    const other = await openPgliteOnPort(await share());
    await db.exec("create table thread_shared (id int primary key, by text)");
    await other.query("insert into thread_shared values (1, 'other')");
    expect(await db.query("select by from thread_shared")).toEqual([{ by: "other" }]);
    // Both clients' first transaction may carry the same message id: the worker keeps them apart.
    const mine = db.transaction(async (t) => {
      await t.query("insert into thread_shared values (2, 'mine')");
      await new Promise((r) => setTimeout(r, 20));
      return "mine";
    });
    const theirs = other
      .transaction(async (t) => {
        await t.query("insert into thread_shared values (3, 'theirs')");
        throw new Error("rolled back");
      })
      .catch((e: Error) => e.message);
    expect(await Promise.all([mine, theirs])).toEqual(["mine", "rolled back"]);
    await other.close();
    await expect(other.query("select 1")).rejects.toThrow("closed");
    expect(await db.query<{ id: number }>("select id from thread_shared order by id")).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
  });

  it("rolls back what a client that goes away left open, so the database does not stay held", async () => {
    const share = db.share;
    if (!share) throw new Error("a database in its own thread can be shared");
    await db.exec("create table thread_left (id int)");
    const other = await openPgliteOnPort(await share());
    let inside!: () => void;
    const began = new Promise<void>((r) => {
      inside = r;
    });
    const held = other.transaction(async (t) => {
      await t.query("insert into thread_left values (1)");
      inside();
      await new Promise((r) => setTimeout(r, 60_000));
    });
    held.catch(() => {});
    await began;
    await other.close();
    // Answered although that transaction never ended; its insert is gone.
    expect(await db.query("select count(*)::int as n from thread_left")).toEqual([{ n: 0 }]);
  });

  it("keeps what was written when the database is closed and opened again", async () => {
    await db.exec("create table thread_keep (v text); insert into thread_keep values ('kept')");
    await db.close();
    process.env.BENCHTOP_PGLITE_WORKER = SCRIPT;
    try {
      db = await openPglite(dataDir);
    } finally {
      delete process.env.BENCHTOP_PGLITE_WORKER;
    }
    expect(await db.query("select v from thread_keep")).toEqual([{ v: "kept" }]);
  });
});

describe("a database thread that dies", () => {
  it("fails what was waiting and what comes after, and says so once; a close is not a death", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-thread-dies-"));
    const script = path.join(dir, "dies.cjs");
    // Answers the handshake, then exits at the first statement, as a WASM abort would end it.
    fs.writeFileSync(
      script,
      `const { parentPort } = require("node:worker_threads");
       parentPort.on("message", (m) => {
         if (m.op === "open" || m.op === "close") parentPort.postMessage({ id: m.id, rows: [] });
         else process.exit(3);
       });`,
    );
    try {
      const lost: string[] = [];
      const db = await openPgliteThread(null, script, (e) => lost.push(e.message));
      await expect(db.query("select 1")).rejects.toThrow("The database thread stopped (exit code 3).");
      await expect(db.query("select 2")).rejects.toThrow("exit code 3");
      expect(lost).toEqual(["The database thread stopped (exit code 3)."]);
      await db.close();

      const calm: string[] = [];
      const other = await openPgliteThread(null, script, (e) => calm.push(e.message));
      await other.close();
      await expect(other.query("select 1")).rejects.toThrow("closed");
      expect(calm).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
