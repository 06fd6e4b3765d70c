/**
 * The production server (`npm start`, Docker). `/api/v1/*` is answered by the proxy on the main
 * thread; Next, started exactly as the generated standalone server.js starts it, runs in a worker
 * thread (next-thread.ts) and gets every other request over a Unix socket (to-next.ts). Next's
 * routing alone costs 3–5 ms per request on a 2-core machine, and its async hooks and patched timers,
 * once in the process, tax every callback of every proxied call (docs/architecture.md, "Next in a
 * worker thread"; docs/proxy-hot-path.md).
 *
 * BENCHTOP_PROXY_FAST_PATH=0 runs Next on this thread instead and sends everything through it;
 * BENCHTOP_PGLITE_WORKER=0 (the embedded database on this thread) keeps Next here too.
 *
 * Bundled by `npm run build` into .next/standalone/benchtop-server.cjs.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { boot } from "./boot";
import { getConfig } from "./config";
import { restrictUmask } from "./data-dir";
import { getDb } from "./db";
import { stampPeer } from "./peer";
import { PROXY_PREFIX } from "./proxy/constants";
import { handleProxyNode } from "./proxy/node";
import { gateRequest } from "./request-gate";
import { installGracefulShutdown } from "./shutdown";
import { startThreads } from "./threads";
import { forwardToNext, privateSocket } from "./to-next";

// DATA_DIR is written from here on (database, generated secret, ops socket): owner-only.
restrictUmask();

const dir = __dirname;
(process.env as Record<string, string>).NODE_ENV = "production";
process.chdir(dir);

// The embedded database runs in a thread of its own (lib/server/db/pglite.ts); "0" keeps it here,
// and then Next too: a database in this thread cannot be shared with Next's.
const pgliteHere = process.env.BENCHTOP_PGLITE_WORKER === "0" && !process.env.DATABASE_URL;
if (process.env.BENCHTOP_PGLITE_WORKER !== "0") {
  process.env.BENCHTOP_PGLITE_WORKER = path.join(dir, "pglite-worker.cjs");
}

const required = JSON.parse(fs.readFileSync(path.join(dir, ".next/required-server-files.json"), "utf8")) as {
  config: Record<string, unknown>;
};
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(required.config);

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const port = Number.parseInt(process.env.PORT ?? "", 10) || 3000;
const hostname = process.env.HOSTNAME || "0.0.0.0";
const keepAliveEnv = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? "", 10);
/**
 * How long an idle client connection stays open. Node's 5 s races clients that reuse a connection
 * just as the server closes it (the request fails with a reset: seen in CI); 65 s outlasts the
 * usual gaps between a console's requests and sits above common load balancers' 60 s idle timeout,
 * so they close first.
 */
const keepAliveTimeout = Number.isFinite(keepAliveEnv) && keepAliveEnv >= 0 ? keepAliveEnv : 65_000;

const fastPath = process.env.BENCHTOP_PROXY_FAST_PATH !== "0";
if (!fastPath || pgliteHere) nextOnThisThread(fastPath);
else void nextInAWorker();

async function nextInAWorker(): Promise<void> {
  process.env.BENCHTOP_THREADS = `benchtop-${randomUUID()}`;
  startThreads();
  let toNext: Listener | null = null;
  const server = http.createServer((req, res) => {
    stampPeer(req);
    if (req.url?.startsWith(PROXY_PREFIX)) void handleProxyNode(req, res);
    // It listens only once Next is up.
    else if (toNext) gateRequest(req, res, toNext);
  });
  server.keepAliveTimeout = keepAliveTimeout;
  // Node's rule: longer than the keep-alive, or a slow next request's headers could be cut.
  server.headersTimeout = Math.max(server.headersTimeout, keepAliveTimeout + 1_000);
  // SIGTERM/SIGINT drain this server, then write the ledger (lib/server/shutdown.ts); installed
  // before boot, so a signal while starting stops the server too. After Next's thread died the
  // same shutdown ends with 1, for a supervisor to restart the server.
  let crashed = false;
  installGracefulShutdown(server, { exit: (code) => process.exit(crashed && code === 0 ? 1 : code) });
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once("SIGTERM", stop).once("SIGINT", stop);

  await boot();
  if (stopping) return;
  const socketPath = privateSocket(getConfig().dataDir);
  const dbPort = await (await getDb()).share?.();
  const worker = new Worker(path.join(dir, "next-thread.cjs"), {
    workerData: { socketPath, dbPort, dir, config: required.config, hostname, port },
    transferList: dbPort ? [dbPort] : [],
  });
  let up = false;
  // A shutdown under way ends Next's thread too (its database port closes): nothing to report then.
  const gone = (why: string) => {
    if (stopping) return;
    crashed = true;
    console.error(`[server] Next's thread ${why}; the server stops so that it can be restarted.`);
    process.kill(process.pid, "SIGTERM");
  };
  worker.on("error", (e) => gone(`failed: ${e.stack ?? e.message}`));
  worker.on("exit", (code) => gone(`stopped (exit code ${code})`));
  worker.on("message", (m: { listening?: boolean; failed?: string }) => {
    if (m.failed) {
      console.error(`[server] Next did not start: ${m.failed}`);
      process.exit(1);
    }
    if (!m.listening || up || stopping) return;
    up = true;
    toNext = forwardToNext(socketPath);
    server.listen(port, hostname);
  });
}

/**
 * Next on this thread, as before it had one of its own: with the fast path the proxy still answers
 * `/api/v1/*` before Next's router (under Next's async hooks); without, everything goes through Next.
 */
function nextOnThisThread(proxyFirst: boolean): void {
  const createServer = http.createServer;
  // Next creates exactly one server; wrap its request listener so route handlers learn the TCP peer (peer.ts).
  (http as { createServer: unknown }).createServer = (...args: unknown[]) => {
    const i = args.findIndex((a) => typeof a === "function");
    const next = args[i] as Listener | undefined;
    if (next) {
      args[i] = ((req, res) => {
        stampPeer(req);
        if (proxyFirst && req.url?.startsWith(PROXY_PREFIX)) void handleProxyNode(req, res);
        else gateRequest(req, res, next);
      }) satisfies Listener;
    }
    const server = (createServer as (...a: unknown[]) => http.Server)(...args);
    installGracefulShutdown(server);
    return server;
  };
  // Loaded at run time from the standalone node_modules, like the generated server.js.
  require("next");
  const { startServer } = require("next/dist/server/lib/start-server") as {
    startServer(o: Record<string, unknown>): Promise<void>;
  };
  startServer({
    dir,
    isDev: false,
    config: required.config,
    hostname,
    port,
    allowRetry: false,
    keepAliveTimeout,
  }).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
