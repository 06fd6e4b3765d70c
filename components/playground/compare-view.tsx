"use client";

import { ModelPicker } from "@/components/models/model-picker";
import { useModels } from "@/components/queries/use-models";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { API_SHORT_LABELS, WIRE_APIS } from "@/lib/openai-facts";
import { newMessage } from "@/lib/playground/defaults";
import { buildRequest } from "@/lib/playground/request";
import type { WireApi } from "@/lib/playground/types";
import { CompareDiff } from "./compare-diff";
import { InstructionsEditor, MessageList, PromptEditor } from "./conversation";
import { ModelFacts } from "./model-facts";
import { ParamsPanel } from "./params-panel";
import { RerunConfirm } from "./rerun-confirm";
import { RunPanel } from "./run-panel";
import { type Column, MAX_COLUMNS, usePlayground } from "./store";
import { messagesFrom, setupFor } from "./use-run";

export interface CompareViewProps {
  onRunAll(): void;
  /** `replace`: stop the column's run in flight and start again (after asking). */
  onRun(id: string, replace?: boolean): void;
  onStop(): void;
  onStopColumn(id: string): void;
  running: boolean;
}

/** Up to four setups side by side on one shared input; any column can become the main setup. */
export function CompareView({ onRunAll, onRun, onStop, onStopColumn, running }: CompareViewProps) {
  const columns = usePlayground((s) => s.columns);
  const api = usePlayground((s) => s.setup.api);
  return (
    <div className="space-y-3" data-testid="compare">
      <details open className="rounded-lg border border-border bg-surface-2/50 p-2">
        <summary className="cursor-pointer px-1 font-medium text-muted text-xs uppercase tracking-wide">
          Shared input
        </summary>
        <div className="mt-2 space-y-2">
          {api === "completions" ? (
            <PromptEditor />
          ) : (
            <>
              <InstructionsEditor />
              <MessageList />
            </>
          )}
        </div>
      </details>
      <div className="flex flex-wrap items-center gap-2">
        {running ? (
          <Button variant="danger" onClick={onStop} data-testid="stop">
            Stop all
          </Button>
        ) : (
          <Button variant="primary" onClick={onRunAll} data-testid="run-all">
            Run all
          </Button>
        )}
        <Button
          disabled={columns.length >= MAX_COLUMNS}
          onClick={() => usePlayground.getState().addColumn()}
          data-testid="add-column"
        >
          + Column
        </Button>
        <span className="text-muted text-xs">
          {columns.length} of {MAX_COLUMNS} columns
        </span>
        <CompareDiff />
      </div>
      {/* As many columns side by side as fit at 14rem or more (three at 1024 px); the rest wrap below, so no column is
          ever cut off at the page's edge (one per row on a phone). */}
      <div className="grid grid-cols-[repeat(auto-fit,minmax(min(100%,14rem),1fr))] gap-3">
        {columns.map((c, i) => (
          <CompareColumn
            key={c.id}
            column={c}
            index={i}
            onRun={(replace) => onRun(c.id, replace)}
            onStop={() => onStopColumn(c.id)}
          />
        ))}
      </div>
    </div>
  );
}

interface CompareColumnProps {
  column: Column;
  index: number;
  onRun(replace?: boolean): void;
  onStop(): void;
}

function CompareColumn({ column, index, onRun, onStop }: CompareColumnProps) {
  const { resolve } = useModels();
  const { updateColumn, updateColumnParams, removeColumn } = usePlayground.getState();
  // Subscribing to the shared input rebuilds the column's request when it changes.
  usePlayground((s) => s.setup);
  const model = resolve(column.setup.model);
  const full = setupFor(column.id);
  const request = full ? buildRequest(full, model) : null;
  const status = usePlayground((s) => s.runs[column.id]?.status);
  // An empty shared input is not an error worth red text: Run is just disabled until there is input.
  const problem = request?.problems.find((p) => p.param !== "messages" && p.param !== "prompt");
  return (
    <section
      aria-label={`Column ${index + 1}`}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-border bg-surface p-3"
      data-testid="compare-column"
    >
      <div className="flex flex-wrap items-center gap-1">
        <span className="font-medium text-muted text-xs">#{index + 1}</span>
        <select
          aria-label={`API of column ${index + 1}`}
          className="input h-7 w-auto min-w-0 px-1 text-xs"
          value={column.setup.api}
          onChange={(e) => updateColumn(column.id, { api: e.target.value as WireApi })}
        >
          {WIRE_APIS.map((a) => (
            <option key={a} value={a}>
              {API_SHORT_LABELS[a]}
            </option>
          ))}
        </select>
        {/* The column's actions: one button each. */}
        <div className="ml-auto flex gap-1">
          <Tooltip content="Make this the main setup, with this column's reply">
            <Button
              variant="ghost"
              size="sm"
              disabled={status === "running"}
              onClick={() => promote(column.id)}
              data-testid="promote"
            >
              Promote
            </Button>
          </Tooltip>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => removeColumn(column.id)}
            aria-label={`Remove column ${index + 1}`}
          >
            ×
          </Button>
        </div>
      </div>
      <ModelPicker
        value={column.setup.model}
        api={column.setup.api}
        label={`Model of column ${index + 1}`}
        onChange={(m) => updateColumn(column.id, { model: m })}
      />
      <ModelFacts model={model} />
      <details className="text-xs">
        <summary className="cursor-pointer text-muted">Parameters</summary>
        <div className="pt-2">
          <ParamsPanel
            setup={column.setup}
            model={model}
            onParams={(p) => updateColumnParams(column.id, p)}
            compact
          />
        </div>
      </details>
      {problem && (
        <p className="text-danger text-xs" data-testid="column-problem">
          {problem.message}
        </p>
      )}
      <div className="min-h-24 flex-1 border-border border-t pt-2">
        <RunPanel target={column.id} model={model} onRun={() => onRun()} compact />
        {!status && <p className="text-muted text-xs">Not run yet.</p>}
      </div>
      <RerunConfirm target={column.id} onReplace={() => onRun(true)} />
      {status === "running" ? (
        <Button variant="danger" className="h-7 text-xs" onClick={onStop} data-testid="column-stop">
          Stop this column
        </Button>
      ) : (
        <Button className="h-7 text-xs" onClick={() => onRun()} disabled={Boolean(request?.problems.length)}>
          Run this column
        </Button>
      )}
    </section>
  );
}

/**
 * The column becomes the main setup and its finished reply joins the conversation, as a main run's
 * does (use-run), so its output, metrics and request stay in view. Legacy completions keep theirs
 * in the run panel.
 */
function promote(id: string): void {
  const state = usePlayground.getState();
  const run = state.runs[id];
  const api = state.columns.find((c) => c.id === id)?.setup.api;
  state.promoteColumn(id);
  const first = run?.outcome.choices[0];
  if (!run || !first || api === "completions" || !(first.text || first.refusal || first.toolCalls.length))
    return;
  for (const m of messagesFrom(first, run.outcome.id)) state.addMessage(m);
  if (!first.toolCalls.length) state.addMessage(newMessage("user"));
}
