/**
 * The embedded database in a thread of its own (docs/database.md, "PGlite in a worker thread"):
 * PGlite runs Postgres compiled to WASM, synchronously, so on the main thread every statement
 * stopped every proxied call for its duration (a batch write of the ledger: several ms). Here it
 * answers the main thread's messages (pglite-thread.ts), and those of Next's thread of the production
 * server on a port the main thread attaches; nothing else is in this thread.
 *
 * Bundled by `npm run build` into .next/standalone/pglite-worker.cjs; tests run it with tsx.
 */
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { PARSERS, type Request, type Response } from "./pglite-protocol";

const port = parentPort;
if (!port) throw new Error("pglite-worker.ts runs as a worker thread (pglite-thread.ts)");

const { dir } = workerData as { dir: string | null };
const opening = PGlite.create(dir ?? undefined, { parsers: PARSERS });
// Nothing unhandled before the first message asks for it.
opening.catch(() => {});

const ROLLBACK = Symbol("rollback");
interface Client {
  open: Map<number, { tx: Transaction; end: (commit: boolean) => void; ended: Promise<void> }>;
  closed: boolean;
}

/**
 * Answers one client's messages. Transactions are kept per client, by the id of the message that
 * began them (their statements name it): two clients' ids may be equal. `close` from the main thread
 * closes the database; from an attached client it closes only its port.
 */
function serve(port: MessagePort | NonNullable<typeof parentPort>, owner: boolean): void {
  const client: Client = { open: new Map(), closed: false };
  port.on("message", (m: Request) => {
    void answer(m, client, owner)
      .then(
        (rows) => port.postMessage({ id: m.id, rows } satisfies Response),
        (e: unknown) => port.postMessage({ id: m.id, error: asData(e) } satisfies Response),
      )
      .then(() => {
        if (m.op === "close" && !owner) port.close();
      });
  });
  // A client thread that went away mid-transaction must not hold the database: its open
  // transactions roll back, and one still waiting for PGlite's lock rolls back once it gets it.
  port.on("close", () => {
    client.closed = true;
    for (const t of client.open.values()) t.end(false);
    client.open.clear();
  });
}

serve(port, true);

async function answer(m: Request, client: Client, owner: boolean): Promise<unknown[]> {
  const pg = await opening;
  const { open } = client;
  switch (m.op) {
    case "open":
      return [];
    case "attach":
      serve(m.port, false);
      return [];
    case "query": {
      const on = m.tx === undefined ? pg : open.get(m.tx)?.tx;
      if (!on) throw new Error(`transaction ${m.tx} is not open`);
      return (await on.query(m.sql, m.params)).rows;
    }
    case "exec": {
      const on = m.tx === undefined ? pg : open.get(m.tx)?.tx;
      if (!on) throw new Error(`transaction ${m.tx} is not open`);
      await on.exec(m.sql);
      return [];
    }
    case "begin":
      // The body runs in the client's thread; this holds PGlite's transaction open until "end".
      return new Promise((began, failed) => {
        const ended = pg.transaction(
          (tx) =>
            new Promise<void>((resolve, reject) => {
              if (client.closed) return reject(ROLLBACK);
              open.set(m.id, { tx, end: (commit) => (commit ? resolve() : reject(ROLLBACK)), ended });
              began([]);
            }),
        );
        ended.catch(failed);
      });
    case "end": {
      const t = open.get(m.tx);
      if (!t) throw new Error(`transaction ${m.tx} is not open`);
      open.delete(m.tx);
      t.end(m.commit);
      try {
        await t.ended;
      } catch (e) {
        if (e !== ROLLBACK) throw e;
      }
      return [];
    }
    case "close":
      if (owner) await pg.close();
      return [];
  }
}

/** An error as data: Postgres' fields (code, detail, constraint…) survive, as callers read `code`. */
function asData(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: String(e) };
  const out: Record<string, unknown> = { name: e.name, message: e.message };
  for (const [k, v] of Object.entries(e)) {
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) out[k] = v;
  }
  return out;
}
