"use client";

import { Button } from "@/components/ui/button";
import { METADATA_LIMITS } from "@/lib/openai-facts";
import type { Params } from "@/lib/playground/types";
import { ParamRow } from "./param-controls";

/** Key/value pairs sent as `metadata`. */
export function MetadataEditor({
  value,
  onChange,
  disabledReason,
}: {
  value: Params["metadata"];
  onChange(v: Params["metadata"]): void;
  disabledReason: string | null;
}) {
  return (
    <ParamRow
      label="Metadata"
      disabledReason={disabledReason}
      hint={`Up to ${METADATA_LIMITS.pairs} pairs; keys ≤ ${METADATA_LIMITS.keyChars}, values ≤ ${METADATA_LIMITS.valueChars} characters.`}
    >
      {(id, disabled) => (
        <div className="space-y-1" id={id}>
          {value.map((pair, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
            <div key={i} className="flex gap-1">
              <input
                aria-label={`Metadata key ${i + 1}`}
                disabled={disabled}
                className="input h-7 min-w-0 flex-1 px-2 text-xs"
                value={pair.key}
                placeholder="key"
                onChange={(e) => onChange(value.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))}
              />
              <input
                aria-label={`Metadata value ${i + 1}`}
                disabled={disabled}
                className="input h-7 min-w-0 flex-1 px-2 text-xs"
                value={pair.value}
                placeholder="value"
                onChange={(e) =>
                  onChange(value.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))
                }
              />
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove metadata ${i + 1}`}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                ×
              </Button>
            </div>
          ))}
          <Button
            disabled={disabled || value.length >= METADATA_LIMITS.pairs}
            variant="ghost"
            size="sm"
            onClick={() => onChange([...value, { key: "", value: "" }])}
          >
            + Add pair
          </Button>
        </div>
      )}
    </ParamRow>
  );
}
