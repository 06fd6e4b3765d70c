"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ShutdownBadge } from "@/components/models/shutdown-badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { When } from "@/components/ui/when";
import { daysLeft, estimatedFinish, METHOD_LABEL, methodOf } from "@/lib/fine-tuning/job-facts";
import type { PlaygroundTarget } from "@/lib/fine-tuning/open-in-playground";
import type { Job } from "@/lib/fine-tuning/types";
import { formatCount, fromUnix, plural } from "@/lib/format";
import { StatusBadge } from "../jobs/status-badge";

export interface JobHeaderProps {
  job: Job;
  owner: string | null;
  shutdownDate: string | null;
  actions: ReactNode;
  onOpen(target: PlaygroundTarget): void;
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted text-xs">{label}</dt>
      <dd className="break-words" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Status, models, owner, times and tokens, and what can be done with the job. */
export function JobHeader({ job, owner, shutdownDate, actions, onOpen }: JobHeaderProps) {
  const eta = estimatedFinish(job);
  const days = shutdownDate ? daysLeft(shutdownDate, new Date().toISOString().slice(0, 10)) : null;
  return (
    <header className="space-y-3" data-testid="job-header">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href="/fine-tuning" className="text-muted hover:underline">
          Fine-tuning
        </Link>
        <span className="text-muted">/</span>
        <h1 className="min-w-0 truncate font-mono font-semibold text-base" data-testid="job-id">
          {job.id}
        </h1>
        <StatusBadge status={job.status} />
        <span className="flex-1" />
        {actions}
      </div>
      {job.fine_tuned_model && (
        <div className="flex min-w-0 flex-wrap items-center gap-2 rounded-lg border border-border bg-surface-2 px-3 py-2">
          <span className="text-muted text-xs">Fine-tuned model</span>
          <span className="min-w-0 truncate font-mono text-sm" data-testid="job-ft-model">
            {job.fine_tuned_model}
          </span>
          <CopyButton value={job.fine_tuned_model} size="sm" aria-label="Copy the fine-tuned model" />
          <Button
            size="sm"
            variant="primary"
            onClick={() => job.fine_tuned_model && onOpen({ model: job.fine_tuned_model })}
            data-testid="job-open-playground"
          >
            Open in playground
          </Button>
        </div>
      )}
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-[minmax(0,1.6fr)_repeat(5,minmax(0,1fr))]">
        <Fact label="Base model" testId="job-base">
          <span className="font-mono text-xs">{job.model}</span>
          {shutdownDate && (
            <span className="flex flex-wrap items-center gap-1">
              <ShutdownBadge date={shutdownDate} testId="job-shutdown-badge" />
              {days !== null && days >= 0 && (
                <span className="text-muted text-xs">{plural(days, "day")} left</span>
              )}
            </span>
          )}
        </Fact>
        <Fact label="Method" testId="job-method">
          {METHOD_LABEL[methodOf(job)] ?? methodOf(job)}
        </Fact>
        <Fact label="Owner" testId="job-owner">
          {owner ?? "—"}
        </Fact>
        <Fact label="Created">
          <When value={fromUnix(job.created_at)} />
        </Fact>
        <Fact label={eta ? "Estimated finish" : "Finished"} testId="job-finished">
          <When value={fromUnix(eta ?? job.finished_at)} />
        </Fact>
        <Fact label="Trained tokens" testId="job-tokens">
          {job.trained_tokens != null ? formatCount(job.trained_tokens) : "—"}
        </Fact>
      </dl>
    </header>
  );
}
