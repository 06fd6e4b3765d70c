import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { expect, test } from "./fixtures";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";

/**
 * F5: a graceful restart must not lose the ledger of calls in flight. A second console, started
 * from the build with its own port and DATA_DIR (and, on a PostgreSQL run, its own database),
 * receives SIGTERM while 50 slow streams run through /api/v1; every client must get its whole
 * stream, the process must exit 0, and the ledger must hold all 50 calls.
 */
const STREAMS = 50;
const CHUNKS = 30;
const CHUNK_DELAY_MS = 100;
const dataDir = path.resolve("test-results/e2e-shutdown-data");
const logFile = path.resolve("test-results/shutdown-console.log");
const databaseUrl = E2E.databaseUrl ? withDatabase(E2E.databaseUrl, "benchtop_e2e_shutdown") : undefined;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function freshDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  const name = new URL(url).pathname.slice(1);
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves true once a new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect(port, "127.0.0.1");
    c.once("connect", () => {
      c.destroy();
      resolve(false);
    });
    c.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED"));
  });
}

async function countLedger(): Promise<number> {
  const sql = "select count(*)::int as n from ledger where path = '/v1/chat/completions' and not aborted";
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create(path.join(dataDir, "pglite"));
  try {
    return (await db.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
  } finally {
    await db.close();
  }
}

test("SIGTERM mid-stream: every stream completes, the ledger keeps every call, exit 0", async () => {
  test.setTimeout(180_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (databaseUrl) await freshDatabase(databaseUrl);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...E2E.consoleEnv,
    PORT: String(port),
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  if (!databaseUrl) delete env.DATABASE_URL;
  delete env.E2E_LOG_FILE;

  let log = "";
  const child: ChildProcess = spawn("node", [".next/standalone/benchtop-server.cjs"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => {
    log += d.toString("utf8");
  });
  child.stderr?.on("data", (d: Buffer) => {
    log += d.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

  try {
    await expect
      .poll(
        () =>
          fetch(`${url}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
    const token = execFileSync(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "lib/server/ops/cli.ts",
        "token:create",
        "--email",
        E2E.admin.email,
        "--name",
        "shutdown",
      ],
      { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    ).trim();
    expect(token).toMatch(/^bt_pat_/);

    await emulator.config({ streamChunkDelayMs: CHUNK_DELAY_MS, streamChunks: CHUNKS });
    const expected = Array.from({ length: CHUNKS }, (_, i) => ` t${i}`).join("");
    const body = (i: number) =>
      JSON.stringify({
        model: "gpt-4o-mini",
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: "user", content: `stream ${i}` }],
      });
    const started: Promise<void>[] = [];
    // One connection per stream, closed after it as curl does: nothing but the ledger keeps the
    // process alive once the last stream ends.
    const streams = Array.from({ length: STREAMS }, (_, i) => {
      let markStarted = () => {};
      started.push(new Promise<void>((r) => (markStarted = r)));
      return new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(`${url}/api/v1/chat/completions`, {
          method: "POST",
          agent: false,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        });
        req.on("response", (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => {
            text += d;
            markStarted();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end(body(i));
      });
    });
    await Promise.all(started);

    child.kill("SIGTERM");
    // No new connections once the signal is handled; the streams in flight go on.
    await expect.poll(() => refused(port), { timeout: 5_000 }).toBe(true);

    const results = await Promise.all(streams);
    for (const [i, r] of results.entries()) {
      expect(r.status, `stream ${i}`).toBe(200);
      const content = r.text
        .split("\n")
        .filter((l) => l.startsWith("data: {"))
        .map((l) => JSON.parse(l.slice(6)) as { choices: { delta?: { content?: string } }[] })
        .map((c) => c.choices[0]?.delta?.content ?? "")
        .join("");
      expect(content, `stream ${i} content`).toBe(expected);
      expect(r.text, `stream ${i} end`).toContain("data: [DONE]");
    }

    const { code, signal } = await exited;
    expect(await countLedger(), "ledger rows for the streams in flight").toBe(STREAMS);
    expect({ code, signal }, log).toEqual({ code: 0, signal: null });
    expect(log).toMatch(/SIGTERM.*waiting up to 30 s for \d+ requests? in flight/);
    expect(log).not.toContain(E2E.apiKey);
  } finally {
    fs.writeFileSync(logFile, log);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await emulator.config({ streamChunkDelayMs: 5, streamChunks: null });
  }
});
