"use client";

import { useId } from "react";

/** A labelled native select: forms keep native pickers (docs/ui-primitives.md). */
export function Choice({
  label,
  value,
  options,
  onChange,
  testId,
  names = (v) => v,
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange(v: string): void;
  testId: string;
  names?: (v: string) => string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select
        id={id}
        className="input h-8"
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {names(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled number input, clamped to its bounds. */
export function Num({
  label,
  value,
  min,
  max,
  onChange,
  testId,
  hint,
}: {
  label: string;
  value: number;
  min: number;
  max?: number;
  onChange(v: number): void;
  testId: string;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        className="input h-8"
        min={min}
        max={max}
        value={value}
        data-testid={testId}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v)) onChange(Math.min(max ?? v, Math.max(min, v)));
        }}
      />
      {hint && <p className="text-[11px] text-muted">{hint}</p>}
    </div>
  );
}
