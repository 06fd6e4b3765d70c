"use client";

import { formatCount, formatDate, formatPricePerMillion } from "@/lib/format";
import type { ResolvedModel } from "@/lib/models/catalogue";

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
