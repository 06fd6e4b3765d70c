import { emaSmooth } from "@/lib/fine-tuning/metrics";

/** What a chart draws: one x axis of steps and, per line, its raw and (when smoothing) EMA values. */
export interface ChartSeries {
  id: string;
  label: string;
  color: number;
  dashed: boolean;
  /** Aligned to `xs`. A null is a gap drawn as one; undefined is a step the line was not measured at (bridged). */
  raw: (number | null | undefined)[];
  smooth: (number | null | undefined)[] | null;
}

export interface ChartData {
  xs: number[];
  series: ChartSeries[];
}

export interface LineInput {
  id: string;
  label: string;
  steps: ArrayLike<number>;
  values: ArrayLike<number | null>;
  color?: number;
  dashed?: boolean;
}

/** A run of missing values longer than this many typical spacings is a gap, not a sparse series. */
const BRIDGE_SPACINGS = 3;

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Nulls between points become undefined (bridged) when the line is merely sparse there (validation
 * every few steps, full validation at epoch ends), and stay null when the hole is wider than a few of
 * the line's usual spacings: data that is really missing shows as a break.
 */
export function markGaps(
  steps: ArrayLike<number>,
  values: ArrayLike<number | null>,
): (number | null | undefined)[] {
  const out: (number | null | undefined)[] = new Array(values.length);
  const known: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) known.push(i);
  }
  const spacings: number[] = [];
  const stepAt = (i: number | undefined) => steps[i ?? 0] as number;
  for (let k = 1; k < known.length; k++) spacings.push(stepAt(known[k]) - stepAt(known[k - 1]));
  const limit = median(spacings) * BRIDGE_SPACINGS;
  for (let i = 0; i < values.length; i++) out[i] = undefined;
  for (let k = 0; k < known.length; k++) {
    const i = known[k] as number;
    out[i] = values[i];
    const next = known[k + 1];
    if (next !== undefined && stepAt(next) - stepAt(i) > limit) out[i + 1] = null;
  }
  return out;
}

/** One x axis over every line's steps; values in log mode drop what a log axis cannot draw (≤ 0). */
export function buildChartData(lines: readonly LineInput[], smoothing: number, log: boolean): ChartData {
  const sameSteps = lines.every((l) => l.steps === lines[0]?.steps);
  const xs = sameSteps && lines[0] ? Array.from(lines[0].steps) : unionSteps(lines);
  const series = lines.map((line, n) => {
    const aligned = sameSteps ? Array.from(line.values) : align(xs, line);
    const clean = log ? aligned.map((v) => (v !== null && v > 0 ? v : null)) : aligned;
    const raw = markGaps(xs, clean);
    let smooth: ChartSeries["smooth"] = null;
    if (smoothing > 0) {
      const ema = emaSmooth(clean, smoothing);
      smooth = raw.map((r, i) => (r === null || r === undefined ? r : ema[i]));
    }
    return {
      id: line.id,
      label: line.label,
      color: line.color ?? n,
      dashed: Boolean(line.dashed),
      raw,
      smooth,
    };
  });
  return { xs, series };
}

function unionSteps(lines: readonly LineInput[]): number[] {
  const all = new Set<number>();
  for (const l of lines) for (let i = 0; i < l.steps.length; i++) all.add(l.steps[i] as number);
  return [...all].sort((a, b) => a - b);
}

function align(xs: number[], line: LineInput): (number | null)[] {
  const at = new Map<number, number | null>();
  for (let i = 0; i < line.steps.length; i++) at.set(line.steps[i] as number, line.values[i] ?? null);
  return xs.map((x) => at.get(x) ?? null);
}

/** The index range of `xs` inside [min, max] (the zoomed window). */
export function visibleRange(xs: readonly number[], min: number, max: number): [number, number] {
  let i0 = 0;
  while (i0 < xs.length && (xs[i0] as number) < min) i0++;
  let i1 = xs.length - 1;
  while (i1 >= i0 && (xs[i1] as number) > max) i1--;
  return [i0, i1];
}

/** Rows for the CSV download: step, then each visible line (and its smoothed value when smoothing). */
export function csvRows(data: ChartData, min: number, max: number): { fields: string[]; rows: unknown[][] } {
  const fields = ["step"];
  for (const s of data.series) {
    fields.push(s.label);
    if (s.smooth) fields.push(`${s.label} (smoothed)`);
  }
  const [i0, i1] = visibleRange(data.xs, min, max);
  const rows: unknown[][] = [];
  for (let i = i0; i <= i1; i++) {
    const row: unknown[] = [data.xs[i]];
    for (const s of data.series) {
      row.push(s.raw[i] ?? "");
      if (s.smooth) row.push(s.smooth[i] ?? "");
    }
    rows.push(row);
  }
  return { fields, rows };
}

/** Full precision for hover and keyboard read-out, without float noise. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined) return "–";
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}
