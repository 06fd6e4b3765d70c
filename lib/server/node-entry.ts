/**
 * The production server (`npm start`, Docker): Next's standalone server, started exactly as the
 * generated server.js does, except that `/api/v1/*` is answered by the proxy before Next's router.
 * Next's routing alone costs 3–5 ms per request on a 2-core machine (docs/performance.md), which is
 * the proxy's whole latency budget. Everything else goes to Next unchanged.
 *
 * Bundled by `npm run build` into .next/standalone/benchtop-server.cjs.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { restrictUmask } from "./data-dir";
import { stampPeer } from "./peer";
import { PROXY_PREFIX } from "./proxy/constants";
import { handleProxyNode } from "./proxy/node";
import { gateRequest } from "./request-gate";
import { installGracefulShutdown } from "./shutdown";

// DATA_DIR is written from here on (database, generated secret, ops socket): owner-only.
restrictUmask();

const dir = __dirname;
(process.env as Record<string, string>).NODE_ENV = "production";
process.chdir(dir);

// The embedded database runs in a thread of its own (lib/server/db/pglite.ts); "0" keeps it here.
if (process.env.BENCHTOP_PGLITE_WORKER !== "0") {
  process.env.BENCHTOP_PGLITE_WORKER = path.join(dir, "pglite-worker.cjs");
}

const required = JSON.parse(fs.readFileSync(path.join(dir, ".next/required-server-files.json"), "utf8")) as {
  config: Record<string, unknown>;
};
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(required.config);

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const fastPath = process.env.BENCHTOP_PROXY_FAST_PATH !== "0";
const createServer = http.createServer;
// Next creates exactly one server; wrap its request listener so the proxy sees requests first and
// route handlers learn the TCP peer (peer.ts).
(http as { createServer: unknown }).createServer = (...args: unknown[]) => {
  const i = args.findIndex((a) => typeof a === "function");
  const next = args[i] as Listener | undefined;
  if (next) {
    args[i] = ((req, res) => {
      stampPeer(req);
      if (fastPath && req.url?.startsWith(PROXY_PREFIX)) void handleProxyNode(req, res);
      else gateRequest(req, res, next);
    }) satisfies Listener;
  }
  const server = (createServer as (...a: unknown[]) => http.Server)(...args);
  // SIGTERM/SIGINT drain this server, then write the ledger (lib/server/shutdown.ts).
  installGracefulShutdown(server);
  return server;
};

const port = Number.parseInt(process.env.PORT ?? "", 10) || 3000;
const hostname = process.env.HOSTNAME || "0.0.0.0";
const keepAlive = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? "", 10);

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
  keepAliveTimeout: Number.isFinite(keepAlive) && keepAlive >= 0 ? keepAlive : undefined,
}).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
