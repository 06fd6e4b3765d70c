import type { InputHTMLAttributes, ReactNode } from "react";

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** Classes for the input itself (className styles the wrapper). */
  inputClassName?: string;
  hint?: ReactNode;
  error?: string | null;
}

/** A labelled input with its hint and error wired up for screen readers. */
export function Field({ label, hint, error, id, className, inputClassName, ...input }: FieldProps) {
  const fieldId = id ?? input.name ?? label.toLowerCase().replace(/\W+/g, "-");
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={fieldId} className="label">
        {label}
      </label>
      <input
        id={fieldId}
        className={`input ${inputClassName ?? ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <p id={`${fieldId}-hint`} className="text-muted text-xs">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${fieldId}-error`} className="text-danger text-xs">
          {error}
        </p>
      )}
    </div>
  );
}
