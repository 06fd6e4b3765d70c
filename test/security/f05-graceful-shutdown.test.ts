import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type Db, getDb, setDbForTests } from "@/lib/server/db";
import { type LedgerEntry, record } from "@/lib/server/ledger";
import { handleProxyNode } from "@/lib/server/proxy/node";
import { installGracefulShutdown } from "@/lib/server/shutdown";
import { type Stack, startStack } from "./harness";

/**
 * F5, in process: the shutdown module on a Node server wired as node-entry.ts wires it. The real
 * signal, Next's handler and the built server are covered by e2e/security-shutdown.spec.ts; here
 * the parts that are slow or awkward there: the grace period running out, a second signal, and
 * idle keep-alive connections.
 */
let stack: Stack;
let db: Db;
let server: http.Server;
let port: number;
let uninstall: () => void;
let exits: number[];
let exited: Promise<number>;

const entry: LedgerEntry = {
  at: new Date(),
  userId: null,
  tokenId: null,
  method: "POST",
  path: "/v1/last-flush",
  model: null,
  status: 200,
  durationMs: 1,
  ttfbMs: null,
  upstreamRequestId: null,
  stream: false,
  aborted: false,
  errorType: null,
  errorCode: null,
  usage: null,
  requestBytes: 0,
  responseBytes: 0,
};

function signal(name: NodeJS.Signals): void {
  // The handler itself, not process.kill: the test runner's own signal handling stays out of it.
  const handler = process.listeners(name).at(-1) as (s: NodeJS.Signals) => void;
  handler(name);
}

function stream(i: number): Promise<{ text: string; complete: boolean }> {
  return new Promise((resolve) => {
    const req = http.request(`http://127.0.0.1:${port}/api/v1/chat/completions`, {
      method: "POST",
      agent: false,
      headers: { authorization: `Bearer ${stack.member.token}`, "content-type": "application/json" },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => {
        text += d;
      });
      res.on("end", () => resolve({ text, complete: text.includes("data: [DONE]") }));
      res.on("error", () => resolve({ text, complete: false }));
    });
    req.on("error", () => resolve({ text: "", complete: false }));
    req.end(
      JSON.stringify({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: `s${i}` }] }),
    );
  });
}

async function streamsStarted(n: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (stack.emulator.state.log.filter((r) => r.path === "/v1/chat/completions").length < n) {
    if (Date.now() > deadline) throw new Error("streams did not reach the upstream");
    await new Promise((r) => setTimeout(r, 20));
  }
  // Their first chunks are on the way back.
  await new Promise((r) => setTimeout(r, 100));
}

function refused(): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect(port, "127.0.0.1");
    c.once("connect", () => {
      c.destroy();
      resolve(false);
    });
    c.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED"));
  });
}

async function ledger(): Promise<{ aborted: boolean }[]> {
  return db.query<{ aborted: boolean }>(
    "select aborted from ledger where path = '/v1/chat/completions' order by id",
  );
}

beforeAll(async () => {
  stack = await startStack();
  db = await getDb();
}, 120_000);

afterAll(async () => {
  setDbForTests(db);
  await stack?.close();
});

function install(graceMs: number): void {
  // closeDb() at the end of a shutdown must not close the suite's database: the test reads it after.
  setDbForTests({ ...db, close: async () => {} });
  server = http.createServer((req, res) => void handleProxyNode(req, res));
  exits = [];
  exited = new Promise((resolve) => {
    uninstall = installGracefulShutdown(server, {
      graceMs,
      exit: (code) => {
        exits.push(code);
        resolve(code);
      },
    });
  });
}

beforeEach(async () => {
  await db.exec("delete from ledger");
  stack.emulator.state.log.length = 0;
  stack.emulator.state.config.streamChunks = 20;
  stack.emulator.state.config.streamChunkDelayMs = 50;
});

afterEach(async () => {
  uninstall?.();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

async function listen(): Promise<void> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
}

describe("F5 graceful shutdown", { timeout: 60_000 }, () => {
  it("waits for the streams in flight, then writes every call to the ledger and exits 0", async () => {
    install(30_000);
    await listen();
    const streams = Array.from({ length: 8 }, (_, i) => stream(i));
    await streamsStarted(8);
    signal("SIGTERM");
    expect(await refused()).toBe(true);
    expect(exits).toEqual([]);
    const results = await Promise.all(streams);
    expect(results.map((r) => r.complete)).toEqual(Array(8).fill(true));
    expect(await exited).toBe(0);
    expect(await ledger()).toEqual(Array(8).fill({ aborted: false }));
  });

  it("cuts what still runs when the grace period ends, and records it as aborted", async () => {
    stack.emulator.state.config.streamChunkDelayMs = 500;
    install(300);
    await listen();
    const streams = Array.from({ length: 4 }, (_, i) => stream(i));
    await streamsStarted(4);
    const t0 = Date.now();
    signal("SIGINT");
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect((await Promise.all(streams)).map((r) => r.complete)).toEqual(Array(4).fill(false));
    expect(await ledger()).toEqual(Array(4).fill({ aborted: true }));
  });

  it("a second signal exits at once after writing the ledger; an immediate repeat does not", async () => {
    stack.emulator.state.config.streamChunkDelayMs = 500;
    install(30_000);
    await listen();
    const streams = Array.from({ length: 3 }, (_, i) => stream(i));
    await streamsStarted(3);
    signal("SIGINT");
    signal("SIGINT"); // Ctrl-C under npm: the terminal's and npm's copy of one signal.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(exits).toEqual([]);
    // Queued, not yet written (the ledger writes every 250 ms): only the last flush can save it.
    record({ ...entry, at: new Date() });
    const t0 = Date.now();
    signal("SIGTERM");
    expect(await exited).toBe(143);
    expect(Date.now() - t0).toBeLessThan(2_500);
    expect(await db.query("select 1 from ledger where path = '/v1/last-flush'")).toHaveLength(1);
    // Let the first, graceful shutdown end before the next test installs another.
    const log = vi.spyOn(console, "log");
    server.closeAllConnections();
    await Promise.all(streams);
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringMatching(/ledger written/)));
    log.mockRestore();
  });

  it("an idle keep-alive connection does not hold the exit", async () => {
    install(30_000);
    await listen();
    const agent = new http.Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(
          `http://127.0.0.1:${port}/api/v1/models`,
          { agent, headers: { authorization: "Bearer x" } },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        )
        .on("error", reject);
    });
    expect(status).toBe(401);
    const t0 = Date.now();
    signal("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(2_000);
    agent.destroy();
  });
});
