/**
 * Files benchmarks in Chromium (`npm run bench:files`, after `npm run build`). Not in CI.
 *
 * 1. Upload a large file (BENCH_UPLOAD_GB, default 2) through the browser in parts: throughput,
 *    and the console server's RSS sampled throughout; baseline: the same bytes sent by Node
 *    straight to the emulator's Uploads API in the same run.
 * 2. 5,000 files listed: load and scroll the list; long tasks and frame times, against 50 files.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { startEmulator } from "../lib/emulator/server";

const KEY = "sk-bench-0000000000000000";
const EMAIL = "bench@example.com";
const PASSWORD = "bench-password-123";
const GB = Number(process.env.BENCH_UPLOAD_GB ?? 2);
const KEEP_NAMES = "globalThis.__name = (f) => f;";
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function probe(page: Page, run: () => Promise<void>) {
  await page.evaluate(() => {
    const w = window as unknown as { __p: { long: number[]; frames: number[]; on: boolean } };
    w.__p = { long: [], frames: [], on: true };
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (w.__p.on) w.__p.long.push(e.duration);
    }).observe({ type: "longtask" });
    let last = performance.now();
    const tick = (t: number) => {
      if (!w.__p.on) return;
      w.__p.frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await run();
  const r = await page.evaluate(() => {
    const w = window as unknown as { __p: { long: number[]; frames: number[]; on: boolean } };
    w.__p.on = false;
    return w.__p;
  });
  const frames = r.frames.slice(1).sort((a, b) => a - b);
  return {
    longTasksOver50: r.long.filter((d) => d > 50).length,
    longestTaskMs: round(Math.max(0, ...r.long)),
    frameP99: round(frames[Math.floor(frames.length * 0.99)] ?? 0),
  };
}

async function listBench(page: Page, base: string, emulatorUrl: string, n: number) {
  // Files straight into the emulator: the list is what is measured, not the uploads.
  await fetch(`${new URL(emulatorUrl).origin}/__emulator/reset`, { method: "POST" });
  const form = () => {
    const f = new FormData();
    f.append("purpose", "user_data");
    return f;
  };
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, (_, k) => {
        const f = form();
        f.append("file", new Blob([`file ${i + k}`]), `doc-${String(i + k).padStart(5, "0")}.txt`);
        return fetch(`${emulatorUrl}/files`, {
          method: "POST",
          headers: { authorization: `Bearer ${KEY}` },
          body: f,
        });
      }),
    );
  }
  await page.goto(`${base}/settings`);
  await page.waitForLoadState("networkidle");
  const t0 = Date.now();
  let loadMs = 0;
  await page.waitForLoadState("networkidle");
  const load = await probe(page, async () => {
    // Client-side navigation, as a click on "Files" in the sidebar.
    await page.evaluate(() => (document.querySelector('a[href="/files"]') as HTMLAnchorElement).click());
    await page.getByTestId("file-row").first().waitFor();
    loadMs = Date.now() - t0;
  });
  const scroll = await probe(page, async () => {
    await page.evaluate(async () => {
      const box = document.querySelector('[data-testid="file-table"]') as HTMLElement;
      for (let y = 0; y < box.scrollHeight; y += 400) {
        box.scrollTop = y;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
    });
  });
  const rows = await page.getByTestId("file-row").count();
  return { files: n, loadMs, load, scroll, rowsInDom: rows };
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const server = path.join(root, ".next/standalone/benchtop-server.cjs");
  if (!fs.existsSync(server)) throw new Error("Run `npm run build` first.");
  const emulator = await startEmulator({ apiKey: KEY, port: 0 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-bench-files-"));
  const bigFile = path.join(dataDir, "big.bin");
  const port = 3990 + Math.floor(Math.random() * 9);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: emulator.url,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
  };
  delete env.DATABASE_URL;
  execFileSync(
    "node",
    [
      path.join(root, ".next/standalone/console.mjs"),
      "user:add",
      "--email",
      EMAIL,
      "--password",
      PASSWORD,
      "--role",
      "admin",
    ],
    { env, cwd: root },
  );
  const child: ChildProcess = spawn("node", [server], {
    env,
    cwd: path.dirname(server),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    await waitFor(`${base}/api/health`);
    // A sparse file: the disk holds nothing, the browser reads zeros.
    fs.writeFileSync(bigFile, "");
    fs.truncateSync(bigFile, GB * 1024 ** 3);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(KEEP_NAMES);
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: /sign in/i }).click();
    await page.waitForURL(/playground/);
    await page.goto(`${base}/files`);
    await page.getByTestId("upload-purpose").selectOption("assistants");

    const pid = child.pid ?? 0;
    const baseRss = rssMb(pid);
    let peak = baseRss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(pid));
    }, 100);
    const t0 = Date.now();
    await page.getByTestId("upload-input").setInputFiles(bigFile);
    await page.locator('[data-testid="upload"][data-status="done"]').waitFor({ timeout: 30 * 60_000 });
    const seconds = (Date.now() - t0) / 1000;
    clearInterval(sampler);

    // Baseline: Node sends the same parts straight to the emulator, 3 at a time.
    const direct = await (async () => {
      const part = Buffer.alloc(4 * 1024 * 1024);
      const parts = Math.ceil((GB * 1024 ** 3) / part.length);
      const up = (await (
        await fetch(`${emulator.url}/uploads`, {
          method: "POST",
          headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
          body: JSON.stringify({
            filename: "direct.bin",
            purpose: "assistants",
            bytes: parts * part.length,
            mime_type: "application/octet-stream",
          }),
        })
      ).json()) as { id: string };
      const t = Date.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 3 }, async () => {
          while (next < parts) {
            next++;
            const f = new FormData();
            f.append("data", new Blob([part]), "part");
            await fetch(`${emulator.url}/uploads/${up.id}/parts`, {
              method: "POST",
              headers: { authorization: `Bearer ${KEY}` },
              body: f,
            });
          }
        }),
      );
      return (Date.now() - t) / 1000;
    })();
    const mb = GB * 1024;
    const upload = {
      gb: GB,
      browserThroughProxyMBps: round(mb / seconds),
      nodeDirectMBps: round(mb / direct),
      ratio: round(direct / seconds, 2),
      serverRssMb: { before: round(baseRss), peak: round(peak), growth: round(peak - baseRss) },
    };
    const small = await listBench(page, base, emulator.url, 50);
    const large = await listBench(page, base, emulator.url, 5000);
    console.log(JSON.stringify({ upload, list: { baseline: small, large } }, null, 2));
  } finally {
    await browser.close();
    child.kill();
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
