"use client";

import { useMemo, useState } from "react";
import { useAssistantVersion } from "@/components/queries/use-assistants";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DiffModeSwitch } from "@/components/ui/diff-mode-switch";
import { EmptyState } from "@/components/ui/empty-state";
import { DiffTable, TextDiff } from "@/components/ui/text-diff";
import { diffConfigs } from "@/lib/assistants/diff";
import type { AssistantVersionSummary } from "@/lib/assistants/schema";

export interface ComparePanelProps {
  id: string;
  versions: AssistantVersionSummary[];
  production: number | null;
  pair: { a: number; b: number };
  onPair(p: { a: number; b: number }): void;
}

/** Two versions side by side: the instructions as a text diff, everything else as a table of what changed. */
export function ComparePanel({ id, versions, production, pair, onPair }: ComparePanelProps) {
  const a = useAssistantVersion(id, pair.a);
  const b = useAssistantVersion(id, pair.b);
  const [mode, setMode] = useState<"words" | "lines">("words");
  const diff = useMemo(
    () => (a.data && b.data ? diffConfigs(a.data.config, b.data.config) : null),
    [a.data, b.data],
  );
  const options = [...versions].sort((x, y) => y.version - x.version);
  const label = (n: number) => `v${n}${n === production ? " (production)" : ""}`;
  const pick = (side: "a" | "b", n: number) => {
    const other = side === "a" ? pair.b : pair.a;
    // Picking the other side's version swaps them rather than comparing a version with itself.
    if (n === other) onPair({ a: pair.b, b: pair.a });
    else onPair({ ...pair, [side]: n });
  };
  const error = a.error ?? b.error;
  return (
    <section className="card space-y-4 p-4" data-testid="version-diff" aria-labelledby="compare-title">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="compare-title" className="mr-2 font-semibold">
          Compare
        </h2>
        {(["a", "b"] as const).map((side) => (
          <label key={side} className="flex items-center gap-1 text-muted text-xs">
            {side === "a" ? "From" : "To"}
            <select
              className="input h-8 w-auto"
              value={pair[side]}
              onChange={(e) => pick(side, Number(e.target.value))}
              data-testid={`compare-${side}`}
            >
              {options.map((v) => (
                <option key={v.version} value={v.version}>
                  {label(v.version)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onPair({ a: pair.b, b: pair.a })}
          aria-label="Swap the two"
        >
          ⇄ Swap
        </Button>
      </div>
      {error && <Alert tone="danger">{error.message}</Alert>}
      {!diff ? (
        !error && <EmptyState title="Loading both versions…" loading />
      ) : (
        <>
          <div className="space-y-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-medium text-sm">Instructions</h3>
              {diff.instructions.changed && <DiffModeSwitch mode={mode} onChange={setMode} />}
            </div>
            {diff.instructions.changed ? (
              <TextDiff before={diff.instructions.before} after={diff.instructions.after} mode={mode} />
            ) : (
              <p className="text-muted text-sm" data-testid="instructions-same">
                Same instructions.
              </p>
            )}
          </div>
          <div className="space-y-2">
            <h3 className="font-medium text-sm">Settings, variables and tools</h3>
            {diff.rows.length ? (
              <DiffTable rows={diff.rows} labels={[label(pair.a), label(pair.b)]} />
            ) : (
              <p className="text-muted text-sm" data-testid="settings-same">
                Same model, settings, variables and tools.
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
