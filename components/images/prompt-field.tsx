"use client";

import { useId } from "react";

export interface PromptFieldProps {
  value: string;
  onChange(value: string): void;
  maxChars: number;
  /** Ctrl/Cmd+Enter runs. */
  onSubmit(): void;
  hint: string;
}

/** The prompt with the model's length limit shown; past the limit the count turns red and Run is refused. */
export function PromptField({ value, onChange, maxChars, onSubmit, hint }: PromptFieldProps) {
  const id = useId();
  const over = value.length > maxChars;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="label">
          Prompt
        </label>
        <span
          className={`font-mono text-[11px] ${over ? "font-medium text-danger" : "text-muted"}`}
          data-testid="image-prompt-count"
          aria-live="polite"
        >
          {value.length.toLocaleString("en")} / {maxChars.toLocaleString("en")}
        </span>
      </div>
      <textarea
        id={id}
        data-testid="image-prompt"
        className="input min-h-28 resize-y py-2 text-sm leading-snug"
        value={value}
        placeholder={hint}
        aria-invalid={over || undefined}
        aria-describedby={`${id}-limit`}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      <p id={`${id}-limit`} className={`text-[11px] ${over ? "text-danger" : "text-muted"}`}>
        {over
          ? `${(value.length - maxChars).toLocaleString("en")} characters over this model's limit of ${maxChars.toLocaleString("en")}.`
          : "Describe the whole image you want, not only what changes. Ctrl+Enter runs."}
      </p>
    </div>
  );
}
