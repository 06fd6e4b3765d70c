"use client";

import { THEME_CHOICES, type ThemeChoice } from "@/lib/theme";
import { useTheme } from "./use-theme";

/** A compact theme picker for the user menu. */
export function ThemeSelect() {
  const [choice, setChoice] = useTheme();
  return (
    <label className="flex items-center justify-between gap-2 px-1 text-xs">
      Theme
      <select
        className="input h-7 w-auto"
        data-testid="theme-select"
        value={choice}
        onChange={(e) => setChoice(e.target.value as ThemeChoice)}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
