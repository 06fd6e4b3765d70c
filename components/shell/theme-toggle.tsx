"use client";

import { THEME_CHOICES } from "@/lib/theme";
import { useTheme } from "./use-theme";

/** Light / dark / system as a segmented control (a radio group, so arrow keys move the choice). */
export function ThemeToggle() {
  const [choice, setChoice] = useTheme();
  return (
    <fieldset
      data-testid="theme-toggle"
      className="inline-flex rounded-md border border-border bg-surface-2 p-0.5"
    >
      <legend className="sr-only">Theme</legend>
      {THEME_CHOICES.map((c) => (
        <label
          key={c.value}
          className="cursor-pointer rounded px-3 py-1 text-muted text-sm has-checked:bg-surface has-checked:text-fg has-checked:shadow-xs has-focus-visible:outline-2 has-focus-visible:outline-(--ring)"
        >
          <input
            type="radio"
            name="theme"
            value={c.value}
            checked={choice === c.value}
            onChange={() => setChoice(c.value)}
            className="sr-only"
            data-testid={`theme-option-${c.value}`}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
