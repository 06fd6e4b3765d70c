"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { formatUsd, plural } from "@/lib/format";
import { ResultTile } from "./result-tile";
import { RunError } from "./run-error";
import type { ResultSlot } from "./run-job";
import { useImageRun } from "./run-store";

export interface ResultsPanelProps {
  priced: boolean;
  onEdit(slot: ResultSlot): void;
  onRetry(): void;
}

/** The current run: its progress and Stop, the first error with what to do, and a tile per image. */
export function ResultsPanel({ priced, onEdit, onRetry }: ResultsPanelProps) {
  const { run, running, stop } = useImageRun();
  const ref = useRef<HTMLElement>(null);
  // On a phone the results are below the form: bring a new run into view.
  const runId = run?.id;
  useEffect(() => {
    if (runId && window.innerWidth < 1024)
      ref.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [runId]);
  if (!run)
    return (
      <div className="rounded-lg border border-border border-dashed" data-testid="image-results-empty">
        <EmptyState title="No images yet">
          Write a prompt and press Generate. Every image is saved to your library as it arrives, with its
          prompt, parameters and cost.
        </EmptyState>
      </div>
    );
  const done = run.slots.filter((s) => s.status === "done");
  const cost = done.reduce<number | null>((a, s) => (s.costUsd === null ? a : (a ?? 0) + s.costUsd), null);
  const seconds = ((run.endedAt ?? Date.now()) - run.startedAt) / 1000;
  return (
    <section
      ref={ref}
      aria-label="Results"
      className="flex scroll-mt-16 flex-col gap-3"
      data-testid="image-results"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" aria-live="polite">
        {running ? (
          <>
            <Spinner />
            <span data-testid="image-run-status">
              {run.endpoint === "generations"
                ? "Generating"
                : run.endpoint === "edits"
                  ? "Editing"
                  : "Making variations"}{" "}
              {plural(run.slots.length, "image")}
              {run.requests > 1 ? ` in ${run.requests} parallel requests` : ""}
              {run.streaming ? ", streaming" : ""}…
            </span>
            <Button size="sm" variant="danger" onClick={stop} data-testid="image-stop">
              Stop
            </Button>
          </>
        ) : (
          <span className="text-muted" data-testid="image-run-status">
            {done.length} of {plural(run.slots.length, "image")} in {seconds.toFixed(1)} s with{" "}
            <span className="font-mono">{run.model}</span>
            {cost !== null ? ` · ≈ ${formatUsd(cost)} (estimate)` : ""}
          </span>
        )}
      </div>
      {run.error && <RunError error={run.error} onRetry={onRetry} />}
      {run.notices.map((n) => (
        <p key={n} className="text-[12px] text-warning">
          {n}
        </p>
      ))}
      {/* A slot whose request failed before any image shows nothing more than the error above. */}
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {run.slots.map((slot, i) =>
          slot.status === "error" && !slot.url ? null : (
            <ResultTile
              key={slot.key}
              slot={slot}
              index={i}
              beforeUrl={run.beforeUrl}
              priced={priced}
              onEdit={onEdit}
            />
          ),
        )}
      </ul>
    </section>
  );
}
