import Papa from "papaparse";
import { type ChartTheme, seriesColor } from "@/components/ui/chart-theme";
import { saveBlob } from "@/lib/images/download";
import { type ChartData, csvRows } from "./chart-data";

/** The chart's visible window as CSV (papaparse quotes labels with commas or quotes). */
export function downloadCsv(data: ChartData, range: [number, number], name: string): void {
  const { fields, rows } = csvRows(data, range[0], range[1]);
  // Series names come from the upstream (`scores/<grader>`): no cell may start a spreadsheet formula.
  const text = Papa.unparse({ fields, data: rows }, { escapeFormulae: true });
  saveBlob(new Blob([text], { type: "text/csv" }), `${name}.csv`);
}

/**
 * The chart as a PNG: the plot's canvas under its title with a legend beneath, on the theme's
 * surface colour (the plot canvas itself is transparent), at the screen's pixel ratio.
 */
export function downloadPng(
  plot: HTMLCanvasElement,
  data: ChartData,
  title: string,
  theme: ChartTheme,
  name: string,
): void {
  const dpr = plot.width / Math.max(1, plot.clientWidth || plot.width);
  const pad = 12 * dpr;
  const titleH = 28 * dpr;
  const rowH = 18 * dpr;
  const ctx0 = document.createElement("canvas").getContext("2d");
  if (!ctx0) return;
  ctx0.font = `${12 * dpr}px ${theme.font}`;
  // Legend entries flow left to right and wrap at the plot's width.
  const entries = data.series.map((s) => ({ label: s.label, color: seriesColor(theme, s.color) }));
  const placed: { x: number; y: number; label: string; color: string }[] = [];
  let x = pad;
  let y = 0;
  for (const e of entries) {
    const w = 18 * dpr + ctx0.measureText(e.label).width + 16 * dpr;
    if (x + w > plot.width && x > pad) {
      x = pad;
      y += rowH;
    }
    placed.push({ x, y, ...e });
    x += w;
  }
  const legendH = entries.length ? y + rowH + pad : 0;
  const out = document.createElement("canvas");
  out.width = plot.width;
  out.height = titleH + plot.height + legendH;
  const ctx = out.getContext("2d");
  if (!ctx) return;
  ctx.fillStyle = theme.surface;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = theme.fg;
  ctx.textBaseline = "middle";
  ctx.font = `600 ${14 * dpr}px ${theme.font}`;
  ctx.fillText(title, pad, titleH / 2);
  ctx.drawImage(plot, 0, titleH);
  ctx.font = `${12 * dpr}px ${theme.font}`;
  const top = titleH + plot.height + pad / 2;
  for (const p of placed) {
    ctx.fillStyle = p.color;
    ctx.fillRect(p.x, top + p.y + rowH / 2 - 2 * dpr, 12 * dpr, 4 * dpr);
    ctx.fillStyle = theme.fg;
    ctx.fillText(p.label, p.x + 18 * dpr, top + p.y + rowH / 2);
  }
  out.toBlob((blob) => blob && saveBlob(blob, `${name}.png`), "image/png");
}
