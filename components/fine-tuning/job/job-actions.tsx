"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { actionsFor, type JobAction } from "@/lib/fine-tuning/status";
import type { Job } from "@/lib/fine-tuning/types";
import { queryKeys } from "@/lib/query-keys";

const LABEL: Record<JobAction, string> = { cancel: "Cancel job", pause: "Pause", resume: "Resume" };

/** Cancel, pause and resume as the status allows, disabled with the reason when ownership does not. */
export function JobActions({ job, refused }: { job: Job; refused: string | null }) {
  const qc = useQueryClient();
  const [confirm, confirmDialog] = useConfirm();
  const act = useMutation<Job, ApiError, JobAction>({
    mutationFn: (a) =>
      apiFetch<Job>(`/api/v1/fine_tuning/jobs/${encodeURIComponent(job.id)}/${a}`, { method: "POST" }),
    onSuccess: (next) => {
      qc.setQueryData(queryKeys.fineTuningJob(job.id), next);
      void qc.invalidateQueries({ queryKey: queryKeys.fineTuningEvents(job.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.fineTuningJobsAll });
    },
  });
  const actions = actionsFor(job.status);
  if (!actions.length) return null;
  const run = async (a: JobAction) => {
    if (
      a === "cancel" &&
      !(await confirm({
        title: "Cancel this job?",
        description: "A cancelled job cannot be resumed. Checkpoints already made stay usable.",
        confirmLabel: "Cancel job",
        danger: true,
      }))
    )
      return;
    act.mutate(a);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      {actions.map((a) => (
        <Button
          key={a}
          size="sm"
          variant={a === "cancel" ? "danger" : "default"}
          disabled={Boolean(refused) || act.isPending}
          pending={act.isPending && act.variables === a}
          title={refused ?? undefined}
          onClick={() => void run(a)}
          data-testid={`job-${a}`}
        >
          {LABEL[a]}
        </Button>
      ))}
      {refused && (
        <span className="text-muted text-xs" data-testid="job-actions-refused">
          {refused}
        </span>
      )}
      {act.error && (
        <span className="text-danger text-xs" role="alert" data-testid="job-action-error">
          {act.error.message}
        </span>
      )}
      {confirmDialog}
    </div>
  );
}
