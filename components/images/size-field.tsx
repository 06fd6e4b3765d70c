"use client";

import { useId } from "react";
import { customSizeError, customSizeWarning, type ImageParams, sizeRuleText } from "@/lib/images/params";
import type { ImageSpec } from "@/lib/models/schema";

export interface SizeFieldProps {
  spec: ImageSpec;
  params: ImageParams;
  onChange(patch: Partial<ImageParams>): void;
}

/** The model's sizes, and any WxH inside its rule: the rule shown, a size that breaks it quoted. */
export function SizeField({ spec, params: p, onChange }: SizeFieldProps) {
  const id = useId();
  const rule = sizeRuleText(spec);
  const custom = p.size === "custom";
  const error = custom ? customSizeError(spec, p.customWidth, p.customHeight) : null;
  const warning = custom && !error ? customSizeWarning(spec, p.customWidth, p.customHeight) : null;
  return (
    <div className="col-span-2 flex flex-col gap-1">
      <label htmlFor={id} className="label">
        Size
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <select
          id={id}
          className="input h-8 w-40"
          value={p.size}
          data-testid="param-size"
          onChange={(e) => onChange({ size: e.target.value })}
        >
          {spec.sizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          {spec.customSizes && <option value="custom">Custom WxH…</option>}
        </select>
        {custom && (
          <span className="flex items-center gap-1">
            <input
              aria-label="Width"
              type="number"
              inputMode="numeric"
              className="input h-8 w-20"
              step={spec.customSizes?.multipleOf ?? 1}
              value={p.customWidth}
              data-testid="param-width"
              aria-invalid={Boolean(error) || undefined}
              aria-describedby={`${id}-rule`}
              onChange={(e) => onChange({ customWidth: Number(e.target.value) })}
            />
            <span className="text-muted">×</span>
            <input
              aria-label="Height"
              type="number"
              inputMode="numeric"
              className="input h-8 w-20"
              step={spec.customSizes?.multipleOf ?? 1}
              value={p.customHeight}
              data-testid="param-height"
              aria-invalid={Boolean(error) || undefined}
              aria-describedby={`${id}-rule`}
              onChange={(e) => onChange({ customHeight: Number(e.target.value) })}
            />
          </span>
        )}
      </div>
      {custom && rule && (
        <p id={`${id}-rule`} className="text-[11px] text-muted" data-testid="size-rule">
          {rule}
        </p>
      )}
      {error && (
        <p className="text-[11px] text-danger" data-testid="size-error">
          {error}
        </p>
      )}
      {warning && <p className="text-[11px] text-warning">{warning}</p>}
    </div>
  );
}
