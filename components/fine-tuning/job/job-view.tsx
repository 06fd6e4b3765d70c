"use client";

import { useState } from "react";
import { JobMetrics } from "@/components/fine-tuning/charts/job-metrics";
import { ExportJobButton } from "@/components/fine-tuning/export/export-button";
import { useCheckpoints, useJob, useJobEvents } from "@/components/queries/use-fine-tuning";
import { useModels } from "@/components/queries/use-models";
import { useOwners } from "@/components/queries/use-owners";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { timeline } from "@/lib/fine-tuning/job-facts";
import { isTerminal } from "@/lib/fine-tuning/status";
import { Checkpoints } from "./checkpoints";
import { EventsFeed } from "./events-feed";
import { JobActions } from "./job-actions";
import { JobDetails } from "./job-details";
import { JobError } from "./job-error";
import { JobHeader } from "./job-header";
import { StatusTimeline } from "./status-timeline";
import { useOpenInPlayground } from "./use-open-in-playground";

/** One job: header and actions, timeline, metrics, checkpoints, events and settings; live until it ends. */
export function JobView({ id, meId }: { id: string; meId: string }) {
  const q = useJob(id);
  const job = q.data;
  const live = Boolean(job && !isTerminal(job.status));
  const events = useJobEvents(id, live);
  const checkpoints = useCheckpoints(id, live);
  const owners = useOwners("fine_tuning_job", [id]);
  const { resolve } = useModels();
  const playground = useOpenInPlayground();
  const [picked, setPicked] = useState<number | null>(null);
  if (q.error) return <EmptyState title="Could not load this job">{q.error.message}</EmptyState>;
  if (!job) return <EmptyState title="Loading the job…" loading />;
  const own = owners.data?.data[id];
  const owner = own?.owner ? (own.owner.userId === meId ? "you" : own.owner.name || own.owner.email) : null;
  const pick = (step: number) => {
    setPicked(step);
    document
      .getElementById(`checkpoint-step-${step}`)
      ?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  };
  return (
    <div className="mx-auto max-w-7xl space-y-5" data-testid="ft-job">
      <JobHeader
        job={job}
        owner={owner}
        shutdownDate={resolve(job.model).shutdownDate}
        onOpen={(t) => void playground.open(t)}
        actions={
          <>
            <JobActions job={job} refused={own && !own.allowed ? own.reason : null} />
            <ExportJobButton job={job} />
          </>
        }
      />
      {playground.problem && <Alert tone="danger">{playground.problem}</Alert>}
      <StatusTimeline steps={timeline(job, events.data ?? [])} />
      {job.error && job.status === "failed" && <JobError error={job.error} />}
      <JobMetrics job={job} onPickCheckpoint={pick} />
      <Checkpoints
        job={job}
        checkpoints={checkpoints.data ?? []}
        picked={picked}
        onOpen={(t) => void playground.open(t)}
      />
      <EventsFeed events={events.data ?? []} live={live} />
      <JobDetails job={job} />
      {playground.confirmDialog}
    </div>
  );
}
