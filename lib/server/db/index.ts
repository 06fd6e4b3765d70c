import "server-only";
import { getConfig } from "../config";
import { migrate } from "./migrations";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";
import type { Db } from "./types";

export type { Db, Queryable } from "./types";
export { DbLockedError } from "./types";

// Kept on globalThis so Next's dev reloads and duplicated module instances share one connection.
const store = globalThis as unknown as { __benchtopDb?: Promise<Db> };

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  return db;
}

/** The process-wide database, opened and migrated on first use (never at import: `next build` imports routes). */
export function getDb(): Promise<Db> {
  if (!store.__benchtopDb) {
    const cfg = getConfig();
    const opening = openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
    store.__benchtopDb = opening;
    // A failed open (locked, unreachable) must not be cached forever.
    opening.catch(() => {
      if (store.__benchtopDb === opening) store.__benchtopDb = undefined;
    });
  }
  return store.__benchtopDb;
}

export async function closeDb(): Promise<void> {
  const db = store.__benchtopDb;
  store.__benchtopDb = undefined;
  if (db) await (await db).close();
}

/** Unit tests inject an in-memory database. */
export function setDbForTests(db: Db | undefined): void {
  store.__benchtopDb = db ? Promise.resolve(db) : undefined;
}
