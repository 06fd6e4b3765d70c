"use client";

import { Button } from "@/components/ui/button";
import { fieldId } from "@/lib/assistants/builder";
import type { AssistantConfig } from "@/lib/assistants/schema";
import { METADATA_LIMITS } from "@/lib/openai-facts";
import { INPUT } from "./fields";

type Pairs = AssistantConfig["metadata"];

/** Key/value pairs sent as the response's `metadata` (the playground's limits). */
export function MetadataPairs({ value, onChange }: { value: Pairs; onChange(v: Pairs): void }) {
  const set = (i: number, patch: Partial<Pairs[number]>) =>
    onChange(value.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <fieldset className="space-y-1" id={fieldId("metadata")}>
      <legend className="label">Metadata</legend>
      {value.map((pair, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
        <div key={i} className="flex gap-1">
          <input
            id={fieldId(`metadata.${i}`)}
            aria-label={`Metadata key ${i + 1}`}
            className={`${INPUT} min-w-0 flex-1 font-mono text-xs`}
            maxLength={METADATA_LIMITS.keyChars}
            placeholder="key"
            value={pair.key}
            onChange={(e) => set(i, { key: e.target.value })}
          />
          <input
            aria-label={`Metadata value ${i + 1}`}
            className={`${INPUT} min-w-0 flex-1 text-xs`}
            maxLength={METADATA_LIMITS.valueChars}
            placeholder="value"
            value={pair.value}
            onChange={(e) => set(i, { value: e.target.value })}
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
        variant="ghost"
        size="sm"
        disabled={value.length >= METADATA_LIMITS.pairs}
        onClick={() => onChange([...value, { key: "", value: "" }])}
      >
        + Add pair ({value.length}/{METADATA_LIMITS.pairs})
      </Button>
    </fieldset>
  );
}
