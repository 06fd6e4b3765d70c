"use client";

export interface DiffModeSwitchProps {
  mode: "words" | "lines";
  onChange(mode: "words" | "lines"): void;
}

/** Words for prose, lines for code and JSON: two radio buttons styled as a segmented control. */
export function DiffModeSwitch({ mode, onChange }: DiffModeSwitchProps) {
  return (
    <fieldset className="flex rounded-md border border-border text-xs" data-testid="diff-mode">
      <legend className="sr-only">Compare by</legend>
      {(["words", "lines"] as const).map((m) => (
        <label
          key={m}
          className={`cursor-pointer px-2 py-1 has-[:focus-visible]:outline-2 ${mode === m ? "bg-surface-2 font-medium" : "text-muted"}`}
        >
          <input
            type="radio"
            name="diff-mode"
            className="sr-only"
            checked={mode === m}
            onChange={() => onChange(m)}
          />
          {m === "words" ? "Words" : "Lines"}
        </label>
      ))}
    </fieldset>
  );
}
