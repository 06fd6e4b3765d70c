"use client";

import { useEffect, useState } from "react";
import { type ChartTheme, onThemeChange, readTheme } from "./chart-theme";

/**
 * The chart colours, read after mount (they come from CSS variables, which the server cannot see)
 * and again on each theme switch; null until then, so a chart builds its plot once, in the right colours.
 */
export function useChartTheme(): ChartTheme | null {
  const [theme, setTheme] = useState<ChartTheme | null>(null);
  useEffect(() => {
    setTheme(readTheme());
    return onThemeChange(() => setTheme(readTheme()));
  }, []);
  return theme;
}
