"use client";

import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { seriesColor } from "@/components/ui/chart-theme";
import { useChartTheme } from "@/components/ui/use-chart-theme";
import type { StackedData } from "../usage-data";
import type { StackedEngine } from "./stacked-engine";

export interface StackedChartProps {
  title: string;
  data: StackedData;
  bucket: "hour" | "day";
  formatValue(v: number): string;
  /** The axis's short form of a value. */
  formatTick(v: number): string;
  height?: number;
}

const loadEngine = () => import("./stacked-engine");

/**
 * The narrowest a bucket's bar may get, and the y axis's room: below that (a week of hours on a
 * phone) the plot keeps its width and scrolls sideways instead of drawing bars a pixel wide.
 */
const MIN_BUCKET_PX = 4;
const AXIS_PX = 56;

const bucketLabel = (x: number, bucket: "hour" | "day") =>
  new Date(x * 1000).toLocaleString(undefined, {
    timeZone: "UTC",
    dateStyle: "medium",
    ...(bucket === "hour" ? { timeStyle: "short" } : {}),
  }) + (bucket === "hour" ? " UTC" : "");

/**
 * The usage over time as stacked bars (uPlot, as the fine-tuning charts: docs/usage-page.md). The
 * read-out under the plot follows the mouse, or the arrow keys once the plot has focus; without either
 * it shows the whole range's totals per key.
 */
export function StackedChart({
  title,
  data,
  bucket,
  formatValue,
  formatTick,
  height = 260,
}: StackedChartProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const engineRef = useRef<StackedEngine | null>(null);
  const theme = useChartTheme();
  const [cursor, setCursor] = useState<number | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const latest = useRef({ data, formatTick });
  latest.current = { data, formatTick };

  useEffect(() => {
    const el = plotRef.current;
    if (!el || !theme) return;
    let cancelled = false;
    let resize: ResizeObserver | undefined;
    void loadEngine().then(({ createStackedEngine }) => {
      if (cancelled) return;
      const engine = createStackedEngine(el, latest.current.data, {
        width: el.clientWidth,
        height,
        theme,
        bucket,
        formatValue: (v) => latest.current.formatTick(v),
        onCursor: setCursor,
      });
      engineRef.current = engine;
      el.dataset.ready = "true";
      resize = new ResizeObserver(() => engine.setSize(el.clientWidth, height));
      resize.observe(el);
    });
    return () => {
      cancelled = true;
      resize?.disconnect();
      engineRef.current?.destroy();
      engineRef.current = null;
    };
  }, [theme, height, bucket]);

  useEffect(() => engineRef.current?.setData(data), [data]);

  const onKeyDown = (e: KeyboardEvent) => {
    const n = data.xs.length;
    const engine = engineRef.current;
    if (!engine || !n) return;
    const at = cursor ?? n - 1;
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, PageUp: -7, PageDown: 7 };
    if (e.key in moves) engine.cursorTo(Math.min(n - 1, Math.max(0, at + (moves[e.key] ?? 0))));
    else if (e.key === "Home") engine.cursorTo(0);
    else if (e.key === "End") engine.cursorTo(n - 1);
    else return;
    e.preventDefault();
    setKeyboard(true);
  };

  const idx = cursor !== null && cursor < data.xs.length ? cursor : null;
  const valueAt = (values: number[]) =>
    idx === null ? values.reduce((t, v) => t + v, 0) : (values[idx] ?? 0);
  const total = data.series.reduce((t, s) => t + valueAt(s.values), 0);
  const x = idx === null ? undefined : data.xs[idx];
  return (
    <figure
      className="card min-w-0 p-3"
      aria-label={title}
      data-testid="usage-chart"
      data-buckets={data.xs.length}
    >
      <figcaption className="mb-2 font-medium text-sm">{title}</figcaption>
      <div className="overflow-x-auto" data-testid="usage-chart-scroll">
        <div
          ref={plotRef}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the plot takes arrow keys to read each bucket.
          tabIndex={0}
          role="img"
          aria-label={`${title}. Arrow keys read each ${bucket}, Home and End jump to the ends.`}
          onKeyDown={onKeyDown}
          onBlur={() => setKeyboard(false)}
          className="relative w-full rounded focus-visible:outline-2 focus-visible:outline-[var(--ring)]"
          style={{ height, minWidth: data.xs.length * MIN_BUCKET_PX + AXIS_PX }}
          data-testid="usage-chart-plot"
        />
      </div>
      <div
        className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs"
        aria-live={keyboard ? "polite" : "off"}
        data-testid="usage-chart-readout"
      >
        <span className="text-muted tabular-nums" data-testid="usage-chart-bucket">
          {x === undefined ? "Whole range" : bucketLabel(x, bucket)} · {formatValue(total)}
        </span>
        {data.series.map((s, i) => (
          <span key={s.key} className="flex items-center gap-1.5" data-testid="usage-chart-key">
            <span
              aria-hidden
              className="inline-block h-2.5 w-2.5 rounded-sm"
              style={{ background: theme ? seriesColor(theme, i) : "currentColor" }}
            />
            <span className="max-w-48 truncate text-muted" title={s.label}>
              {s.label}
            </span>
            <span className="tabular-nums">{formatValue(valueAt(s.values))}</span>
          </span>
        ))}
      </div>
    </figure>
  );
}
