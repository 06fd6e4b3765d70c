import "server-only";
import { Worker } from "node:worker_threads";
import type { Request, Response } from "./pglite-protocol";
import type { Db, Queryable } from "./types";

type Ask = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;

/**
 * The embedded database run by a worker thread (pglite-worker.ts): the same Db, with each statement
 * a message. PGlite is synchronous WASM; on the main thread its batch writes stopped every proxied
 * call in flight for several ms (docs/database.md, "PGlite in a worker thread").
 */
export async function openPgliteThread(
  dir: string | null,
  script: string,
  onLost: (e: Error) => void = () => {},
): Promise<Db> {
  // The TypeScript source (tests, the dev server) runs through tsx; the build runs the bundle.
  const worker = script.endsWith(".ts")
    ? new Worker(`require("tsx/cjs"); require(${JSON.stringify(script)});`, {
        eval: true,
        workerData: { dir },
      })
    : new Worker(script, { workerData: { dir } });
  const waiting = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
  let next = 1;
  let gone: Error | null = null;
  let closing = false;
  // Held while a statement is out, so a process with nothing else to do still waits for it.
  worker.unref();
  const fail = (e: Error) => {
    gone ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on("message", (m: Response) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (waiting.size === 0) worker.unref();
    if ("error" in m) w.reject(Object.assign(new Error(String(m.error.message)), m.error));
    else w.resolve(m.rows);
  });
  const lost = (e: Error) => {
    const first = !gone;
    fail(e);
    if (first && !closing) onLost(e);
  };
  worker.on("error", (e) => lost(new Error(`The database thread failed: ${e.message}`)));
  worker.on("exit", (code) => lost(new Error(`The database thread stopped (exit code ${code}).`)));

  const ask = (r: Ask, id = next++): Promise<unknown[]> =>
    new Promise((resolve, reject) => {
      if (gone) return reject(gone);
      if (waiting.size === 0) worker.ref();
      waiting.set(id, { resolve, reject });
      try {
        worker.postMessage({ ...r, id });
      } catch (e) {
        // A parameter that cannot be copied to another thread (a function, a class with private state).
        waiting.delete(id);
        if (waiting.size === 0) worker.unref();
        reject(e);
      }
    });
  const on = (tx?: number): Queryable => ({
    query: <T>(sql: string, params?: unknown[]) => ask({ op: "query", sql, params, tx }) as Promise<T[]>,
    exec: async (sql: string) => {
      await ask({ op: "exec", sql, tx });
    },
  });

  try {
    await ask({ op: "open" });
  } catch (e) {
    closing = true;
    await worker.terminate();
    throw e;
  }
  return {
    kind: "pglite",
    ...on(),
    async transaction(fn) {
      const id = next++;
      await ask({ op: "begin" }, id);
      let out: Awaited<ReturnType<typeof fn>>;
      try {
        out = await fn(on(id));
      } catch (e) {
        await ask({ op: "end", tx: id, commit: false }).catch(() => {});
        throw e;
      }
      await ask({ op: "end", tx: id, commit: true });
      return out;
    },
    async close() {
      closing = true;
      if (!gone) await ask({ op: "close" });
      gone ??= new Error("The database is closed.");
      await worker.terminate();
    },
  };
}
