import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { type ChartTheme, seriesColor } from "@/components/ui/chart-theme";
import type { StackedData } from "../usage-data";

const DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * The uPlot side of the usage chart, loaded only when the chart mounts (stacked-chart.tsx imports it
 * dynamically). Bars are stacked by drawing each key's running total, the tallest first, so each
 * shorter bar paints over the one before: the visible band of a key is its own value.
 */
export interface StackedEngine {
  setData(data: StackedData): void;
  setSize(width: number, height: number): void;
  cursorTo(idx: number): void;
  canvas(): HTMLCanvasElement;
  destroy(): void;
}

export interface StackedOptions {
  width: number;
  height: number;
  theme: ChartTheme;
  bucket: "hour" | "day";
  formatValue(v: number): string;
  onCursor(idx: number | null): void;
}

/** Running totals per series, bottom (first) to top (last). */
export function cumulative(data: StackedData): number[][] {
  const out: number[][] = [];
  let prev = data.xs.map(() => 0);
  for (const s of data.series) {
    const next = prev.map((p, i) => p + (s.values[i] ?? 0));
    out.push(next);
    prev = next;
  }
  return out;
}

export function createStackedEngine(
  root: HTMLElement,
  first: StackedData,
  opts: StackedOptions,
): StackedEngine {
  const { theme } = opts;
  const axis = {
    stroke: theme.muted,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    font: `11px ${theme.font}`,
  };
  const bars = uPlot.paths.bars?.({ size: [0.8, 48], align: 0 });
  let data = first;

  /** Half a bucket, in seconds: bars sit at the bucket's middle. */
  const half = opts.bucket === "hour" ? 1_800 : 43_200;
  const aligned = (d: StackedData): uPlot.AlignedData => {
    // The tallest stack is drawn first, so its colour shows only above the next one down.
    const stacks = cumulative(d).reverse();
    return [d.xs.map((x) => x + half), ...stacks] as uPlot.AlignedData;
  };
  const series = (d: StackedData): uPlot.Series[] => [
    {},
    ...d.series
      .map((s, i) => {
        const color = seriesColor(theme, i);
        return { label: s.label, fill: color, stroke: color, width: 0, paths: bars, points: { show: false } };
      })
      .reverse(),
  ];

  // Day bars sit at noon: a tick under each bar (or every nth, as room allows) with the date alone,
  // not uPlot's hour ticks between them.
  const daySplits = (u: uPlot) => {
    const xs = u.data[0] as number[];
    const fits = Math.max(1, Math.floor(u.width / 72));
    const step = Math.max(1, Math.ceil(xs.length / fits));
    return xs.filter((_, i) => i % step === 0);
  };
  const dayLabels = (_u: uPlot, splits: number[]) => splits.map((v) => DAY.format(new Date(v * 1000)));
  const build = () =>
    new uPlot(
      {
        width: opts.width,
        height: opts.height,
        legend: { show: false },
        // Buckets are UTC hours and days: the axis says so rather than shifting them to local time.
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "UTC"),
        cursor: { y: false, drag: { x: false, y: false }, points: { show: false } },
        scales: {
          // Half a bucket either side: the first and last bars are whole, not cut at the edges.
          x: { time: true, range: (_u, min, max) => [min - half, max + half] },
          y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] },
        },
        axes: [
          opts.bucket === "day"
            ? { ...axis, size: 48, splits: daySplits, values: dayLabels }
            : { ...axis, size: 48 },
          { ...axis, size: 64, values: (_u, splits) => splits.map((v) => opts.formatValue(v)) },
        ],
        series: series(data),
        hooks: { setCursor: [(u) => opts.onCursor(u.cursor.idx ?? null)] },
      },
      aligned(data),
      root,
    );
  let u: uPlot | null = build();
  const plot = () => u as uPlot;

  return {
    setData(next) {
      const same =
        next.series.length === data.series.length &&
        next.series.every((s, i) => s.key === data.series[i]?.key);
      data = next;
      if (same) plot().setData(aligned(data));
      else {
        plot().destroy();
        u = build();
      }
    },
    setSize(width, height) {
      plot().setSize({ width, height });
    },
    cursorTo(idx) {
      const p = plot();
      const x = aligned(data)[0][idx];
      if (x === undefined) return;
      p.setCursor({ left: p.valToPos(x, "x"), top: p.over.clientHeight / 2 });
    },
    canvas() {
      return plot().ctx.canvas;
    },
    destroy() {
      u?.destroy();
      u = null;
    },
  };
}
