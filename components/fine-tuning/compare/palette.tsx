import type { CSSProperties } from "react";
import { DARK, LIGHT } from "@/components/ui/chart-theme";

/**
 * A job's swatch in the chart palette of the current theme: a job's place in the URL is its `color`
 * index in every MetricsChart, so the chips, tables and curves agree.
 */
export function Swatch({ index }: { index: number }) {
  const style = {
    "--sw-light": LIGHT[index % LIGHT.length],
    "--sw-dark": DARK[index % DARK.length],
  } as CSSProperties;
  return (
    <span
      aria-hidden
      className="inline-block size-2.5 shrink-0 rounded-full bg-[var(--sw-light)] dark:bg-[var(--sw-dark)]"
      style={style}
    />
  );
}
