/**
 * Files benchmarks in Chromium (`npm run bench:files`, after `npm run build`); CI runs them in quick
 * mode (`bench/support.ts`: 16 MiB, 200 files).
 *
 * 1. Upload a large file (BENCH_UPLOAD_GB, default 2) through the browser in parts: throughput,
 *    and the console server's RSS sampled throughout; baseline: the same bytes sent by Node
 *    straight to the emulator's Uploads API in the same run.
 * 2. 5,000 files listed: load and scroll the list; long tasks and frame times, against 50 files.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { KEY, runOnOwnStack, type Stack, signedInPage } from "./stack";
import { mustHaveRun, option, QUICK, round } from "./support";

const GB = option("BENCH_UPLOAD_GB", 2, 1 / 64);
const BYTES = Math.round(GB * 1024 ** 3);
const LARGE_LIST = QUICK ? 200 : 5000;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
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
        }).then((res) => {
          if (!res.ok) throw new Error(`the emulator refused a file: HTTP ${res.status}`);
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

export async function filesBench(stack: Stack): Promise<void> {
  const { base, emulator } = stack;
  const child = stack.server;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-bench-bigfile-"));
  const bigFile = path.join(dataDir, "big.bin");
  try {
    // A sparse file: the disk holds nothing, the browser reads zeros.
    fs.writeFileSync(bigFile, "");
    fs.truncateSync(bigFile, BYTES);
    const page = await signedInPage(stack);
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
    const upload = page.getByTestId("upload");
    await page
      .locator(
        '[data-testid="upload"]:is([data-status="done"], [data-status="error"], [data-status="cancelled"])',
      )
      .waitFor({ timeout: QUICK ? 120_000 : 30 * 60_000 });
    const seconds = (Date.now() - t0) / 1000;
    clearInterval(sampler);
    const status = await upload.getAttribute("data-status");
    if (status !== "done") throw new Error(`the upload ended ${status}: ${await upload.textContent()}`);

    // Baseline: Node sends the same parts straight to the emulator, 3 at a time.
    const direct = await (async () => {
      const part = Buffer.alloc(4 * 1024 * 1024);
      const parts = Math.ceil(BYTES / part.length);
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
            const res = await fetch(`${emulator.url}/uploads/${up.id}/parts`, {
              method: "POST",
              headers: { authorization: `Bearer ${KEY}` },
              body: f,
            });
            if (!res.ok) throw new Error(`the emulator refused a part: HTTP ${res.status}`);
          }
        }),
      );
      return (Date.now() - t) / 1000;
    })();
    const mb = BYTES / 1024 ** 2;
    const uploadResult = {
      gb: GB,
      browserThroughProxyMBps: round(mb / seconds),
      nodeDirectMBps: round(mb / direct),
      ratio: round(direct / seconds, 2),
      serverRssMb: { before: round(baseRss), peak: round(peak), growth: round(peak - baseRss) },
    };
    const small = await listBench(page, base, emulator.url, 50);
    const large = await listBench(page, base, emulator.url, LARGE_LIST);
    console.log(JSON.stringify({ upload: uploadResult, list: { baseline: small, large } }, null, 2));
    mustHaveRun([(small.rowsInDom === 0 || large.rowsInDom === 0) && "the file list showed no rows"]);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) runOnOwnStack("files", filesBench);
