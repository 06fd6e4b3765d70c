/**
 * What the proxy benches start: the built console on a fresh embedded database, pointed at an
 * upstream, with an admin and a personal token made through its ops socket, as an SDK would call it.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { exitOf, freePort, spawnServer, waitFor } from "./support";

export interface BenchConsole {
  url: string;
  pid: number;
  /** `authorization: Bearer <personal token>`. */
  auth: { authorization: string };
  /** Runs an ops CLI command against this console; its stdout, trimmed. */
  ops(...args: string[]): string;
  /** Stops the server and, once it has exited (its last ledger writes done), removes its data. */
  stop(): Promise<void>;
}

export async function startBenchConsole(
  name: string,
  upstreamUrl: string,
  key: string,
): Promise<BenchConsole> {
  const root = path.resolve(__dirname, "..");
  const entry = path.join(root, ".next/standalone/benchtop-server.cjs");
  if (!fs.existsSync(entry)) throw new Error("Run `npm run build` first.");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `benchtop-bench-${name}-`));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENAI_API_KEY: key,
    OPENAI_BASE_URL: upstreamUrl,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    // The server creates the admin as it starts (a separate `user:add` would open the database twice).
    CONSOLE_ADMIN_EMAIL: "bench@example.com",
    CONSOLE_ADMIN_PASSWORD: "bench-password-123",
  };
  delete env.DATABASE_URL;
  const child = spawnServer(entry, env);
  const stop = async () => {
    // Removing the directory while the server still flushes its ledger on SIGTERM races its writes
    // (ENOTEMPTY in CI): wait for the exit, and kill it if the shutdown hangs.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const hung = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(hung);
    }
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([waitFor(`${url}/api/health`, 30_000), exitOf(child)]);
    const ops = (...args: string[]) =>
      execFileSync("node", [path.join(root, ".next/standalone/console.mjs"), ...args], {
        env,
        cwd: root,
        encoding: "utf8",
      }).trim();
    const token = ops("token:create", "--email", "bench@example.com", "--name", "bench");
    return { url, pid: child.pid ?? 0, auth: { authorization: `Bearer ${token}` }, ops, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** One JSON POST over `agent`, timed: first and last byte from the start, bytes read. */
export function timedPost(
  agent: http.Agent,
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; ttfb: number; ttlb: number; bytes: number }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ttfb = 0;
    let bytes = 0;
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(text)),
          ...headers,
        },
      },
      (res) => {
        res.on("data", (c: Buffer) => {
          ttfb ||= performance.now() - t0;
          bytes += c.length;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, ttfb, ttlb: performance.now() - t0, bytes }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}
