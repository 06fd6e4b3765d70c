"use client";

import { emptyTable } from "@/lib/fine-tuning/metrics";
import type { Job, MetricTable } from "@/lib/fine-tuning/types";

/**
 * One job's MetricTable from every source the job has (owner: charts part; the compare page reads
 * it per job). Stub.
 */
export function useJobMetrics(_job: Job | undefined): { table: MetricTable; loading: boolean } {
  return { table: emptyTable(), loading: false };
}
