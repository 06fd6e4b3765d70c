/**
 * The page side of bench/fine-tuning-chart.ts, bundled with esbuild: the app's own MetricsChart (and
 * its uPlot engine) on synthetic runs, and the baseline, a plain canvas polyline of the same points.
 */
import { createRoot, type Root } from "react-dom/client";
import { type ChartLine, MetricsChart } from "@/components/fine-tuning/charts/metrics-chart";

function run(steps: number): ChartLine[] {
  const xs = Array.from({ length: steps }, (_, i) => i + 1);
  let seed = 7;
  const noise = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647 - 0.5;
  };
  const curve = (scale: number, every: number) =>
    xs.map((s) =>
      s % every === 0 ? (2 * Math.exp((-3 * s) / steps) + 0.2) * (1 + noise() * 0.24) * scale : null,
    );
  return [
    { id: "train", label: "Train", steps: xs, values: curve(1, 1) },
    { id: "valid", label: "Validation", steps: xs, values: curve(1.1, 25) },
    { id: "full", label: "Full validation", steps: xs, values: curve(1.15, Math.floor(steps / 3)) },
    { id: "acc", label: "Accuracy", steps: xs, values: xs.map((s) => 1 - 0.5 * Math.exp((-3 * s) / steps)) },
  ];
}

let root: Root | null = null;
const WIDTH = 900;
const HEIGHT = 320;

/** Milliseconds from render() to the chart's first draw. The engine is loaded beforehand (once). */
async function renderChart(steps: number): Promise<number> {
  await import("@/components/fine-tuning/charts/chart-engine");
  const host = document.getElementById("host") as HTMLElement;
  root?.unmount();
  host.innerHTML = "";
  const el = document.createElement("div");
  el.style.width = `${WIDTH}px`;
  host.append(el);
  const lines = run(steps);
  const marks = [1, 2, 3].map((e) => ({ step: Math.floor((steps * e) / 3), label: `ckpt ${e}` }));
  return new Promise((resolve) => {
    const t0 = performance.now();
    let done = false;
    root = createRoot(el);
    root.render(
      <MetricsChart
        title="Loss"
        lines={lines}
        epochEnds={marks.map((m) => m.step)}
        checkpoints={marks}
        exportName="bench"
        height={HEIGHT}
        onDraw={() => {
          if (!done) resolve(performance.now() - t0);
          done = true;
        }}
      />,
    );
  });
}

/** The same points (raw and, as the chart smooths by default, a second line each) as bare polylines. */
function baseline(steps: number): number {
  const host = document.getElementById("host") as HTMLElement;
  root?.unmount();
  root = null;
  host.innerHTML = "";
  const t0 = performance.now();
  const dpr = devicePixelRatio;
  const canvas = document.createElement("canvas");
  canvas.width = WIDTH * dpr;
  canvas.height = HEIGHT * dpr;
  canvas.style.width = `${WIDTH}px`;
  host.append(canvas);
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  for (const line of run(steps)) {
    for (let pass = 0; pass < 2; pass++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < line.values.length; i++) {
        const v = line.values[i];
        if (v != null) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
      }
      ctx.beginPath();
      let started = false;
      for (let i = 0; i < line.values.length; i++) {
        const v = line.values[i];
        if (v == null) continue;
        const x = (i / line.values.length) * canvas.width;
        const y = canvas.height - ((v - lo) / (hi - lo || 1)) * canvas.height;
        if (started) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        started = true;
      }
      ctx.stroke();
    }
  }
  // Reading a pixel makes the canvas finish drawing before the clock stops.
  ctx.getImageData(0, 0, 1, 1);
  return performance.now() - t0;
}

Object.assign(window, { bench: { renderChart, baseline } });
