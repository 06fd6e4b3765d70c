"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { ErrorPanel } from "./error-panel";
import { Inspector } from "./inspector";
import { RunMetrics } from "./run-metrics";
import { ChoiceView } from "./run-output";
import { MAIN, type RunEntry, usePlayground } from "./store";

export interface RunPanelProps {
  target: string;
  model: ResolvedModel;
  onRun(): void;
  onContinue?: () => void;
  compact?: boolean;
}

/**
 * The latest run of a target. For the main setup a finished reply has become a message, so only a
 * live stream, extra choices, metrics and errors show here; a compare column shows its output.
 */
export function RunPanel({ target, model, onRun, onContinue, compact = false }: RunPanelProps) {
  const run = usePlayground((s) => s.runs[target]);
  const [inspect, setInspect] = useState(false);
  if (!run) return null;
  const live = run.status === "running";
  const choices = target === MAIN && !live ? run.outcome.choices.slice(1) : run.outcome.choices;
  const schema = schemaOf(run);
  const cut = run.outcome.choices[0]?.finishReason === "length";
  return (
    <section
      aria-label={target === MAIN ? "Run" : "Column output"}
      aria-live={live ? "off" : "polite"}
      className="space-y-2"
      data-testid="run-panel"
      data-status={run.status}
    >
      {choices.map((c) => (
        <div
          key={c.index}
          className={target === MAIN ? "rounded-lg border border-border bg-surface p-2" : ""}
        >
          {run.outcome.choices.length > 1 && <p className="mb-1 text-muted text-xs">Choice {c.index + 1}</p>}
          <ChoiceView choice={c} streaming={live} schema={schema} />
        </div>
      ))}
      <ErrorPanel run={run} onRetry={onRun} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RunMetrics run={run} model={model} compact={compact} />
        <div className="flex gap-1">
          {cut && !live && onContinue && (
            <Button size="sm" onClick={onContinue} data-testid="continue">
              Continue
            </Button>
          )}
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={inspect}
            onClick={() => setInspect((v) => !v)}
            data-testid="inspect"
          >
            {inspect ? "Hide inspector" : "Inspect"}
          </Button>
        </div>
      </div>
      {inspect && <Inspector run={run} />}
    </section>
  );
}

function schemaOf(run: RunEntry): string | null {
  const b = run.request.body;
  const chat = (b.response_format as { type?: string; json_schema?: { schema?: unknown } } | undefined)
    ?.json_schema?.schema;
  const resp = (b.text as { format?: { type?: string; schema?: unknown } } | undefined)?.format;
  const schema = chat ?? (resp?.type === "json_schema" ? resp.schema : undefined);
  return schema === undefined ? null : JSON.stringify(schema);
}
