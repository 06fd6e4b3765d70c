/**
 * Fine-tuning data validation in Chromium (`npm run bench:fine-tuning-validate`, after `npm run
 * build`; bench:quick runs it at 4 MB).
 *
 * A harness, not the built page: esbuild bundles the page's own worker (lib/fine-tuning/validate/
 * worker.ts, with tiktoken's WASM served beside it) and a baseline worker that splits the same
 * stream with the same LineSplitter and only JSON.parses each line. A plain page makes the JSONL
 * (100 MB of chat examples, 1% bad lines) as a Blob, then, with a PerformanceObserver for long
 * tasks on the page, runs the baseline and the validator over it and reports MB/s for each and the
 * long tasks seen while each ran. Driving /fine-tuning/new would add a file picker of 100 MB over
 * CDP and measure the same worker; the harness keeps the run short and the figure about the worker.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { build } from "esbuild";
import { KEEP_NAMES, runOnOwnStack } from "./stack";
import { option, round } from "./support";

const ROOT = path.join(__dirname, "..");
const MEGABYTES = option("BENCH_FT_MB", 100, 4);

const BASELINE = `
  import { LineSplitter } from "@/lib/fine-tuning/validate/run";
  self.onmessage = async (e) => {
    const t0 = performance.now();
    let lines = 0, bad = 0;
    const s = new LineSplitter((line) => {
      lines++;
      try { JSON.parse(line); } catch { bad++; }
    });
    const reader = e.data.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      s.push(value);
    }
    s.end();
    self.postMessage({ ms: performance.now() - t0, lines, bad });
  };`;

async function bundle(): Promise<Record<string, string>> {
  const common = { bundle: true, format: "esm", platform: "browser", write: false, minify: true } as const;
  const validator = await build({
    ...common,
    entryPoints: [path.join(ROOT, "lib/fine-tuning/validate/worker.ts")],
  });
  const baseline = await build({ ...common, stdin: { contents: BASELINE, resolveDir: ROOT, loader: "ts" } });
  return {
    "/validator.js": validator.outputFiles[0]?.text ?? "",
    "/baseline.js": baseline.outputFiles[0]?.text ?? "",
    "/": "<!doctype html><title>validate</title><p id=progress></p>",
  };
}

async function serve(files: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const wasm = fs.readFileSync(path.join(ROOT, "node_modules/tiktoken/lite/tiktoken_bg.wasm"));
  const server = http.createServer((req, res) => {
    const p = (req.url ?? "/").split("?")[0] ?? "/";
    if (p.endsWith(".wasm")) {
      res.writeHead(200, { "content-type": "application/wasm" }).end(wasm);
      return;
    }
    const body = files[p];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": p === "/" ? "text/html" : "text/javascript" }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export interface ValidateFigures {
  megabytes: number;
  examples: number;
  errors: number;
  baselineMBps: number;
  validatorMBps: number;
  ratio: number;
  longTasksBaseline: number;
  longTasksValidator: number;
  longestTaskMs: number;
}

export async function fineTuningValidateBench(stack: { browser: Browser }): Promise<ValidateFigures> {
  const server = await serve(await bundle());
  const context = await stack.browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(KEEP_NAMES);
    await page.goto(server.url);
    const r = await page.evaluate(async (megabytes) => {
      const lines: string[] = [];
      for (let i = 0; i < 997; i++) {
        const words = Array.from({ length: 20 + (i % 80) }, (_, j) => `word${(i * 31 + j) % 977}`).join(" ");
        lines.push(
          i % 100 === 7
            ? `{"messages": [{"role": "agent", "content": "${words}"}]}`
            : JSON.stringify({
                messages: [
                  { role: "system", content: "You answer questions about the catalogue." },
                  { role: "user", content: `Question ${i}: ${words}?` },
                  { role: "assistant", content: `Answer ${i}: ${words}.` },
                ],
              }),
        );
      }
      const parts: string[] = [];
      let bytes = 0;
      for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
        const l = `${lines[i % lines.length]}\n`;
        parts.push(l);
        bytes += l.length;
      }
      const blob = new Blob(parts, { type: "application/jsonl" });
      await new Promise((r) => setTimeout(r, 200));
      const tasks: { start: number; duration: number }[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      });
      observer.observe({ type: "longtask", buffered: false });
      const progress = document.getElementById("progress") as HTMLElement;
      const within = (a: number, b: number) => tasks.filter((t) => t.start >= a && t.start <= b);

      const b0 = performance.now();
      const baseline = await new Promise<{ ms: number; lines: number }>((resolve) => {
        const w = new Worker("/baseline.js", { type: "module" });
        w.onmessage = (e) => {
          w.terminate();
          resolve(e.data);
        };
        w.postMessage(blob);
      });
      const b1 = performance.now();
      const v0 = performance.now();
      const validated = await new Promise<{ report: { examples: number; errorCount: number }; ms: number }>(
        (resolve, reject) => {
          const w = new Worker("/validator.js", { type: "module" });
          w.onmessage = (e) => {
            const m = e.data;
            if (m.op === "progress") progress.textContent = `${m.bytes} / ${m.total} bytes, ${m.lines} lines`;
            else if (m.op === "done") resolve(m);
            else reject(new Error(m.error ?? m.op));
          };
          w.postMessage({
            op: "validate",
            id: 1,
            file: blob,
            method: "supervised",
            encoding: "o200k_base",
            contextTokens: 65_536,
            trainingPrice: 5,
            key: "training",
          });
        },
      );
      const v1 = performance.now();
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      return {
        size: blob.size,
        baselineMs: b1 - b0,
        validatorMs: v1 - v0,
        workerMs: validated.ms,
        examples: validated.report.examples,
        errors: validated.report.errorCount,
        baselineTasks: within(b0, b1),
        validatorTasks: within(v0, v1),
        baselineLines: baseline.lines,
      };
    }, MEGABYTES);
    const mb = r.size / (1024 * 1024);
    const figures: ValidateFigures = {
      megabytes: round(mb),
      examples: r.examples,
      errors: r.errors,
      baselineMBps: round(mb / (r.baselineMs / 1000)),
      validatorMBps: round(mb / (r.validatorMs / 1000)),
      ratio: round(r.validatorMs / r.baselineMs, 1),
      longTasksBaseline: r.baselineTasks.length,
      longTasksValidator: r.validatorTasks.length,
      longestTaskMs: round(Math.max(0, ...r.validatorTasks.map((t) => t.duration))),
    };
    console.log(
      `fine-tuning validate: ${figures.megabytes} MB, ${figures.examples} examples (${figures.errors} errors); ` +
        `JSON.parse loop ${figures.baselineMBps} MB/s, validator (checks + tiktoken counts) ${figures.validatorMBps} MB/s ` +
        `(${figures.ratio}× the time); long tasks on the page: ${figures.longTasksBaseline} during the baseline, ` +
        `${figures.longTasksValidator} during validation (longest ${figures.longestTaskMs} ms)`,
    );
    if (r.examples !== r.baselineLines)
      throw new Error(`line counts differ: ${r.examples} vs ${r.baselineLines}`);
    if (figures.longTasksValidator > 0) throw new Error("validation made long tasks on the page");
    return figures;
  } finally {
    await context.close();
    await server.close();
  }
}

if (require.main === module)
  runOnOwnStack("fine-tuning-validate", async (stack) => void (await fineTuningValidateBench(stack)));
