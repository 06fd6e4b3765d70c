"use client";

import { lazy, Suspense } from "react";

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

export interface SelectProps<T extends string> {
  value: T;
  onValueChange(value: NoInfer<T>): void;
  options: SelectOption<NoInfer<T>>[];
  /** Id of the visible text that names the trigger (a <label for> does not reach it). */
  "aria-labelledby"?: string;
  "aria-label"?: string;
  "data-testid"?: string;
  className?: string;
}

const Impl = lazy(() => import("./base/select").then((m) => ({ default: m.Select })));

/**
 * A styled single-choice list (Base UI's Select) for short option sets in dense controls, where the
 * look has to match the surrounding UI. Prefer a native <select> in forms: phones show their own
 * picker. The library loads with the first Select shown, not with the route.
 */
export function Select<T extends string>(props: SelectProps<T>) {
  const current = props.options.find((o) => o.value === props.value)?.label;
  return (
    <Suspense
      fallback={
        <span className={`input flex h-7 w-auto items-center text-xs ${props.className ?? ""}`}>
          {current}
        </span>
      }
    >
      <Impl {...(props as unknown as SelectProps<string>)} />
    </Suspense>
  );
}
