"use client";

import Link from "next/link";
import { ShutdownBadge } from "@/components/models/shutdown-badge";
import { CopyButton } from "@/components/ui/copy-button";
import { When } from "@/components/ui/when";
import { daysLeft, estimatedFinish, METHOD_LABEL, methodOf } from "@/lib/fine-tuning/job-facts";
import type { Job } from "@/lib/fine-tuning/types";
import { formatCount, fromUnix, plural } from "@/lib/format";
import { StatusBadge } from "./status-badge";

export const ROW_GRID =
  "md:grid md:grid-cols-[1.25rem_6.5rem_minmax(0,1.7fr)_5.5rem_minmax(0,1.3fr)_5rem_10rem_4.5rem] md:items-center md:gap-2";

export interface JobRowProps {
  job: Job;
  selected: boolean;
  onSelect(on: boolean): void;
  shutdownDate: string | null;
  owner: string | null;
  today: string;
}

/** One job: a grid row on a wide screen, a card on a phone. */
export function JobRow({ job, selected, onSelect, shutdownDate, owner, today }: JobRowProps) {
  const eta = estimatedFinish(job);
  const days = shutdownDate ? daysLeft(shutdownDate, today) : null;
  const label = (text: string) => <span className="text-muted text-xs md:hidden">{text} </span>;
  return (
    <li
      className={`relative space-y-1.5 rounded-lg border border-border p-3 text-sm md:space-y-0 md:rounded-none md:border-0 md:border-border md:border-b md:px-2 md:py-2 ${ROW_GRID}`}
      data-testid="job-row"
      data-job-id={job.id}
    >
      <input
        type="checkbox"
        className="absolute top-3 right-3 md:static"
        checked={selected}
        onChange={(e) => onSelect(e.target.checked)}
        aria-label={`Select ${job.id} to compare`}
        data-testid="job-select"
      />
      <div>
        <StatusBadge status={job.status} />
      </div>
      <div className="min-w-0">
        <Link
          href={`/fine-tuning/${job.id}`}
          className="font-mono text-accent text-xs hover:underline"
          data-testid="job-link"
        >
          {job.id}
        </Link>
        {job.fine_tuned_model && (
          <div className="flex min-w-0 items-center gap-1">
            <span
              className="truncate font-mono text-muted text-xs"
              title={job.fine_tuned_model}
              data-testid="job-ft-model"
            >
              {job.fine_tuned_model}
            </span>
            <CopyButton
              value={job.fine_tuned_model}
              size="xs"
              variant="ghost"
              className="h-6 shrink-0"
              aria-label={`Copy ${job.fine_tuned_model}`}
            />
          </div>
        )}
      </div>
      <div data-testid="job-method">
        {label("Method")}
        {METHOD_LABEL[methodOf(job)] ?? methodOf(job)}
      </div>
      <div className="min-w-0">
        {label("Base")}
        <span className="truncate font-mono text-xs md:block" title={job.model} data-testid="job-base">
          {job.model}
        </span>
        {shutdownDate && days !== null && (
          <div className="flex flex-wrap items-center gap-1" data-testid="job-shutdown">
            <ShutdownBadge date={shutdownDate} testId="job-shutdown-badge" />
            {days >= 0 && <span className="text-muted text-xs">{plural(days, "day")} left</span>}
          </div>
        )}
      </div>
      <div className="tabular-nums" data-testid="job-tokens">
        {label("Trained tokens")}
        {job.trained_tokens != null ? formatCount(job.trained_tokens) : "—"}
      </div>
      <div className="text-xs">
        <div>
          {label("Created")}
          <When value={fromUnix(job.created_at)} />
        </div>
        <div data-testid="job-finished">
          {eta ? (
            <>
              <span className="text-muted">est. </span>
              <When value={fromUnix(eta)} />
            </>
          ) : (
            <>
              {label("Finished")}
              <When value={fromUnix(job.finished_at)} className={job.finished_at ? "md:text-muted" : ""} />
            </>
          )}
        </div>
      </div>
      <div className="truncate text-muted text-xs" data-testid="job-owner">
        {label("Owner")}
        {owner ?? "—"}
      </div>
    </li>
  );
}
