/**
 * Tokenizer benchmark in Chromium (`npm run bench:tokenizer`, after `npm run build`); CI runs it in
 * quick mode (`bench/support.ts`: 50 KB, one paste, 1 s of typing).
 *
 * 1. Tokenize 1 MB of mixed text (`bench/mixed-text.ts`) on the /tokenizer page: the worker's time
 *    (encode + segments + counts) and paste-to-counts on screen; against js-tiktoken (pure JS)
 *    encoding the same text in a Web Worker of the same page, in the same run. Token counts must agree.
 * 2. Typing while the page holds that megabyte: long tasks (> 50 ms) and key-to-frame latency,
 *    against the same typing with a 1 KB text in the same run (the summary gives the ratios).
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { build } from "esbuild";
import { mixedText } from "./mixed-text";
import { runOnOwnStack, type Stack, signedInPage } from "./stack";
import { pct, QUICK, round } from "./support";

const RUNS = QUICK ? 1 : 3;
const TEXT_CHARS = QUICK ? 50_000 : 1_000_000;
const TYPING_MS = QUICK ? 1000 : 6000;
/** Longest wait for one text's counts: the megabyte takes 1–2 s here, 10× that on a loaded machine. */
const TOKENIZE_TIMEOUT_MS = QUICK ? 30_000 : 120_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** js-tiktoken with the o200k_base ranks, as the source of a classic worker script. */
async function jsTiktokenWorker(root: string): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { Tiktoken } from "js-tiktoken/lite";
        import o200k from "js-tiktoken/ranks/o200k_base";
        let enc = null;
        self.onmessage = (e) => {
          const t0 = performance.now();
          if (!enc) enc = new Tiktoken(o200k);
          const t1 = performance.now();
          const n = enc.encode(e.data).length;
          self.postMessage({ initMs: t1 - t0, encodeMs: performance.now() - t1, tokens: n });
        };`,
      resolveDir: root,
      loader: "js",
    },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    minify: true,
    logLevel: "warning",
  });
  return out.outputFiles[0]?.text ?? "";
}

/**
 * Pastes `text` over the box's content, as Ctrl+V would (a synthetic paste event). The text is put
 * in the page first, in a task of its own: Playwright's transfer of a megabyte into the page is not
 * part of a paste (it took 60–350 ms of the paste's task when it was sent with the event).
 */
async function paste(page: Page, text: string): Promise<number> {
  await page.evaluate((value) => {
    (window as unknown as { __pasteText: string }).__pasteText = value;
  }, text);
  // Long-task entries arrive after their task: let the transfer's arrive before the paste's count.
  await page.waitForTimeout(300);
  const box = page.getByTestId("tokenizer-text");
  await box.focus();
  await page.keyboard.press("Control+a");
  const ms = await box.evaluate((el) => {
    const w = window as unknown as { __pasteText: string; __t0: number; __pasteLong?: number[] };
    if (w.__pasteLong) w.__pasteLong.length = 0;
    const data = new DataTransfer();
    data.setData("text/plain", w.__pasteText);
    w.__pasteText = "";
    const t = performance.now();
    w.__t0 = t;
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    return performance.now() - t;
  });
  return ms;
}

/** Paste, then wait until the counts on screen are for this text; returns wall time and worker time. */
async function tokenizeOnPage(page: Page, text: string) {
  await page.evaluate(() => {
    const w = window as unknown as {
      __t0: number;
      __pasteLong: number[];
      __pasteProbe?: PerformanceObserver;
    };
    w.__pasteLong = [];
    w.__pasteProbe ??= new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__pasteLong.push(e.duration);
    });
    w.__pasteProbe.observe({ type: "longtask", buffered: false });
  });
  const dispatchMs = await paste(page, text);
  await page.waitForFunction(
    (len) => {
      const stats = document.querySelector<HTMLElement>('[data-testid="token-stats"]');
      const view = document.querySelector<HTMLElement>('[data-testid="token-view"]');
      return (
        stats?.dataset.chars === String(len) &&
        stats?.dataset.pending === "false" &&
        view?.dataset.laidOut === "true" &&
        view.querySelector("[data-seg]") !== null
      );
    },
    [...text].length,
    { timeout: TOKENIZE_TIMEOUT_MS, polling: "raf" },
  );
  const wallMs = await page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0);
  // What follows the counts: the rest of the row layout and the draft's write to localStorage.
  await page.waitForTimeout(2500);
  const onPage = await page.evaluate(() => {
    const stats = document.querySelector<HTMLElement>('[data-testid="token-stats"]');
    const w = window as unknown as { __pasteLong: number[] };
    return {
      /** Long tasks from the paste until 2.5 s after the counts and the first rows were on screen. */
      longTasks: w.__pasteLong.map((d) => Math.round(d)),
      workerMs: Number(stats?.dataset.ms),
      tokens: Number(stats?.dataset.tokens),
      drawnSegments: document.querySelectorAll('[data-testid="token-view"] [data-seg]').length,
    };
  });
  return { ...onPage, wallMs, pasteEventMs: dispatchMs };
}

/**
 * The page's CSP admits workers from its own origin only (`worker-src 'self'`), so the worker script
 * is served at a same-origin path by Playwright rather than from a blob: URL.
 */
async function jsTiktokenOnPage(page: Page, source: string, text: string) {
  const workerPath = "/__bench/js-tiktoken-worker.js";
  await page.route(`**${workerPath}`, (route) =>
    route.fulfill({ contentType: "text/javascript", body: source }),
  );
  return page.evaluate(
    async ({ workerPath, text, runs, timeoutMs }) => {
      const worker = new Worker(workerPath);
      const results: { initMs: number; encodeMs: number; tokens: number }[] = [];
      try {
        for (let i = 0; i < runs; i++) {
          results.push(
            // A worker that fails to load (or throws) never answers: bound the wait.
            await new Promise((resolve, reject) => {
              const timer = setTimeout(
                () => reject(new Error("js-tiktoken's worker did not answer")),
                timeoutMs,
              );
              worker.onmessage = (e) => {
                clearTimeout(timer);
                resolve(e.data);
              };
              worker.onerror = (e) => {
                clearTimeout(timer);
                reject(new Error(`js-tiktoken's worker failed: ${e.message}`));
              };
              worker.postMessage(`${text}${"!".repeat(i + 1)}`);
            }),
          );
        }
      } finally {
        worker.terminate();
      }
      return results;
    },
    { workerPath, text, runs: RUNS, timeoutMs: TOKENIZE_TIMEOUT_MS },
  );
}

/** Types a key every 50 ms at the end of the box for `ms`; long tasks and key-to-frame latency. */
async function typing(page: Page, ms: number) {
  await page.evaluate(() => {
    const w = window as unknown as { __probe: { long: number[]; keys: number[]; on: boolean } };
    w.__probe = { long: [], keys: [], on: true };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (w.__probe.on) w.__probe.long.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
    window.addEventListener("keydown", (e) => {
      const t = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => w.__probe.keys.push(performance.now() - t), 0));
    });
  });
  const box = page.getByTestId("tokenizer-text");
  await box.focus();
  await box.press("Control+End");
  const until = Date.now() + ms;
  let typed = 0;
  while (Date.now() < until) {
    await page.keyboard.press(typed % 12 === 11 ? "Space" : "a");
    typed++;
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(1500); // the last tokenization lands while we still listen
  const r = await page.evaluate(() => {
    const w = window as unknown as { __probe: { long: number[]; keys: number[]; on: boolean } };
    w.__probe.on = false;
    return w.__probe;
  });
  return {
    keys: typed,
    longTasks: r.long.length,
    longTasksOver50: r.long.filter((d) => d > 50).length,
    longestTaskMs: round(Math.max(0, ...r.long)),
    keyToFrameP50: round(pct(r.keys, 50, 0)),
    keyToFrameP99: round(pct(r.keys, 99, 0)),
  };
}

export async function tokenizerBench(stack: Stack): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const { base } = stack;
  const page = await signedInPage(stack);
  await page.goto(`${base}/tokenizer`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/tokenizer`);
  await page.getByTestId("tokenizer-text").waitFor();

  const text = mixedText(TEXT_CHARS);
  const bytes = Buffer.byteLength(text, "utf8");
  // Warm up: the worker, the WASM and o200k's ranks load once per page.
  await tokenizeOnPage(page, "warm up");
  const ours = [];
  for (let i = 0; i < RUNS; i++) ours.push(await tokenizeOnPage(page, `${text}${"!".repeat(i + 1)}`));
  const js = await jsTiktokenOnPage(page, await jsTiktokenWorker(root), text);
  for (let i = 0; i < RUNS; i++) {
    if (ours[i]?.tokens !== js[i]?.tokens) {
      throw new Error(`token counts differ: Benchtop ${ours[i]?.tokens}, js-tiktoken ${js[i]?.tokens}`);
    }
  }
  const oursWorker = median(ours.map((r) => r.workerMs));
  const jsEncode = median(js.map((r) => r.encodeMs));

  const large = await typing(page, TYPING_MS);
  await paste(page, text.slice(0, 1000));
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('[data-testid="token-stats"]')?.dataset.pending === "false",
  );
  const small = await typing(page, TYPING_MS);

  const result = {
    text: { chars: text.length, bytes, tokens: ours[0]?.tokens },
    tokenize1MB: {
      benchtopWorkerMs: round(oursWorker),
      benchtopPasteToScreenMs: round(median(ours.map((r) => r.wallMs))),
      jsTiktokenEncodeMs: round(jsEncode),
      jsTiktokenInitMs: round(js[0]?.initMs ?? 0),
      speedup: round(jsEncode / Math.max(1, oursWorker), 2),
      runs: { benchtop: ours.map((r) => round(r.workerMs)), jsTiktoken: js.map((r) => round(r.encodeMs)) },
      segmentsInDom: ours.at(-1)?.drawnSegments,
      longTasksWhilePasting: ours.map((r) => r.longTasks),
      pasteEventMs: ours.map((r) => round(r.pasteEventMs)),
    },
    typing: { withOneKB: small, withOneMB: large },
    summary: {
      pasteLongestTaskMs: ours.map((r) => Math.max(0, ...r.longTasks)),
      typingLongestTaskMs: { oneKB: small.longestTaskMs, oneMB: large.longestTaskMs },
      keyToFrameP99: { oneKB: small.keyToFrameP99, oneMB: large.keyToFrameP99 },
      /** 1 MB against the 1 KB baseline of the same run. */
      p99Ratio: round(large.keyToFrameP99 / Math.max(1, small.keyToFrameP99), 2),
      p50Ratio: round(large.keyToFrameP50 / Math.max(1, small.keyToFrameP50), 2),
    },
  };
  console.log(JSON.stringify(result, null, 2));
  if (!QUICK) {
    fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
    fs.writeFileSync(path.join(root, "bench/results/tokenizer.json"), JSON.stringify(result, null, 2));
  }
}

if (require.main === module) runOnOwnStack("tok", tokenizerBench);
