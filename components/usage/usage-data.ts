import { formatMicros } from "@/lib/budgets/format";
import { formatCount } from "@/lib/format";
import { emptyFigures, type UsageFigures, type UsageReport } from "@/lib/usage/report";
import type { SortDir, UsageMetric } from "./usage-state";

/** The Usage page's figures from one report: per key, per bucket, and the chart's stacked series. */
export type Figures = UsageFigures;
export const FIGURES = [
  "costMicros",
  "requests",
  "errors",
  "input",
  "cached",
  "output",
  "reasoning",
  "images",
  "audioSeconds",
] as const satisfies readonly (keyof Figures)[];
export type FigureName = (typeof FIGURES)[number];

export const FIGURE_LABELS: Record<FigureName, string> = {
  requests: "Requests",
  errors: "Errors",
  input: "Input",
  cached: "Cached",
  output: "Output",
  reasoning: "Reasoning",
  images: "Images",
  audioSeconds: "Audio s",
  costMicros: "Cost",
};

export interface KeyRow extends Figures {
  key: string | null;
  label: string;
}

export interface BucketRow extends KeyRow {
  bucket: string;
}

/** The series that groups the keys past the top ones. */
export const OTHER = "\u0000other";
export const TOP_KEYS = 6;

const SUMMED = [...FIGURES, "estimated", "unpriced"] as const;

export function metricValue(row: Figures, metric: UsageMetric): number {
  return metric === "cost" ? row.costMicros : row[metric];
}

export function labeller(report: UsageReport): (key: string | null) => string {
  const labels = new Map(report.keys.map((k) => [k.key, k.label]));
  return (key) => labels.get(key) ?? key ?? "(none)";
}

/** One row per key, summed over the range. */
export function keyRows(report: UsageReport): KeyRow[] {
  const label = labeller(report);
  const byKey = new Map<string | null, KeyRow>();
  for (const r of report.rows) {
    let acc = byKey.get(r.key);
    if (!acc) {
      acc = { ...emptyFigures(), key: r.key, label: label(r.key) };
      byKey.set(r.key, acc);
    }
    for (const f of SUMMED) acc[f] += r[f];
  }
  return [...byKey.values()];
}

/** One row per bucket and key: the rows of the CSV export, in its order (time, then key). */
export function bucketRows(report: UsageReport): BucketRow[] {
  const label = labeller(report);
  return report.rows
    .map((r) => ({ ...r, label: label(r.key) }))
    .sort((a, b) => a.bucket.localeCompare(b.bucket) || (a.key ?? "").localeCompare(b.key ?? ""));
}

export function sortRows<T extends KeyRow>(rows: T[], by: string, dir: SortDir): T[] {
  const sign = dir === "asc" ? 1 : -1;
  const field = (FIGURES as readonly string[]).includes(by) ? (by as FigureName) : null;
  return [...rows].sort((a, b) => {
    const d = field ? a[field] - b[field] : a.label.localeCompare(b.label);
    return d * sign || a.label.localeCompare(b.label);
  });
}

export interface StackedSeries {
  key: string;
  label: string;
  /** The metric per bucket (not stacked). */
  values: number[];
}

export interface StackedData {
  /** Bucket starts, Unix seconds, every bucket of the range (empty ones too). */
  xs: number[];
  series: StackedSeries[];
}

const STEP = { hour: 3_600, day: 86_400 };

/** Every bucket start from `from` to `to` (exclusive), in seconds. */
export function bucketStarts(from: string, to: string, bucket: "hour" | "day"): number[] {
  const step = STEP[bucket];
  const start = Math.floor(Date.parse(from) / 1000 / step) * step;
  const end = Date.parse(to) / 1000;
  const xs: number[] = [];
  for (let t = start; t < end && xs.length < 10_000; t += step) xs.push(t);
  return xs;
}

/**
 * The chart's series: the `top` keys by the metric over the range, the rest summed as "Other", each
 * with a value per bucket. Largest first, so the biggest key sits at the bottom of each stack.
 */
export function stackedSeries(report: UsageReport, metric: UsageMetric, top = TOP_KEYS): StackedData {
  const { from, to, bucket } = report.query;
  const xs = bucketStarts(from, to, bucket);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ranked = keyRows(report)
    .map((k) => ({ k, v: metricValue(k, metric) }))
    .filter((x) => x.v > 0)
    .sort((a, b) => b.v - a.v || a.k.label.localeCompare(b.k.label));
  // Folding a single key into "Other" hides its name for nothing.
  const shown = ranked.length === top + 1 ? ranked : ranked.slice(0, top);
  const idOf = (key: string | null) => key ?? "";
  const ids = new Set(shown.map((x) => idOf(x.k.key)));
  const series: StackedSeries[] = shown.map((x) => ({
    key: idOf(x.k.key),
    label: x.k.label,
    values: xs.map(() => 0),
  }));
  const other: StackedSeries = { key: OTHER, label: "Other", values: xs.map(() => 0) };
  const byId = new Map(series.map((s) => [s.key, s]));
  for (const r of report.rows) {
    const i = index.get(Math.floor(Date.parse(r.bucket) / 1000));
    if (i === undefined) continue;
    const s = ids.has(idOf(r.key)) ? byId.get(idOf(r.key)) : other;
    if (s) s.values[i] = (s.values[i] ?? 0) + metricValue(r, metric);
  }
  if (ranked.length > shown.length) series.push(other);
  return { xs, series };
}

export { formatMicros };

export function formatFigure(name: FigureName | UsageMetric, v: number): string {
  if (name === "costMicros" || name === "cost") return formatMicros(v);
  if (name === "audioSeconds") return formatCount(Math.round(v * 10) / 10);
  return formatCount(v);
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** An axis tick: short ("$0.6", "1.2M"), since the exact figures are in the read-out and the table. */
export function formatTick(metric: UsageMetric, v: number): string {
  if (metric === "cost") return `$${compact.format(Number((v / 1e6).toPrecision(3)))}`;
  return compact.format(v);
}
