"use client";

import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { type OverfitHint, overfitHint } from "@/lib/fine-tuning/metrics";
import { isTerminal } from "@/lib/fine-tuning/status";
import type { Job, MetricTable } from "@/lib/fine-tuning/types";
import { metricGroups } from "./metric-groups";
import { MetricsChart } from "./metrics-chart";
import { useJobMetrics } from "./use-job-metrics";

export interface JobMetricsProps {
  job: Job;
  /** The job page opens the suggested checkpoint (e.g. in the playground); without it no button shows. */
  onPickCheckpoint?(step: number): void;
}

/**
 * A job's metric charts: live from `metrics` events while it runs, from checkpoints and the result
 * CSV once done; the overfitting hint with the suggested checkpoint above them.
 */
export function JobMetrics({ job, onPickCheckpoint }: JobMetricsProps) {
  const { table, loading } = useJobMetrics(job);
  const groups = useMemo(() => metricGroups(table), [table]);
  const hint = useMemo(() => overfitHint(table), [table]);
  const marks = useMemo(
    () => table.checkpoints.map((c) => ({ step: c.step, label: `Checkpoint at step ${c.step}` })),
    [table.checkpoints],
  );

  if (loading && !table.steps.length) return <EmptyState loading title="Loading metrics…" />;
  if (!table.steps.length) {
    return (
      <EmptyState title="No metrics yet">
        {isTerminal(job.status)
          ? "This job reported no training metrics."
          : "Charts appear here once training starts, and grow while the job runs."}
      </EmptyState>
    );
  }
  const last = table.steps.at(-1);
  const chart = (g: { id: string; title: string; lines: Parameters<typeof MetricsChart>[0]["lines"] }) => (
    <MetricsChart
      key={g.id}
      title={g.title}
      lines={g.lines}
      epochEnds={table.epochEnds}
      checkpoints={marks}
      exportName={`${job.id}-${g.id}`}
    />
  );
  return (
    <section className="flex flex-col gap-3" aria-label="Metrics" data-testid="job-metrics">
      <p className="text-muted text-xs" data-testid="job-metrics-progress">
        Step {last}
        {table.totalSteps ? ` of ${table.totalSteps}` : ""}
        {table.epochEnds.length ? ` · ${table.epochEnds.length} epoch ends marked (dashed)` : ""}
        {table.checkpoints.length ? " · checkpoints marked ▼" : ""}
      </p>
      {hint && <OverfitNotice hint={hint} table={table} onPick={onPickCheckpoint} />}
      <div className="grid gap-3 xl:grid-cols-2">{groups.main.map(chart)}</div>
      {groups.other.length > 0 && (
        <details className="card p-3" data-testid="job-metrics-other">
          <summary className="cursor-pointer font-medium text-sm">Other ({groups.other.length})</summary>
          <div className="mt-3 grid gap-3 xl:grid-cols-2">{groups.other.map(chart)}</div>
        </details>
      )}
    </section>
  );
}

const TONE = { healthy: "success", mild: "info", moderate: "warning", severe: "danger" } as const;
const TITLE = {
  healthy: "No sign of overfitting",
  mild: "Mild overfitting",
  moderate: "Moderate overfitting",
  severe: "Severe overfitting",
};

function OverfitNotice({
  hint,
  table,
  onPick,
}: {
  hint: OverfitHint;
  table: MetricTable;
  onPick?(step: number): void;
}) {
  const s = hint.suggested;
  const isLast = s && s.step === table.steps.at(-1);
  return (
    <Alert tone={TONE[hint.level]} title={TITLE[hint.level]} testId="overfit-hint">
      <p>{hint.message}</p>
      <p className="mt-1 text-xs opacity-80">
        Ratio bands of validation to train loss: below 1.2 healthy, 1.2–1.5 mild, 1.5–2.0 moderate, above 2.0
        severe.
      </p>
      {s?.checkpointModel && !isLast && hint.level !== "healthy" && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <span className="text-xs">
            Suggested: <code className="break-all">{s.checkpointModel}</code>
          </span>
          {onPick && (
            <Button size="sm" onClick={() => onPick(s.step)} data-testid="overfit-pick-checkpoint">
              Use checkpoint at step {s.step}
            </Button>
          )}
        </div>
      )}
    </Alert>
  );
}
