import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { type ChartTheme, seriesColor, withAlpha } from "@/components/ui/chart-theme";
import type { ChartData } from "./chart-data";

/**
 * The uPlot side of a metrics chart, loaded only when a chart mounts (metrics-chart.tsx imports this
 * module dynamically, so uPlot and its CSS stay out of every page's first load). One uPlot per chart;
 * new data keeps the zoom, a new shape (series, log scale, theme) rebuilds it.
 */

export interface EngineOptions {
  width: number;
  height: number;
  log: boolean;
  theme: ChartTheme;
  epochEnds: readonly number[];
  checkpoints: readonly { step: number; label: string }[];
  /** The cursor's data index (null when it leaves), throttled by uPlot to one per frame. */
  onCursor(idx: number | null): void;
  /** Whether the x axis is zoomed in (not the full range). */
  onZoom(zoomed: boolean): void;
  onDraw?(): void;
}

export interface Engine {
  setData(data: ChartData): void;
  setSize(width: number, height: number): void;
  setMarkers(epochEnds: readonly number[], checkpoints: readonly { step: number; label: string }[]): void;
  resetZoom(): void;
  /** Moves the visible window by a fraction of its width (negative: left). */
  pan(fraction: number): void;
  /** Puts the cursor on a data index (keyboard read-out). */
  cursorTo(idx: number): void;
  xRange(): [number, number];
  canvas(): HTMLCanvasElement;
  destroy(): void;
}

function uplotData(data: ChartData): uPlot.AlignedData {
  const cols: (number | null | undefined)[][] = [data.xs];
  for (const s of data.series) {
    if (s.smooth) cols.push(s.raw, s.smooth);
    else cols.push(s.raw);
  }
  return cols as uPlot.AlignedData;
}

function uplotSeries(data: ChartData, theme: ChartTheme): uPlot.Series[] {
  const out: uPlot.Series[] = [{ label: "step" }];
  for (const s of data.series) {
    const color = seriesColor(theme, s.color);
    const dash = s.dashed ? [6, 4] : undefined;
    // Raw values behind the smoothed line, faint, as TensorBoard draws them.
    out.push({ label: s.label, stroke: s.smooth ? withAlpha(color, 0.25) : color, width: 1.5, dash });
    if (s.smooth) out.push({ label: `${s.label} (smoothed)`, stroke: color, width: 2, dash });
  }
  return out;
}

export function createEngine(root: HTMLElement, first: ChartData, opts: EngineOptions): Engine {
  let data = first;
  let epochEnds = opts.epochEnds;
  let checkpoints = opts.checkpoints;
  let full: [number, number] = [data.xs[0] ?? 0, data.xs.at(-1) ?? 1];
  const { theme } = opts;
  const axis = {
    stroke: theme.muted,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    font: `11px ${theme.font}`,
  };

  const range = (u: uPlot): [number, number] => [u.scales.x?.min ?? full[0], u.scales.x?.max ?? full[1]];
  const isZoomed = (u: uPlot) => {
    const [min, max] = range(u);
    return min > full[0] || max < full[1];
  };

  const drawMarkers = (u: uPlot) => {
    const { ctx } = u;
    const { top, height } = u.bbox;
    const px = (step: number) => Math.round(u.valToPos(step, "x", true));
    const [min, max] = range(u);
    const inView = (step: number) => step >= min && step <= max;
    const dpr = uPlot.pxRatio;
    ctx.save();
    ctx.lineWidth = dpr;
    ctx.setLineDash([3 * dpr, 3 * dpr]);
    ctx.strokeStyle = theme.muted;
    for (const e of epochEnds) {
      if (!inView(e)) continue;
      ctx.beginPath();
      ctx.moveTo(px(e), top);
      ctx.lineTo(px(e), top + height);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.fillStyle = theme.accent;
    for (const c of checkpoints) {
      if (!inView(c.step)) continue;
      const x = px(c.step);
      const s = 5 * dpr;
      ctx.beginPath();
      ctx.moveTo(x - s, top);
      ctx.lineTo(x + s, top);
      ctx.lineTo(x, top + s * 1.6);
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore();
  };

  // Shift+drag pans: handled in the capture phase on the root so uPlot's drag-to-zoom never starts.
  const onPanStart = (e: MouseEvent) => {
    if (!e.shiftKey || e.button !== 0 || !u) return;
    e.stopPropagation();
    e.preventDefault();
    const plot = u;
    const x0 = e.clientX;
    const [min, max] = range(plot);
    const perPx = (max - min) / plot.over.clientWidth;
    const move = (m: MouseEvent) => {
      const shift = clampShift(min, max, -(m.clientX - x0) * perPx);
      plot.setScale("x", { min: min + shift, max: max + shift });
    };
    const up = () => {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", up);
    };
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", up);
  };
  const clampShift = (min: number, max: number, shift: number) =>
    Math.min(Math.max(shift, full[0] - min), full[1] - max);
  root.addEventListener("mousedown", onPanStart, true);

  const build = () =>
    new uPlot(
      {
        width: opts.width,
        height: opts.height,
        legend: { show: false },
        cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 7 } },
        select: { show: true, left: 0, top: 0, width: 0, height: 0 },
        scales: { x: { time: false }, y: opts.log ? { distr: 3 } : {} },
        axes: [
          { ...axis, size: 32 },
          { ...axis, size: 56 },
        ],
        series: uplotSeries(data, theme),
        hooks: {
          draw: [
            (u) => {
              drawMarkers(u);
              opts.onDraw?.();
            },
          ],
          setCursor: [(u) => opts.onCursor(u.cursor.idx ?? null)],
          setScale: [
            (u, key) => {
              if (key === "x") opts.onZoom(isZoomed(u));
            },
          ],
        },
      },
      uplotData(data),
      root,
    );
  let u: uPlot | null = build();

  const plot = () => u as uPlot;
  return {
    setData(next) {
      const shapeChanged =
        next.series.length !== data.series.length ||
        next.series.some(
          (s, i) => s.id !== data.series[i]?.id || Boolean(s.smooth) !== Boolean(data.series[i]?.smooth),
        );
      const zoomed = isZoomed(plot());
      const [min, max] = range(plot());
      data = next;
      full = [data.xs[0] ?? 0, data.xs.at(-1) ?? 1];
      if (shapeChanged) {
        plot().destroy();
        u = build();
        if (zoomed) plot().setScale("x", { min, max });
        return;
      }
      // A growing run keeps the window the user zoomed to.
      plot().setData(uplotData(data), !zoomed);
    },
    setSize(width, height) {
      plot().setSize({ width, height });
    },
    setMarkers(ends, marks) {
      epochEnds = ends;
      checkpoints = marks;
      plot().redraw(false);
    },
    resetZoom() {
      plot().setScale("x", { min: full[0], max: full[1] });
    },
    pan(fraction) {
      const p = plot();
      const [min, max] = range(p);
      const shift = clampShift(min, max, (max - min) * fraction);
      p.setScale("x", { min: min + shift, max: max + shift });
    },
    cursorTo(idx) {
      const p = plot();
      const x = data.xs[idx];
      if (x === undefined) return;
      p.setCursor({ left: p.valToPos(x, "x"), top: p.over.clientHeight / 2 });
    },
    xRange() {
      return range(plot());
    },
    canvas() {
      return plot().ctx.canvas;
    },
    destroy() {
      root.removeEventListener("mousedown", onPanStart, true);
      u?.destroy();
      u = null;
    },
  };
}
