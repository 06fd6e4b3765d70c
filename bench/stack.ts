/**
 * What every browser bench starts: the emulator, the built console on a fresh embedded database
 * with an admin, and Chromium; `close` stops them all.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { type Emulator, startEmulator } from "../lib/emulator/server";
import { chromiumExecutable } from "../scripts/ensure-browser.cjs";
import { BUILD_ROOT, exitOf, freePort, spawnServer, waitFor } from "./support";

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

export async function startStack(name: string): Promise<Stack> {
  const entry = path.join(BUILD_ROOT, ".next/standalone/benchtop-server.cjs");
  if (!fs.existsSync(entry)) throw new Error(`Run \`npm run build\` first (in ${BUILD_ROOT}).`);
  const emulator = await startEmulator({ apiKey: KEY, port: 0, controls: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `benchtop-bench-${name}-`));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: emulator.url,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    // The server creates the admin as it starts (a separate `user:add` would open the database twice).
    CONSOLE_ADMIN_EMAIL: EMAIL,
    CONSOLE_ADMIN_PASSWORD: PASSWORD,
  };
  delete env.DATABASE_URL;
  const server = spawnServer(entry, env);
  const base = `http://127.0.0.1:${port}`;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    server.kill();
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    browser = await chromium.launch({
      executablePath: chromiumExecutable(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    await Promise.race([waitFor(`${base}/api/health`, 30_000), exitOf(server)]);
  } catch (e) {
    await close();
    throw e;
  }
  return { emulator, base, server, browser, close };
}

/** Runs one browser bench on a stack of its own (its file run directly); exits non-zero if it fails. */
export function runOnOwnStack(name: string, bench: (stack: Stack) => Promise<void>): void {
  startStack(name)
    .then(async (stack) => {
      try {
        await bench(stack);
      } finally {
        await stack.close();
      }
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
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
