"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { diffRows, jobsParam, parseJobIds } from "@/lib/fine-tuning/compare";
import type { Job } from "@/lib/fine-tuning/types";
import { type ChartJob, CompareCharts } from "./compare-charts";
import { JobPicker } from "./job-picker";
import { type CompareSource, JobSource } from "./job-source";
import { FinalMetrics, SettingsDiff } from "./settings-diff";

/**
 * Several jobs side by side: their curves overlaid per metric, their settings diffed, their final
 * metrics. The set lives in the URL (`?jobs=a,b`), so a comparison is a link.
 */
export function CompareView() {
  const pathname = usePathname();
  const params = useSearchParams();
  const ids = useMemo(() => parseJobIds(params.get("jobs")), [params]);
  const setIds = useCallback(
    (next: string[]) => {
      const qs = next.length ? `?jobs=${jobsParam(next)}` : "";
      // The History API keeps useSearchParams in step without a server round trip.
      window.history.replaceState(null, "", `${pathname}${qs}`);
    },
    [pathname],
  );
  const [sources, setSources] = useState<Record<string, CompareSource>>({});
  const report = useCallback(
    (s: CompareSource) =>
      setSources((all) => {
        const was = all[s.id];
        const same =
          was &&
          was.job === s.job &&
          was.table === s.table &&
          was.loading === s.loading &&
          was.error === s.error;
        return same ? all : { ...all, [s.id]: s };
      }),
    [],
  );

  const known = ids.flatMap((id, index) => {
    const job = sources[id]?.job;
    return job ? [{ id, index, job, table: sources[id]?.table }] : [];
  });
  const failed = ids.filter((id) => sources[id]?.error);
  const loading = ids.some(
    (id) => !sources[id] || (sources[id]?.loading && !sources[id]?.job && !sources[id]?.error),
  );
  const jobsById = Object.fromEntries(known.map((k) => [k.id, k.job])) as Record<string, Job>;
  const columns = known.map(({ id, index }) => ({ id, index }));
  const charted: ChartJob[] = known.flatMap((k) =>
    k.table ? [{ id: k.id, index: k.index, table: k.table }] : [],
  );

  return (
    <div className="mx-auto max-w-7xl space-y-4" data-testid="ft-compare">
      {ids.map((id) => (
        <JobSource key={id} id={id} onChange={report} />
      ))}
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <p className="text-muted text-xs">
            <Link href="/fine-tuning" className="hover:underline">
              Fine-tuning
            </Link>
          </p>
          <h1 className="font-semibold text-xl">Compare jobs</h1>
        </div>
      </div>
      <JobPicker ids={ids} jobs={jobsById} missing={failed} onChange={setIds} />
      {failed.map((id) => (
        <Alert key={id} tone="warning" testId="ft-compare-missing">
          <span className="font-mono">{id}</span>: {sources[id]?.error} It is left out of the comparison.
        </Alert>
      ))}
      {known
        .filter((k) => k.job.status === "failed")
        .map((k) => (
          <Alert key={k.id} tone="info" testId="ft-compare-failed">
            <span className="font-mono">{k.id}</span> failed
            {k.job.error?.message ? `: ${k.job.error.message}` : "."} Its curves stop where it stopped.
          </Alert>
        ))}
      {ids.length === 0 ? (
        <EmptyState title="No jobs to compare yet">
          Add two or more jobs above, or open a job and choose Compare. The jobs are kept in the address, so
          you can share the comparison as a link.
        </EmptyState>
      ) : known.length === 0 ? (
        loading ? (
          <EmptyState loading title="Reading jobs…" />
        ) : null
      ) : (
        <>
          {known.length === 1 && (
            <p className="text-muted text-sm" data-testid="ft-compare-one">
              Add another job to compare against this one.
            </p>
          )}
          <CompareCharts jobs={charted} />
          <SettingsDiff columns={columns} rows={diffRows(known.map((k) => k.job))} />
          <FinalMetrics columns={columns} tables={known.map((k) => k.table)} />
        </>
      )}
    </div>
  );
}
