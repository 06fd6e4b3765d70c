import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, setDbForTests } from "@/lib/server/db";
import type { Db } from "@/lib/server/db/types";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway database
 * on the Postgres server named by DATABASE_URL (CI runs the suite both ways).
 */
export async function useFreshDb(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ dataDir: "memory://", template: pgliteTemplate() });
    setDbForTests(db);
    return { db, cleanup: () => db.close() };
  }
  const name = `bt_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: u.toString(), dataDir: "unused" });
  setDbForTests(db);
  return {
    db,
    async cleanup() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

let template: Blob | undefined;

/** The migrated cluster test/pglite-template.ts dumped for this run, read once per test file. */
function pgliteTemplate(): Blob | undefined {
  const file = inject("pgliteTemplate");
  if (!file) return undefined;
  template ??= new Blob([fs.readFileSync(file)]);
  return template;
}
