import "server-only";
import type http from "node:http";
import { flushBudgets } from "./budgets";
import { getConfig } from "./config";
import { closeDb } from "./db";
import { callsRecorded, flushLedger } from "./ledger";
import { flushRateLimits } from "./rate-limits";

/**
 * Graceful shutdown of the production server (node-entry.ts). Next's own SIGTERM/SIGINT handler
 * exits as soon as its server has closed, before the ledger's last batch is written: calls that were
 * streaming at the signal were served but never recorded. Instead, on the first signal the server
 * stops accepting connections, the requests in flight (proxied streams included) run to their end
 * for up to SHUTDOWN_GRACE_MS, then the ledger is flushed, the database closed, and the process
 * exits 0. A second signal exits at once, after a last attempt to flush the ledger.
 */

const DEFAULT_GRACE_MS = 30_000;
/** Flushing the ledger and closing the database must not hold the exit forever either. */
const FINAL_STEPS_MS = 10_000;
const LAST_FLUSH_MS = 2_000;
/**
 * Ctrl-C under `npm start` reaches the server twice (from the terminal, and forwarded by npm):
 * a repeat this soon is the same signal, not an operator asking to hurry.
 */
const REPEAT_MS = 1_000;
/** What follows the signal once the requests in flight are cut at the end of the grace period. */
const CUT_MS = 1_000;

const flag = globalThis as unknown as { __benchtopShutdownManaged?: boolean };

/** True when installGracefulShutdown owns SIGTERM/SIGINT in this process. */
export function shutdownIsManaged(): boolean {
  return flag.__benchtopShutdownManaged === true;
}

export interface ShutdownOptions {
  /** Defaults to SHUTDOWN_GRACE_MS, read when the signal arrives. */
  graceMs?: number;
  /** Tests observe the exit instead of taking it. */
  exit?: (code: number) => void;
}

export function installGracefulShutdown(server: http.Server, opts: ShutdownOptions = {}): () => void {
  // Next's start-server installs its own signal handlers unless this is set (read once it listens).
  process.env.NEXT_MANUAL_SIG_HANDLE = "true";
  flag.__benchtopShutdownManaged = true;
  const exit = opts.exit ?? ((code: number) => process.exit(code));

  let inFlight = 0;
  let onIdle: (() => void) | null = null;
  let first: { signal: NodeJS.Signals; at: number } | null = null;
  let forcing = false;

  const onRequest = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight++;
    // Keep-alive clients must not keep a draining server busy: close each connection after its reply.
    if (first && !res.headersSent) res.setHeader("connection", "close");
    res.once("close", () => {
      inFlight--;
      // A connection whose last reply went out before the signal is idle now: let it go.
      if (first) setImmediate(() => server.closeIdleConnections());
      if (inFlight === 0) onIdle?.();
    });
  };
  server.prependListener("request", onRequest);

  /** Resolves true when no request is in flight, false when `ms` passes first. */
  const idle = (ms: number) =>
    new Promise<boolean>((resolve) => {
      if (inFlight === 0) return resolve(true);
      const timer = setTimeout(() => {
        onIdle = null;
        resolve(false);
      }, ms);
      onIdle = () => {
        clearTimeout(timer);
        onIdle = null;
        resolve(true);
      };
    });

  const graceful = async (signal: NodeJS.Signals) => {
    const graceMs = opts.graceMs ?? configuredGrace();
    server.close();
    server.closeIdleConnections();
    console.log(
      `[benchtop] ${signal}: not accepting new connections; waiting up to ${seconds(graceMs)} for ${inFlight} ${inFlight === 1 ? "request" : "requests"} in flight to finish, then writing the ledger and exiting (send ${signal} again to exit at once)`,
    );
    if (!(await idle(graceMs))) {
      console.warn(
        `[benchtop] shutdown: ${inFlight} ${inFlight === 1 ? "request" : "requests"} still running after ${seconds(graceMs)}: closing them`,
      );
      // Cut connections end as client aborts: the proxy records them in the ledger as aborted.
      server.closeAllConnections();
      await idle(CUT_MS);
    }
    server.closeAllConnections();
    // Calls cut while waiting for the upstream record their entry a few ticks after the cut.
    await callsRecorded(CUT_MS);
    try {
      await within(FINAL_STEPS_MS, "writing the ledger and closing the database", async () => {
        await flushLedger();
        await flushRateLimits();
        await flushBudgets();
        await closeDb();
      });
      console.log("[benchtop] shutdown: ledger written, database closed");
      if (!forcing) exit(0);
    } catch (e) {
      console.error(`[benchtop] shutdown: ${(e as Error).message}`);
      if (!forcing) exit(1);
    }
  };

  const forced = async (signal: NodeJS.Signals) => {
    forcing = true;
    console.warn(`[benchtop] ${signal} again: exiting now, ${inFlight} requests in flight are cut`);
    await within(LAST_FLUSH_MS, "writing the ledger", () =>
      Promise.all([flushLedger(), flushBudgets()]).then(() => {}),
    ).catch((e: Error) => console.error(`[benchtop] shutdown: ${e.message}`));
    exit(signal === "SIGINT" ? 130 : 143);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (!first) {
      first = { signal, at: Date.now() };
      void graceful(signal);
    } else if (!forcing && Date.now() - first.at >= REPEAT_MS) {
      void forced(signal);
    }
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  return () => {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    server.off("request", onRequest);
    flag.__benchtopShutdownManaged = false;
  };
}

function configuredGrace(): number {
  try {
    return getConfig().shutdownGraceMs;
  } catch {
    // Boot has already reported an invalid configuration; shutting down must still work.
    return DEFAULT_GRACE_MS;
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

async function within(ms: number, what: string, fn: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took longer than ${seconds(ms)}; exiting anyway`)),
      ms,
    );
    timer.unref();
  });
  try {
    await Promise.race([fn(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
