"use client";

import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useChartTheme } from "@/components/ui/use-chart-theme";
import { buildChartData } from "./chart-data";
import type { Engine } from "./chart-engine";
import { ChartLegend } from "./chart-legend";

/**
 * One chart of metric lines over steps, drawn by uPlot (docs/fine-tuning-charts.md). uPlot and its
 * CSS load with the first chart that mounts. Drag to zoom, Shift+drag or Shift+arrows to pan, arrows
 * to read values from the keyboard; EMA smoothing draws the raw line faint behind the smoothed one.
 */
export interface ChartLine {
  id: string;
  label: string;
  /** Ascending steps and the value at each; null is a gap. */
  steps: ArrayLike<number>;
  values: ArrayLike<number | null>;
  /** Index into the chart palette, so the same job keeps one colour across charts. */
  color?: number;
  dashed?: boolean;
}

export interface MetricsChartProps {
  title: string;
  lines: ChartLine[];
  epochEnds?: number[];
  checkpoints?: { step: number; label: string }[];
  /** File name (without extension) for the CSV and PNG downloads. */
  exportName: string;
  height?: number;
  /** EMA weight the chart starts with (0 = off); the user moves it. */
  initialSmoothing?: number;
  /** Called after each draw (the benchmark times the first). */
  onDraw?: () => void;
}

const NO_MARKS: never[] = [];
const loadEngine = () => import("./chart-engine");

export function MetricsChart({
  title,
  lines,
  epochEnds = NO_MARKS,
  checkpoints = NO_MARKS,
  exportName,
  height = 240,
  initialSmoothing = 0.6,
  onDraw,
}: MetricsChartProps) {
  const [smoothing, setSmoothing] = useState(initialSmoothing);
  const [log, setLog] = useState(false);
  const [zoomed, setZoomed] = useState(false);
  const [cursor, setCursor] = useState<number | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const theme = useChartTheme();
  const plotRef = useRef<HTMLDivElement>(null);
  const engineRef = useRef<Engine | null>(null);
  const data = useMemo(() => buildChartData(lines, smoothing, log), [lines, smoothing, log]);
  const latest = useRef({ data, epochEnds, checkpoints, onDraw });
  latest.current = { data, epochEnds, checkpoints, onDraw };

  // The plot is rebuilt for what uPlot fixes at creation: the log scale and the theme's colours.
  useEffect(() => {
    const el = plotRef.current;
    if (!el || !theme) return;
    let cancelled = false;
    let resize: ResizeObserver | undefined;
    void loadEngine().then(({ createEngine }) => {
      if (cancelled) return;
      const cur = latest.current;
      const engine = createEngine(el, cur.data, {
        width: el.clientWidth,
        height,
        log,
        theme,
        epochEnds: cur.epochEnds,
        checkpoints: cur.checkpoints,
        onCursor: setCursor,
        onZoom: setZoomed,
        onDraw: () => latest.current.onDraw?.(),
      });
      engineRef.current = engine;
      resize = new ResizeObserver(() => engine.setSize(el.clientWidth, height));
      resize.observe(el);
    });
    return () => {
      cancelled = true;
      resize?.disconnect();
      engineRef.current?.destroy();
      engineRef.current = null;
    };
  }, [theme, log, height]);

  useEffect(() => engineRef.current?.setData(data), [data]);
  useEffect(() => engineRef.current?.setMarkers(epochEnds, checkpoints), [epochEnds, checkpoints]);

  const onKeyDown = (e: KeyboardEvent) => {
    const engine = engineRef.current;
    const n = data.xs.length;
    if (!engine || !n) return;
    const at = cursor ?? n - 1;
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, PageUp: -10, PageDown: 10 };
    if (e.shiftKey && (e.key === "ArrowLeft" || e.key === "ArrowRight"))
      engine.pan(e.key === "ArrowLeft" ? -0.25 : 0.25);
    else if (e.key in moves) engine.cursorTo(Math.min(n - 1, Math.max(0, at + (moves[e.key] ?? 0))));
    else if (e.key === "Home") engine.cursorTo(0);
    else if (e.key === "End") engine.cursorTo(n - 1);
    else if (e.key === "Escape" && zoomed) engine.resetZoom();
    else return;
    e.preventDefault();
    setKeyboard(true);
  };

  const exportAs = async (kind: "csv" | "png") => {
    const engine = engineRef.current;
    if (!engine || !theme) return;
    const { downloadCsv, downloadPng } = await import("./chart-export");
    if (kind === "csv") downloadCsv(data, engine.xRange(), exportName);
    else downloadPng(engine.canvas(), data, title, theme, exportName);
  };

  return (
    <figure
      className="card min-w-0 p-3"
      aria-label={title}
      data-testid="metrics-chart"
      data-points={data.xs.length}
    >
      <figcaption className="mb-2 flex flex-wrap items-center justify-between gap-x-3 gap-y-1.5">
        <span className="font-medium text-sm">{title}</span>
        <span className="flex items-center gap-2">
          <label className="flex items-center gap-1.5 text-muted text-xs" title="Exponential moving average">
            EMA
            <input
              type="range"
              min={0}
              max={0.99}
              step={0.01}
              value={smoothing}
              onChange={(e) => setSmoothing(Number(e.target.value))}
              aria-label="Smoothing"
              className="w-16 accent-[var(--accent)]"
              data-testid="chart-smoothing"
            />
            <span className="w-7 tabular-nums">{smoothing.toFixed(2)}</span>
          </label>
          <label className="flex items-center gap-1 text-muted text-xs">
            <input
              type="checkbox"
              checked={log}
              onChange={(e) => setLog(e.target.checked)}
              data-testid="chart-log"
            />
            Log
          </label>
          <Button
            size="xs"
            onClick={() => engineRef.current?.resetZoom()}
            disabled={!zoomed}
            aria-label="Reset zoom"
            data-testid="chart-reset-zoom"
          >
            Reset
          </Button>
          <Button
            size="xs"
            onClick={() => void exportAs("csv")}
            aria-label="Download CSV"
            data-testid="chart-download-csv"
          >
            CSV
          </Button>
          <Button
            size="xs"
            onClick={() => void exportAs("png")}
            aria-label="Download PNG"
            data-testid="chart-download-png"
          >
            PNG
          </Button>
        </span>
      </figcaption>
      <div
        ref={plotRef}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the plot takes arrow keys to read values and pan.
        tabIndex={0}
        role="img"
        aria-label={`${title}. Arrow keys read values, Shift+arrows pan, Escape resets zoom.`}
        onKeyDown={onKeyDown}
        onBlur={() => setKeyboard(false)}
        className="relative w-full rounded focus-visible:outline-2 focus-visible:outline-[var(--ring)]"
        style={{ height }}
        data-testid="chart-plot"
      />
      <ChartLegend data={data} index={cursor} theme={theme} live={keyboard} />
    </figure>
  );
}
