/**
 * Next's thread of the production server (node-entry.ts; docs/architecture.md, "Next in a worker
 * thread"). Next starts here as the generated standalone server.js starts it, but its server listens
 * on the Unix socket the main thread forwards pages and console routes to; `/api/v1/*` never reaches
 * this thread. Next's async hooks and timers stay in this thread's event loop, off the proxy's.
 *
 * Bundled by `npm run build` into .next/standalone/next-thread.cjs.
 */
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { trustStampedPeer } from "./peer";
import { startThreads } from "./threads";

const data = workerData as {
  socketPath: string;
  dir: string;
  config: Record<string, unknown>;
  hostname: string;
  port: number;
};
if (!parentPort) throw new Error("next-thread.ts runs as a worker thread of node-entry.ts");
const parent = parentPort;

startThreads();
trustStampedPeer();

const createServer = http.createServer;
// Next creates exactly one server: it listens on the socket, whatever port Next was given.
(http as { createServer: unknown }).createServer = (...args: unknown[]) => {
  const server = (createServer as (...a: unknown[]) => http.Server)(...args);
  const listen = server.listen.bind(server);
  server.listen = ((...a: unknown[]) => {
    const done = a.find((x) => typeof x === "function") as (() => void) | undefined;
    return listen(data.socketPath, () => {
      parent.postMessage({ listening: true });
      done?.();
    });
  }) as typeof server.listen;
  return server;
};

// Loaded at run time from the standalone node_modules, like the generated server.js.
require("next");
const { startServer } = require("next/dist/server/lib/start-server") as {
  startServer(o: Record<string, unknown>): Promise<void>;
};

startServer({
  dir: data.dir,
  isDev: false,
  config: data.config,
  // Next prints these as where it is reached, which the main thread's server is.
  hostname: data.hostname,
  port: data.port,
  allowRetry: false,
  // Its one client is the main thread's agent, which lets idle connections go first (to-next.ts).
  keepAliveTimeout: 10 * 60_000,
}).catch((err: unknown) => {
  console.error(err);
  parent.postMessage({ failed: String((err as Error)?.message ?? err) });
});
