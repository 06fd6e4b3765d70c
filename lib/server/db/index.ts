import "server-only";
import { type MessagePort, workerData } from "node:worker_threads";
import { getConfig } from "../config";
import { isWebThread } from "../threads";
import { migrate } from "./migrations";
import { openPglite } from "./pglite";
import { openPgliteOnPort } from "./pglite-thread";
import { openPostgres } from "./postgres";
import type { Db } from "./types";

export type { Db, Queryable } from "./types";
export { DbLockedError } from "./types";

// Kept on globalThis so Next's dev reloads and duplicated module instances share one connection.
const store = globalThis as unknown as {
  __benchtopDb?: Promise<Db>;
  /** The open database and the promise it came from: `peekDb` answers without a promise. */
  __benchtopDbOpen?: { from: Promise<Db>; db: Db };
};

export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  /** In-memory PGlite only: start from this dumped cluster (tests; see openPglite). */
  template?: Blob;
}): Promise<Db> {
  const db = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl)
    : await openPglite(opts.dataDir, opts.template);
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
    // Next's thread of the production server uses the embedded database the main thread opened
    // and migrated (threads.ts); PostgreSQL it opens as any instance does.
    const web = isWebThread() && !cfg.databaseUrl;
    const port = web ? (workerData as { dbPort?: MessagePort }).dbPort : undefined;
    // Opening the data directory a second time in this process would pass its lock and corrupt it.
    if (web && !port) return Promise.reject(new Error("Next's thread has no port to the embedded database."));
    const opening = port
      ? // The main thread's own link to the database thread reports its loss (and stops the server).
        openPgliteOnPort(port)
      : openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
    store.__benchtopDb = opening;
    // A failed open (locked, unreachable) must not be cached forever.
    opening.then(
      (db) => {
        if (store.__benchtopDb === opening) store.__benchtopDbOpen = { from: opening, db };
      },
      () => {
        if (store.__benchtopDb === opening) store.__benchtopDb = undefined;
      },
    );
  }
  return store.__benchtopDb;
}

/**
 * The database `getDb` resolves to, when it is already open; undefined otherwise. For the proxy's
 * hot path, where an await per call costs more than the lookup (docs/proxy-hot-path.md).
 */
export function peekDb(): Db | undefined {
  const open = store.__benchtopDbOpen;
  return open && open.from === store.__benchtopDb ? open.db : undefined;
}

export async function closeDb(): Promise<void> {
  const db = store.__benchtopDb;
  store.__benchtopDb = undefined;
  if (db) await (await db).close();
}

/** Unit tests inject an in-memory database. */
export function setDbForTests(db: Db | undefined): void {
  const from = db ? Promise.resolve(db) : undefined;
  store.__benchtopDb = from;
  store.__benchtopDbOpen = db && from ? { from, db } : undefined;
}
