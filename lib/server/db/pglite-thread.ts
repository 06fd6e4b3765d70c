import "server-only";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { Request, Response } from "./pglite-protocol";
import type { Db, Queryable } from "./types";

type Ask = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;

interface Endpoint {
  postMessage(m: unknown, transfer?: readonly MessagePort[]): void;
  on(event: "message", fn: (m: Response) => void): unknown;
  ref(): void;
  unref(): void;
}

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
  const link = connect(worker);
  const lost = (e: Error) => {
    if (link.fail(e) && !link.closing) onLost(e);
  };
  worker.on("error", (e) => lost(new Error(`The database thread failed: ${e.message}`)));
  worker.on("exit", (code) => lost(new Error(`The database thread stopped (exit code ${code}).`)));
  try {
    await link.ask({ op: "open" });
  } catch (e) {
    link.closing = true;
    await worker.terminate();
    throw e;
  }
  return {
    ...link.db,
    async close() {
      await link.close();
      await worker.terminate();
    },
    async share() {
      const { port1, port2 } = new MessageChannel();
      await link.ask({ op: "attach", port: port1 }, [port1]);
      return port2;
    },
  };
}

/**
 * The database another thread of this process opened in its worker (`share()`): Next's thread of the
 * production server (threads.ts). Closing it closes the port, not the database.
 */
export async function openPgliteOnPort(
  port: MessagePort,
  onLost: (e: Error) => void = () => {},
): Promise<Db> {
  const link = connect(port);
  port.on("close", () => {
    if (link.fail(new Error("The database thread's port closed.")) && !link.closing)
      onLost(new Error("The database thread's port closed."));
  });
  await link.ask({ op: "open" });
  return {
    ...link.db,
    async close() {
      await link.close();
      port.close();
    },
  };
}

function connect(endpoint: Endpoint) {
  const waiting = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
  let next = 1;
  let gone: Error | null = null;
  // Held while a statement is out, so a process with nothing else to do still waits for it.
  endpoint.unref();
  endpoint.on("message", (m: Response) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (waiting.size === 0) endpoint.unref();
    if ("error" in m) w.reject(Object.assign(new Error(String(m.error.message)), m.error));
    else w.resolve(m.rows);
  });

  const ask = (r: Ask, transfer: MessagePort[] = [], id = next++): Promise<unknown[]> =>
    new Promise((resolve, reject) => {
      if (gone) return reject(gone);
      if (waiting.size === 0) endpoint.ref();
      waiting.set(id, { resolve, reject });
      try {
        endpoint.postMessage({ ...r, id }, transfer);
      } catch (e) {
        // A parameter that cannot be copied to another thread (a function, a class with private state).
        waiting.delete(id);
        if (waiting.size === 0) endpoint.unref();
        reject(e);
      }
    });
  const on = (tx?: number): Queryable => ({
    query: <T>(sql: string, params?: unknown[]) => ask({ op: "query", sql, params, tx }) as Promise<T[]>,
    exec: async (sql: string) => {
      await ask({ op: "exec", sql, tx });
    },
  });
  const link = {
    closing: false,
    ask,
    /** Fails what is waiting; true the first time. */
    fail(e: Error): boolean {
      const first = !gone;
      gone ??= e;
      for (const w of waiting.values()) w.reject(e);
      waiting.clear();
      return first;
    },
    async close() {
      link.closing = true;
      if (!gone) await ask({ op: "close" });
      gone ??= new Error("The database is closed.");
    },
    db: {
      kind: "pglite",
      ...on(),
      async transaction(fn) {
        const id = next++;
        await ask({ op: "begin" }, [], id);
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
    } satisfies Omit<Db, "close">,
  };
  return link;
}
