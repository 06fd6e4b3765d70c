"use client";

import { type ReactNode, useState } from "react";
import { fieldId } from "@/lib/assistants/builder";

/**
 * The builder's labelled rows. Each control's id comes from its config path (lib/assistants/builder
 * `fieldId`), so an issue in the list links to it. A control the model does not take stays visible,
 * disabled, with the reason from the catalogue.
 */

interface RowProps {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  disabledReason?: string | null;
  className?: string;
  /** A value is set: the control stays enabled despite `disabledReason`, so it can be removed. */
  settable?: boolean;
  children(id: string, disabled: boolean): ReactNode;
}

export function Row({ path, label, hint, disabledReason, className = "", settable, children }: RowProps) {
  const id = fieldId(path);
  const disabled = Boolean(disabledReason) && !settable;
  return (
    <div className={`min-w-0 space-y-1 ${className}`}>
      <label htmlFor={id} className={`label block ${disabled ? "opacity-60" : ""}`}>
        {label}
      </label>
      {children(id, disabled)}
      {disabledReason ? (
        <p
          className={`text-[11px] ${disabled ? "text-muted" : "text-danger"}`}
          data-testid="field-disabled-reason"
        >
          {disabledReason}
        </p>
      ) : hint ? (
        <p className="text-[11px] text-muted">{hint}</p>
      ) : null}
    </div>
  );
}

export const INPUT = "input h-8 w-full px-2 text-sm";
export const MONO = "input h-auto w-full px-2 py-1.5 font-mono text-xs leading-relaxed";

interface ChoiceProps<T extends string> {
  path: string;
  label: string;
  value: T | undefined;
  options: readonly T[];
  onChange(v: T | undefined): void;
  /** Offer "default" (unset): the API's default applies. */
  unset?: string;
  disabledReason?: string | null;
  hint?: ReactNode;
  className?: string;
}

export function Choice<T extends string>({ unset, options, value, onChange, ...row }: ChoiceProps<T>) {
  return (
    <Row {...row} settable={value !== undefined}>
      {(id, disabled) => (
        <select
          id={id}
          disabled={disabled}
          className={INPUT}
          value={value ?? ""}
          onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}
        >
          {unset !== undefined && <option value="">{unset}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </Row>
  );
}

interface NumProps {
  path: string;
  label: string;
  value: number | undefined;
  onChange(v: number | undefined): void;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  disabledReason?: string | null;
  hint?: ReactNode;
  className?: string;
}

/** A number that may be unset (not sent; the API's default applies). */
export function Num({ value, onChange, min, max, step, placeholder = "default", ...row }: NumProps) {
  return (
    <Row {...row} settable={value !== undefined}>
      {(id, disabled) => (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          disabled={disabled}
          placeholder={placeholder}
          className={INPUT}
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
        />
      )}
    </Row>
  );
}

/** A comma- or space-separated list typed as text (domains, ids, tool names). */
export function ListInput({
  id,
  value,
  onChange,
  placeholder,
  disabled,
  label,
}: {
  id?: string;
  value: string[];
  onChange(v: string[]): void;
  placeholder?: string;
  disabled?: boolean;
  label?: string;
}) {
  // The text keeps a trailing comma or space while typing; the list follows every keystroke.
  const joined = value.join(", ");
  const [text, setText] = useState(joined);
  const [last, setLast] = useState(joined);
  if (joined !== last) {
    setLast(joined);
    if (split(text).join(", ") !== joined) setText(joined);
  }
  return (
    <input
      id={id}
      aria-label={label}
      disabled={disabled}
      className={`${INPUT} font-mono text-xs`}
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(split(e.target.value));
      }}
    />
  );
}

const split = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** A titled group of fields, like platform.openai.com's editor sections, denser. */
export function Section({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card space-y-3 p-3" aria-label={title}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-medium text-sm">{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}
