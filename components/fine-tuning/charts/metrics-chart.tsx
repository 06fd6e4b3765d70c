"use client";

/**
 * One chart of metric lines over steps (owner: charts part). Stub; the props are the contract the
 * job page and the compare page draw with. The part may add optional props.
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
}

export function MetricsChart({ title }: MetricsChartProps) {
  return <figure aria-label={title} />;
}
