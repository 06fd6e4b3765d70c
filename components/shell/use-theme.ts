"use client";

import { useSyncExternalStore } from "react";
import { applyTheme, readTheme, type ThemeChoice, watchTheme } from "@/lib/theme";

const subscribe = (onChange: () => void) => watchTheme(onChange);
const serverSnapshot = (): ThemeChoice => "system";

/** The stored theme choice and a setter; every control showing it stays in step. */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  return [useSyncExternalStore(subscribe, readTheme, serverSnapshot), applyTheme];
}
