/**
 * One colour per compared job, by its place in the URL: the swatches here and MetricsChart's `color`
 * index agree, so a job has the same colour in every chart and table.
 */
export const JOB_COLOURS = [
  "#2563eb",
  "#dc2626",
  "#16a34a",
  "#9333ea",
  "#ea580c",
  "#0891b2",
  "#ca8a04",
  "#db2777",
];

export const jobColour = (i: number) => JOB_COLOURS[i % JOB_COLOURS.length] ?? "#888";

export function Swatch({ index }: { index: number }) {
  return (
    <span
      aria-hidden
      className="inline-block size-2.5 shrink-0 rounded-full"
      style={{ background: jobColour(index) }}
    />
  );
}
