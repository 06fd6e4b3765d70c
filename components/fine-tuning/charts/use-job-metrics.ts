"use client";

import { useEffect, useMemo, useState } from "react";
import { useCheckpoints, useJobEvents, useResultFile } from "@/components/queries/use-fine-tuning";
import { emptyTable, mergeTables, tableFromCheckpoints, tableFromEvents } from "@/lib/fine-tuning/metrics";
import { isTerminal } from "@/lib/fine-tuning/status";
import type { Job, MetricTable } from "@/lib/fine-tuning/types";

const EMPTY = emptyTable();

/**
 * One job's MetricTable from every source the job has: its `metrics` events (live while it runs),
 * its checkpoints and, once it is done, the result CSV. Events come first (exact per-step values and
 * the reinforcement fields); the CSV fills the steps whose events the API no longer lists, and the
 * checkpoints add their markers and full-validation values. The compare page calls it per job.
 */
export function useJobMetrics(job: Job | undefined): { table: MetricTable; loading: boolean } {
  const id = job?.id ?? "";
  const live = Boolean(job) && !isTerminal(job?.status ?? "");
  const events = useJobEvents(id, live);
  const checkpoints = useCheckpoints(id, live);
  const result = useResultFile(job?.result_files?.[0] ?? null);

  const fromEvents = useMemo(() => tableFromEvents(events.data ?? []), [events.data]);
  const fromCheckpoints = useMemo(() => tableFromCheckpoints(checkpoints.data ?? []), [checkpoints.data]);
  // Parsed once per file (papaparse loads only here); a table for another file is not used.
  const [csv, setCsv] = useState<{ text: string; table: MetricTable } | null>(null);
  useEffect(() => {
    const text = result.data;
    if (!text) return;
    let live = true;
    void import("@/lib/fine-tuning/result-csv").then(({ tableFromResultCsv }) => {
      if (live) setCsv({ text, table: tableFromResultCsv(text) });
    });
    return () => {
      live = false;
    };
  }, [result.data]);
  const fromCsv = csv && csv.text === result.data ? csv.table : EMPTY;
  const table = useMemo(
    () => mergeTables(fromEvents, fromCsv, fromCheckpoints),
    [fromEvents, fromCsv, fromCheckpoints],
  );
  const loading = !job || events.isPending || (checkpoints.isPending && !events.data);
  return { table, loading };
}
