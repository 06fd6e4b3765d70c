/**
 * What every browser bench starts: the emulator, the built console on a fresh embedded database
 * with an admin, and Chromium; `close` stops them all.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { type Emulator, startEmulator } from "../lib/emulator/server";

export const KEY = "sk-bench-0000000000000000";
export const EMAIL = "bench@example.com";
export const PASSWORD = "bench-password-123";
// tsx compiles functions passed to page.evaluate with esbuild's keepNames, which calls __name().
export const KEEP_NAMES = "globalThis.__name = (f) => f;";

export interface Stack {
  emulator: Emulator;
  base: string;
  server: ChildProcess;
  browser: Browser;
  close(): Promise<void>;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

export async function startStack(name: string, portBase: number): Promise<Stack> {
  const root = path.resolve(__dirname, "..");
  const entry = path.join(root, ".next/standalone/benchtop-server.cjs");
  if (!fs.existsSync(entry)) throw new Error("Run `npm run build` first.");
  const emulator = await startEmulator({ apiKey: KEY, port: 0, controls: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `benchtop-bench-${name}-`));
  const port = portBase + Math.floor(Math.random() * 40);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: emulator.url,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
  };
  delete env.DATABASE_URL;
  const cli = path.join(root, ".next/standalone/console.mjs");
  execFileSync("node", [cli, "user:add", "--email", EMAIL, "--password", PASSWORD, "--role", "admin"], {
    env,
    cwd: root,
  });
  const server = spawn("node", [entry], {
    env,
    cwd: path.dirname(entry),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath:
      process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  await waitFor(`${base}/api/health`, 30_000);
  return {
    emulator,
    base,
    server,
    browser,
    async close() {
      await browser.close();
      server.kill();
      await emulator.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A page signed in as the bench admin, with the keepNames shim installed. */
export async function signedInPage(stack: Stack, page?: Page): Promise<Page> {
  const p = page ?? (await stack.browser.newPage({ viewport: { width: 1400, height: 900 } }));
  await p.addInitScript(KEEP_NAMES);
  await p.goto(`${stack.base}/sign-in`);
  await p.getByLabel("Email").fill(EMAIL);
  await p.getByLabel("Password").fill(PASSWORD);
  await p.getByRole("button", { name: /sign in/i }).click();
  await p.waitForURL(/playground/);
  return p;
}
