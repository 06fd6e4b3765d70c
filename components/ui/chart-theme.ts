/**
 * Chart colours from the app's CSS variables (app/globals.css), read when a chart is built and again
 * when `data-theme` on <html> changes. Series colours are a fixed palette per theme, chosen to stay
 * apart from each other and readable on the surface colour.
 */
export interface ChartTheme {
  dark: boolean;
  fg: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
  font: string;
  palette: readonly string[];
}

export const LIGHT = ["#2563eb", "#d97706", "#0f766e", "#c026d3", "#dc2626", "#4d7c0f", "#7c3aed", "#0891b2"];
export const DARK = ["#60a5fa", "#fbbf24", "#2dd4bf", "#e879f9", "#f87171", "#a3e635", "#a78bfa", "#22d3ee"];

export function readTheme(): ChartTheme {
  const root = document.documentElement;
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const dark = root.dataset.theme === "dark";
  return {
    dark,
    fg: v("--fg", dark ? "#ececf1" : "#16161a"),
    muted: v("--muted", "#63636e"),
    grid: v("--border", dark ? "#2c2c34" : "#e3e3e8"),
    surface: v("--surface", dark ? "#17171b" : "#ffffff"),
    accent: v("--accent", "#0f6b5c"),
    font: getComputedStyle(document.body).fontFamily || "system-ui, sans-serif",
    palette: dark ? DARK : LIGHT,
  };
}

export function seriesColor(theme: ChartTheme, index: number): string {
  return theme.palette[index % theme.palette.length] as string;
}

/** `#rrggbb` with an alpha, for the faint raw line behind a smoothed one. */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, "0");
  return /^#[0-9a-f]{6}$/i.test(hex) ? `${hex}${a}` : hex;
}

/** Calls back when the app switches theme (the `data-theme` attribute on <html>). */
export function onThemeChange(callback: () => void): () => void {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}
