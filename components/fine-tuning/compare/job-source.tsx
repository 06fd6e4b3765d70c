"use client";

import { memo, useEffect } from "react";
import { useJobMetrics } from "@/components/fine-tuning/charts/use-job-metrics";
import { useJob } from "@/components/queries/use-fine-tuning";
import type { Job, MetricTable } from "@/lib/fine-tuning/types";

export interface CompareSource {
  id: string;
  job: Job | undefined;
  table: MetricTable | undefined;
  loading: boolean;
  error: string | null;
}

/**
 * Reads one compared job and its metrics and reports them up. Hooks cannot run in a loop over the
 * URL's ids, so each id mounts one of these (it renders nothing); the job keeps polling while it runs,
 * so its lines keep growing. Memoised: the parent re-renders on every report, and this must re-render
 * only when its own queries change, or a table rebuilt per render would report in a loop.
 */
export const JobSource = memo(function JobSource({
  id,
  onChange,
}: {
  id: string;
  onChange(s: CompareSource): void;
}) {
  const q = useJob(id);
  const { table, loading } = useJobMetrics(q.data);
  const error = q.error ? q.error.message || "Could not read this job" : null;
  useEffect(() => {
    onChange({ id, job: q.data, table: q.data ? table : undefined, loading: q.isPending || loading, error });
  }, [id, q.data, q.isPending, table, loading, error, onChange]);
  return null;
});
