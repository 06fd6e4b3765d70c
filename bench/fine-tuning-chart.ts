/**
 * Metric chart benchmark in Chromium (`npm run bench:fine-tuning-chart`; no build needed); CI runs it
 * in quick mode (one round, fewer hover moves).
 *
 * esbuild bundles bench/fine-tuning-chart/harness.tsx, which renders the app's own MetricsChart
 * (React + the uPlot engine, the code the job page runs) with a 20,000-step run of four lines, EMA
 * smoothing on (so eight drawn series), epoch and checkpoint markers. Measured: render() to the first
 * draw, against a plain canvas polyline of the same points in the same page (the baseline); then the
 * mouse sweeps across the plot while the page records long tasks and frame gaps.
 */
import path from "node:path";
import { type Browser, chromium } from "@playwright/test";
import { build } from "esbuild";
import { chromiumExecutable } from "../scripts/ensure-browser.cjs";
import { startProbe, stopProbe } from "./probe";
import { KEEP_NAMES } from "./stack";
import { mustHaveRun, option, pct, QUICK, round } from "./support";

const STEPS = option("BENCH_CHART_STEPS", 20_000, 20_000);
const ROUNDS = option("BENCH_CHART_ROUNDS", 7, 2);
const MOVES = option("BENCH_CHART_MOVES", 300, 60);
const BUDGET_MS = 100;

async function bundle(): Promise<{ js: string; css: string }> {
  const out = await build({
    entryPoints: [path.join(__dirname, "fine-tuning-chart/harness.tsx")],
    bundle: true,
    write: false,
    outdir: "/bench-out",
    format: "iife",
    jsx: "automatic",
    minify: true,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  const file = (ext: string) => out.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? "";
  return { js: file(".js"), css: file(".css") };
}

type BenchWindow = { bench: { renderChart(n: number): Promise<number>; baseline(n: number): number } };

export async function fineTuningChartBench(shared?: { browser: Browser }) {
  const { js, css } = await bundle();
  const browser =
    shared?.browser ??
    (await chromium.launch({
      executablePath: chromiumExecutable(),
      args: ["--no-sandbox", "--disable-gpu"],
    }));
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.setContent(
      `<!doctype html><style>${css}</style><body style="margin:20px"><div id="host"></div></body>`,
    );
    await page.addScriptTag({ content: `${KEEP_NAMES}\n${js}` });
    const chart: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      chart.push(await page.evaluate((n) => (window as unknown as BenchWindow).bench.renderChart(n), STEPS));
      base.push(await page.evaluate((n) => (window as unknown as BenchWindow).bench.baseline(n), STEPS));
    }
    await page.evaluate((n) => (window as unknown as BenchWindow).bench.renderChart(n), STEPS);
    const box = await page.locator(".u-over").boundingBox();
    if (!box) throw new Error("the chart's plot area is not on screen");
    await page.waitForTimeout(300);
    await startProbe(page);
    for (let i = 0; i <= MOVES; i++) {
      await page.mouse.move(
        box.x + (box.width * i) / MOVES,
        box.y + box.height * (0.3 + 0.4 * ((i % 20) / 20)),
      );
    }
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(300);
    const probe = await stopProbe(page);
    const legend = await page.getByTestId("chart-legend-step").textContent();
    // The first round includes the engine's one-time parse and JIT warm-up: reported, not in the median.
    const median = (xs: number[]) => pct(xs.slice(ROUNDS > 1 ? 1 : 0), 50, 0);
    const results = {
      steps: STEPS,
      series: "4 lines × (raw + EMA) = 8",
      rounds: ROUNDS,
      renderMs: { first: round(chart[0] ?? 0), median: round(median(chart)), max: round(Math.max(...chart)) },
      baselineMs: { first: round(base[0] ?? 0), median: round(median(base)) },
      hover: {
        moves: MOVES,
        longTasks: probe.long.length,
        longestTask: round(Math.max(0, ...probe.long)),
        frameP95: round(pct(probe.frames, 95, 0)),
        legend,
      },
    };
    console.log(JSON.stringify(results, null, 2));
    mustHaveRun([
      !legend?.startsWith("Step") && `hovering did not move the read-out (${legend})`,
      !QUICK &&
        median(chart) > BUDGET_MS &&
        `the chart took ${median(chart)} ms to render (budget ${BUDGET_MS} ms)`,
      !QUICK && probe.long.length > 0 && `hovering caused ${probe.long.length} long tasks`,
    ]);
    await page.close();
  } finally {
    if (!shared) await browser.close();
  }
}

if (require.main === module) {
  fineTuningChartBench().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
