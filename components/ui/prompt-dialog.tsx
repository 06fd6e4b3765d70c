"use client";

import { type ReactNode, useCallback, useId, useRef, useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

export interface PromptOptions {
  title: ReactNode;
  /** The input's visible label. */
  label: string;
  initialValue?: string;
  placeholder?: string;
  confirmLabel: string;
  maxLength?: number;
  inputMode?: "text" | "url";
  /** Why the value cannot be used, or null when it can; checked as the user types. Empty is never accepted. */
  validate?: (value: string) => string | null;
}

export interface PromptDialogProps extends PromptOptions {
  /** The trimmed value. */
  onSubmit(value: string): void;
  onClose(): void;
}

/** Asks for one line of text, in place of `window.prompt`: labelled, checked, on the page's dialog. */
export function PromptDialog({
  title,
  label,
  initialValue = "",
  placeholder,
  confirmLabel,
  maxLength,
  inputMode = "text",
  validate,
  onSubmit,
  onClose,
}: PromptDialogProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(initialValue);
  const [touched, setTouched] = useState(false);
  const trimmed = value.trim();
  const problem = trimmed ? (validate?.(trimmed) ?? null) : null;
  const shown = touched ? problem : null;
  return (
    <Dialog title={title} onClose={onClose} initialFocus={input}>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (trimmed && !problem) onSubmit(trimmed);
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="label">
            {label}
          </label>
          <input
            ref={input}
            id={id}
            className="input"
            type={inputMode === "url" ? "url" : "text"}
            inputMode={inputMode}
            value={value}
            placeholder={placeholder}
            maxLength={maxLength}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? `${id}-error` : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setTouched(true);
            }}
            data-testid="prompt-input"
          />
          {shown && (
            <p id={`${id}-error`} className="text-danger text-xs" data-testid="prompt-error">
              {shown}
            </p>
          )}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            disabled={!trimmed || Boolean(problem)}
            data-testid="prompt-ok"
          >
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * `const [ask, dialog] = usePrompt()`: `await ask({...})` resolves the trimmed text, or null when
 * the user cancels; render `dialog` anywhere in the component.
 */
export function usePrompt(): [(options: PromptOptions) => Promise<string | null>, ReactNode] {
  const [asking, setAsking] = useState<{ options: PromptOptions; resolve(v: string | null): void } | null>(
    null,
  );
  const ask = useCallback(
    (options: PromptOptions) => new Promise<string | null>((resolve) => setAsking({ options, resolve })),
    [],
  );
  const answer = (v: string | null) => {
    asking?.resolve(v);
    setAsking(null);
  };
  const dialog = asking && (
    <PromptDialog {...asking.options} onSubmit={(v) => answer(v)} onClose={() => answer(null)} />
  );
  return [ask, dialog];
}
