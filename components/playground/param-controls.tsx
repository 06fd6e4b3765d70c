"use client";

import { type ReactNode, useId } from "react";

interface RowProps {
  label: string;
  /** When set, the control is disabled and this says why. */
  disabledReason?: string | null;
  hint?: string;
  children: (id: string, disabled: boolean) => ReactNode;
  onReset?: () => void;
}

/**
 * A labelled parameter row. A control the model or API cannot take is hidden; the panel lists it
 * with the reason under "Not available" (see UnavailableList), so nothing vanishes unexplained.
 */
export function ParamRow({ label, disabledReason, hint, children, onReset }: RowProps) {
  const id = useId();
  const disabled = Boolean(disabledReason);
  if (disabled) return null;
  return (
    <div className={`space-y-1 ${disabled ? "opacity-60" : ""}`} data-param={label}>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="label">
          {label}
        </label>
        {onReset && !disabled && (
          <button
            type="button"
            className="text-[11px] text-muted hover:text-fg"
            onClick={onReset}
            aria-label={`Reset ${label}`}
          >
            reset
          </button>
        )}
      </div>
      {children(id, disabled)}
      {disabledReason ? (
        <p className="text-[11px] text-muted" data-testid="param-disabled-reason">
          {disabledReason}
        </p>
      ) : hint ? (
        <p className="text-[11px] text-muted">{hint}</p>
      ) : null}
    </div>
  );
}

interface NumberParamProps {
  label: string;
  value: number | undefined;
  onChange(v: number | undefined): void;
  min: number;
  max: number;
  step: number;
  /** Shown when unset: the upstream's default. */
  placeholder?: string;
  slider?: boolean;
  disabledReason?: string | null;
  hint?: string;
}

/** A number that may be unset (then it is not sent and the upstream default applies). */
export function NumberParam({
  label,
  value,
  onChange,
  min,
  max,
  step,
  placeholder,
  slider = true,
  disabledReason,
  hint,
}: NumberParamProps) {
  return (
    <ParamRow
      label={label}
      disabledReason={disabledReason}
      hint={hint}
      onReset={value === undefined ? undefined : () => onChange(undefined)}
    >
      {(id, disabled) => (
        <div className="flex items-center gap-2">
          {slider && (
            <input
              type="range"
              aria-label={`${label} slider`}
              min={min}
              max={max}
              step={step}
              disabled={disabled}
              value={value ?? Number(placeholder ?? min)}
              onChange={(e) => onChange(Number(e.target.value))}
              className="h-1 min-w-0 flex-1 accent-[var(--accent)]"
            />
          )}
          <input
            id={id}
            type="number"
            inputMode="decimal"
            min={min}
            max={max}
            step={step}
            disabled={disabled}
            placeholder={placeholder ?? "default"}
            value={value ?? ""}
            onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
            className={`input h-7 px-2 text-xs ${slider ? "w-20" : "w-full"}`}
          />
        </div>
      )}
    </ParamRow>
  );
}

interface SelectParamProps<T extends string> {
  label: string;
  value: T | undefined;
  options: readonly T[];
  onChange(v: T | undefined): void;
  disabledReason?: string | null;
  hint?: string;
  /** Label of the unset choice. */
  unset?: string;
}

export function SelectParam<T extends string>({
  label,
  value,
  options,
  onChange,
  disabledReason,
  hint,
  unset = "default",
}: SelectParamProps<T>) {
  return (
    <ParamRow label={label} disabledReason={disabledReason} hint={hint}>
      {(id, disabled) => (
        <select
          id={id}
          disabled={disabled}
          className="input h-7 w-full px-2 text-xs"
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value ? (e.target.value as T) : undefined)}
        >
          <option value="">{unset}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </ParamRow>
  );
}

export function Section({
  title,
  children,
  defaultOpen = true,
}: {
  title: string;
  children: ReactNode;
  defaultOpen?: boolean;
}) {
  return (
    <details open={defaultOpen} className="group border-border border-b py-2 last:border-b-0">
      <summary className="cursor-pointer select-none py-1 font-medium text-muted text-xs uppercase tracking-wide hover:text-fg">
        {title}
      </summary>
      <div className="space-y-3 pt-2">{children}</div>
    </details>
  );
}

const LABELS: Record<string, string> = {
  temperature: "Temperature",
  top_p: "Top P",
  presence_penalty: "Presence penalty",
  frequency_penalty: "Frequency penalty",
  stop: "Stop sequences",
  seed: "Seed",
  n: "Choices (n)",
  logit_bias: "Logit bias",
  logprobs: "Log probabilities",
  reasoning_effort: "Reasoning effort",
  reasoning_summary: "Reasoning summary",
  verbosity: "Verbosity",
  service_tier: "Service tier",
  store: "Store",
  metadata: "Metadata",
  tools: "Functions",
  response_format: "Response format",
  "built-in tools": "Built-in tools",
};

/** The controls hidden for this API and model, each with why. */
export function UnavailableList({ off }: { off: Map<string, string> }) {
  const rows = [...off].filter(([param]) => param !== "reasoning" && LABELS[param]);
  if (!rows.length) return null;
  return (
    <details className="border-border border-t py-2 text-[11px]" data-testid="unavailable">
      <summary className="cursor-pointer text-muted">Not available here ({rows.length})</summary>
      <ul className="mt-1 space-y-1">
        {rows.map(([param, reason]) => (
          <li key={param} data-param={param}>
            <span className="font-medium">{LABELS[param]}</span>: <span className="text-muted">{reason}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
