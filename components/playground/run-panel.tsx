"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { ErrorPanel } from "./error-panel";
import { Inspector } from "./inspector";
import { RunMetrics } from "./run-metrics";
import { ChoiceView } from "./run-output";
import { RunPending } from "./run-pending";
import { MAIN, type RunEntry, usePlayground } from "./store";

export interface RunPanelProps {
  target: string;
  model: ResolvedModel;
  onRun(): void;
  onContinue?: () => void;
  compact?: boolean;
}

/**
 * The latest run of a target, from the moment it is sent. For the main setup a finished reply has
 * become a message (a completion sits beside the prompt, live too), so only a live chat stream,
 * extra choices, metrics and errors show here; a compare column shows its output. A finished main
 * run stays with the mode it ran in.
 */
export function RunPanel({ target, model, onRun, onContinue, compact = false }: RunPanelProps) {
  const run = usePlayground((s) => s.runs[target]);
  const api = usePlayground((s) => s.setup.api);
  const [inspect, setInspect] = useState(false);
  if (!run) return null;
  const live = run.status === "running";
  const main = target === MAIN;
  if (main && !live && run.api !== api) return null;
  const choices =
    main && (!live || run.api === "completions") ? run.outcome.choices.slice(1) : run.outcome.choices;
  const schema = schemaOf(run);
  const cut = run.outcome.choices[0]?.finishReason === "length";
  const arrived = run.outcome.choices.some((c) => c.text || c.refusal || c.reasoning || c.toolCalls.length);
  return (
    <section
      aria-label={main ? "Run" : "Column output"}
      aria-live={live ? "off" : "polite"}
      className="space-y-2"
      data-testid="run-panel"
      data-status={run.status}
    >
      {live && !arrived && <RunPending run={run} />}
      {choices.map((c) => (
        <div key={c.index} className={main ? "rounded-lg border border-border bg-surface p-2" : ""}>
          {run.outcome.choices.length > 1 && <p className="mb-1 text-muted text-xs">Choice {c.index + 1}</p>}
          <ChoiceView choice={c} streaming={live} schema={schema} />
        </div>
      ))}
      <ErrorPanel run={run} onRetry={onRun} onContinue={arrived ? onContinue : undefined} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        {/* While nothing has arrived the pending line says it all; bare dashes would add nothing. */}
        {(arrived || !live) && <RunMetrics run={run} model={model} compact={compact} />}
        <div className="ml-auto flex gap-1">
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
