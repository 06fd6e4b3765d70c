"use client";

import { useId } from "react";
import { useModels } from "@/components/queries/use-models";
import { formatCount, formatDate, formatPricePerMillion } from "@/lib/format";
import type { ResolvedModel } from "@/lib/models/catalogue";
import type { WireApi } from "@/lib/playground/types";

export interface ModelPickerProps {
  value: string;
  onChange(model: string): void;
  api: WireApi;
  label?: string;
}

/**
 * Any model id may be typed (other servers, new releases); the list offers the upstream's models.
 * What the catalogue knows about the choice shows under it.
 */
export function ModelPicker({ value, onChange, api, label = "Model" }: ModelPickerProps) {
  const id = useId();
  const { models, error, loaded } = useModels();
  const listed = models.filter((m) => m.capabilities.apis.includes(api) || !m.matched);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        list={`${id}-list`}
        className="input h-8 w-full min-w-0 font-mono text-sm"
        value={value}
        placeholder="Model id"
        spellCheck={false}
        autoComplete="off"
        data-testid="model-input"
        onChange={(e) => onChange(e.target.value.trim())}
      />
      <datalist id={`${id}-list`}>
        {listed.map((m) => (
          <option key={m.model} value={m.model}>
            {m.label}
            {m.shutdownDate ? ` — shuts down ${formatDate(m.shutdownDate)}` : ""}
          </option>
        ))}
      </datalist>
      {error && (
        <p className="text-[11px] text-warning">
          Could not list the upstream's models; any id can still be typed.
        </p>
      )}
      {loaded && !error && value && !models.some((m) => m.model === value) && (
        <p className="text-[11px] text-muted">Not in the upstream's list; it will be sent as typed.</p>
      )}
    </div>
  );
}

export function ModelFacts({ model }: { model: ResolvedModel }) {
  const p = model.pricing;
  return (
    <div className="space-y-1 text-[11px] text-muted" data-testid="model-facts">
      {model.shutdownDate && (
        <p className="rounded bg-warning-soft px-1.5 py-0.5 text-warning" data-testid="model-shutdown">
          Deprecated: shuts down <time dateTime={model.shutdownDate}>{formatDate(model.shutdownDate)}</time>
        </p>
      )}
      {!model.matched && (
        <p>Unknown to the catalogue: defaults apply (128k context, every control offered, no price).</p>
      )}
      <p>
        {formatCount(model.contextWindow)} context · {formatCount(model.maxOutput)} max output
      </p>
      {p && (
        <p>
          {formatPricePerMillion(p.input)} in
          {p.cachedInput !== undefined ? ` · ${formatPricePerMillion(p.cachedInput)} cached` : ""} ·{" "}
          {formatPricePerMillion(p.output)} out per 1M tokens
        </p>
      )}
      <p className="flex flex-wrap gap-1">
        {(["tools", "vision", "reasoning", "structuredOutputs", "logprobs"] as const)
          .filter((c) => model.capabilities[c])
          .map((c) => (
            <span key={c} className="rounded bg-surface-2 px-1">
              {c === "structuredOutputs" ? "structured outputs" : c}
            </span>
          ))}
      </p>
    </div>
  );
}
