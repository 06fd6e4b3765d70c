"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { useJobList } from "@/components/queries/use-fine-tuning";
import { useModels } from "@/components/queries/use-models";
import { useOwners } from "@/components/queries/use-owners";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import {
  filterJobs,
  type JobFilters,
  jobFiltersFromSearch,
  jobFiltersToSearch,
} from "@/lib/fine-tuning/job-facts";
import { plural } from "@/lib/format";
import { JobFiltersBar } from "./job-filters";
import { JobRow, ROW_GRID } from "./job-row";
import { WindDownBanner } from "./wind-down-banner";

/** The fine-tuning jobs, newest first, filtered in the URL, a page at a time; pick two or more to compare. */
export function JobsView({ meId }: { meId: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => jobFiltersFromSearch(new URLSearchParams(params.toString())), [params]);
  const setFilters = useCallback(
    (f: JobFilters) => {
      const qs = jobFiltersToSearch(f);
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );
  const list = useJobList(filters.metadata);
  const { resolve } = useModels();
  const owners = useOwners(
    "fine_tuning_job",
    useMemo(() => list.jobs.map((j) => j.id), [list.jobs]),
  );
  const ownership = owners.data?.data ?? {};
  const ownerOf = (id: string) => ownership[id]?.owner?.userId ?? null;
  const shown = filterJobs(list.jobs, filters, ownerOf, meId);
  const [selected, setSelected] = useState<string[]>([]);
  const today = new Date().toISOString().slice(0, 10);
  const statuses = [...new Set(list.jobs.map((j) => j.status))];
  const models = [...new Set(list.jobs.map((j) => j.model))].sort();
  return (
    <div className="mx-auto max-w-7xl space-y-4" data-testid="ft-jobs">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="font-semibold text-xl">Fine-tuning</h1>
          <p className="text-muted text-sm">
            Jobs, their metrics and checkpoints; history stays readable and exportable.
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <Link
            href={`/fine-tuning/compare?jobs=${selected.join(",")}`}
            aria-disabled={selected.length < 2}
            className={buttonClass({}, selected.length < 2 ? "pointer-events-none opacity-50" : "")}
            data-testid="jobs-compare"
          >
            Compare{selected.length ? ` (${selected.length})` : ""}
          </Link>
          <Link
            href="/fine-tuning/new"
            className={buttonClass({ variant: "primary" })}
            data-testid="jobs-new"
          >
            New job
          </Link>
        </div>
      </div>
      <WindDownBanner />
      <JobFiltersBar value={filters} onChange={setFilters} statuses={statuses} models={models} />
      {list.error ? (
        <EmptyState title="Could not load jobs">{list.error.message}</EmptyState>
      ) : list.isLoading ? (
        <EmptyState title="Loading jobs…" loading />
      ) : shown.length === 0 ? (
        <EmptyState title={list.jobs.length ? "No job matches these filters" : "No fine-tuning jobs yet"}>
          {list.jobs.length ? (
            <Button
              size="sm"
              onClick={() => setFilters({ ...filters, status: "", method: "", model: "", mine: false })}
            >
              Clear filters
            </Button>
          ) : (
            "Start one with “New job”: pick a training file, a base model and a method."
          )}
        </EmptyState>
      ) : (
        <div>
          <div className={`hidden border-border border-b px-2 pb-1 text-muted text-xs ${ROW_GRID}`}>
            <span />
            <span>Status</span>
            <span>Job · fine-tuned model</span>
            <span>Method</span>
            <span>Base model</span>
            <span>Trained tokens</span>
            <span>Created · finished / est.</span>
            <span>Owner</span>
          </div>
          <ul className="space-y-2 md:space-y-0" data-testid="job-list">
            {shown.map((job) => {
              const o = ownership[job.id]?.owner;
              return (
                <JobRow
                  key={job.id}
                  job={job}
                  today={today}
                  selected={selected.includes(job.id)}
                  onSelect={(on) => setSelected((s) => (on ? [...s, job.id] : s.filter((x) => x !== job.id)))}
                  shutdownDate={resolve(job.model).shutdownDate}
                  owner={o ? (o.userId === meId ? "you" : o.name || o.email) : null}
                />
              );
            })}
          </ul>
        </div>
      )}
      <div className="flex items-center gap-3 text-muted text-xs">
        <span data-testid="jobs-count">
          {plural(shown.length, "job")} shown of {list.jobs.length} loaded
        </span>
        {list.hasNextPage && (
          <Button
            size="sm"
            pending={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
            data-testid="jobs-more"
          >
            Load more
          </Button>
        )}
      </div>
    </div>
  );
}
