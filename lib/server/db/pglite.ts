import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { secureDataDir } from "../data-dir";
import { migrate } from "./migrations";
import { PARSERS } from "./pglite-protocol";
import { openPgliteThread } from "./pglite-thread";
import { type Db, DbLockedError, type Queryable } from "./types";

/**
 * PGlite keeps the whole cluster in one process; two processes writing the same directory corrupt it.
 * A pid lock file makes the second opener fail fast with a message instead.
 */
export function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockFile = path.join(dataDir, "pglite.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }), {
        flag: "wx",
        mode: 0o600,
      });
      const release = () => {
        try {
          const held = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid?: number };
          if (held.pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = readLockPid(lockFile);
      if (pid !== undefined && pid !== process.pid && isAlive(pid)) throw new DbLockedError(lockFile, pid);
      // Stale lock from a crashed process (or our own from a previous module instance): take it over.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not acquire ${lockFile}`);
}

export function readLockPid(lockFile: string): number | undefined {
  try {
    const held = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid?: unknown };
    return typeof held.pid === "number" ? held.pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The database thread died (a WASM abort, out of memory): every statement would fail from now on
 * while calls were still admitted. In production the server exits, for its supervisor to start it
 * again, as it would have had PGlite failed on the main thread.
 */
function lostDatabase(e: Error): void {
  console.error(`[db] ${e.message} The server stops so that it can be restarted.`);
  if (process.env.NODE_ENV === "production") process.exit(1);
}

async function inThisThread(dir: string | null, template?: Blob): Promise<Db> {
  return asDb(await PGlite.create(dir ?? undefined, { parsers: PARSERS, loadDataDir: template }));
}

function asDb(pg: PGlite): Db {
  return {
    kind: "pglite",
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}

/** A new in-memory cluster with every migration applied, dumped: the template `openPglite` loads. */
export async function migratedTemplate(): Promise<Blob> {
  const pg = await PGlite.create({ parsers: PARSERS });
  try {
    await migrate(asDb(pg));
    return await pg.dumpDataDir("none");
  } finally {
    await pg.close();
  }
}

function wrap(q: Pick<PGlite, "query" | "exec">): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params);
      return r.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

/**
 * Where the database thread's script is (pglite-worker.ts): BENCHTOP_PGLITE_WORKER, which the
 * production entry sets to the bundled one (an absolute path). Anything else: PGlite runs in this
 * thread (the dev server, the CLI, most unit tests).
 */
function workerScript(): string | null {
  const file = process.env.BENCHTOP_PGLITE_WORKER;
  return file && path.isAbsolute(file) ? file : null;
}

/**
 * `template` (in memory only): a cluster dumped by `dumpDataDir`, loaded instead of creating one.
 * The unit tests open ~50 databases; a copy of one already migrated loads in ~0.3 s where creating
 * one takes ~1.2 s (test/pglite-template.ts).
 */
export async function openPglite(dataDir: string | "memory://", template?: Blob): Promise<Db> {
  const inMemory = dataDir === "memory://";
  if (template && !inMemory) throw new Error("A PGlite template is loaded in memory only.");
  const release = inMemory ? () => {} : acquireLock(dataDir);
  try {
    const dir = inMemory ? null : path.join(dataDir, "pglite");
    // A template is a test's database: in this thread.
    const script = template ? null : workerScript();
    const pg = script ? await openPgliteThread(dir, script, lostDatabase) : await inThisThread(dir, template);
    // PGlite writes a new cluster 0666 and some files 0644 whatever the umask (lib/server/data-dir.ts).
    const secure = () => {
      if (!inMemory) secureDataDir(dataDir);
    };
    secure();
    return {
      ...pg,
      async close() {
        await pg.close();
        secure();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
