"use client";

import { useEffect } from "react";
import { watchTheme } from "@/lib/theme";

/** With the "system" theme, every page follows the OS when it switches between light and dark. */
export function ThemeWatcher() {
  useEffect(() => watchTheme(() => {}), []);
  return null;
}
