import { type ChartTheme, seriesColor } from "@/components/ui/chart-theme";
import { type ChartData, formatValue } from "./chart-data";

/**
 * The step under the cursor (or the latest) and every line's value there, under the plot: the hover
 * read-out, and a live region when the keyboard drives it.
 */
export function ChartLegend({
  data,
  index,
  theme,
  live,
}: {
  data: ChartData;
  index: number | null;
  theme: ChartTheme | null;
  live: boolean;
}) {
  // Without a cursor: each line's latest value.
  const step = index === null ? data.xs.at(-1) : data.xs[index];
  // A sparse line (validation every few steps) shows its last value at or before the step, and where.
  const at = (values: (number | null | undefined)[]): { v: number | null; step: number | undefined } => {
    for (let i = index ?? values.length - 1; i >= 0; i--) {
      const v = values[i];
      if (v === null && index !== null) break;
      if (v != null) return { v, step: data.xs[i] };
    }
    return { v: null, step: undefined };
  };
  return (
    <div
      className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs"
      aria-live={live ? "polite" : "off"}
      data-testid="chart-legend"
    >
      <span className="text-muted tabular-nums" data-testid="chart-legend-step">
        {step === undefined ? "No data" : `${index === null ? "Latest · step" : "Step"} ${step}`}
      </span>
      {data.series.map((s) => {
        const raw = at(s.raw);
        const smooth = s.smooth ? at(s.smooth) : null;
        return (
          <span key={s.id} className="flex items-center gap-1.5" data-testid="chart-legend-item">
            <span
              aria-hidden
              className="inline-block h-1 w-3 rounded"
              style={{ background: theme ? seriesColor(theme, s.color) : "currentColor" }}
            />
            <span className="text-muted">{s.label}</span>
            <span className="tabular-nums" data-testid="chart-legend-value">
              {formatValue(raw.v)}
              {smooth?.v != null && <span className="text-muted"> (EMA {formatValue(smooth.v)})</span>}
              {raw.v != null && raw.step !== step && <span className="text-muted"> at step {raw.step}</span>}
            </span>
          </span>
        );
      })}
    </div>
  );
}
