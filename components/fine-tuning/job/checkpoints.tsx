"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { When } from "@/components/ui/when";
import { checkpointTarget, type PlaygroundTarget } from "@/lib/fine-tuning/open-in-playground";
import { isTerminal } from "@/lib/fine-tuning/status";
import type { Checkpoint, Job } from "@/lib/fine-tuning/types";
import { fromUnix } from "@/lib/format";

const METRICS: [string, string][] = [
  ["train_loss", "Train loss"],
  ["valid_loss", "Valid loss"],
  ["full_valid_loss", "Full valid loss"],
  ["train_mean_token_accuracy", "Train acc."],
  ["full_valid_mean_token_accuracy", "Full valid acc."],
];

const num = (v: unknown) => (typeof v === "number" ? v.toFixed(4) : "—");

export interface CheckpointsProps {
  job: Job;
  checkpoints: Checkpoint[];
  /** The step the charts picked, highlighted. */
  picked: number | null;
  onOpen(target: PlaygroundTarget): void;
}

/** Each kept checkpoint with its metrics: copy, open in the playground, or compare with the base and final model. */
export function Checkpoints({ job, checkpoints, picked, onOpen }: CheckpointsProps) {
  return (
    <section className="space-y-2" data-testid="job-checkpoints">
      <h2 className="font-medium">Checkpoints</h2>
      {checkpoints.length === 0 ? (
        <p className="text-muted text-xs">
          {isTerminal(job.status)
            ? "This job made no checkpoints."
            : "None yet: one is made at each epoch end, and the last three are kept."}
        </p>
      ) : (
        <ul className="space-y-2">
          {[...checkpoints].reverse().map((c) => {
            const m = (c.metrics ?? {}) as Record<string, unknown>;
            return (
              <li
                key={c.id}
                id={`checkpoint-step-${c.step_number}`}
                className={`rounded-lg border p-3 text-sm ${picked === c.step_number ? "border-accent" : "border-border"}`}
                data-testid="job-checkpoint"
                data-step={c.step_number}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">Step {c.step_number}</span>
                  <When value={fromUnix(c.created_at)} className="text-muted text-xs" />
                  <span className="flex-1" />
                  <Button
                    size="sm"
                    variant="primary"
                    onClick={() => onOpen(checkpointTarget(c.fine_tuned_model_checkpoint, job, false))}
                    data-testid="checkpoint-open-playground"
                  >
                    Open in playground
                  </Button>
                  <Button
                    size="sm"
                    onClick={() => onOpen(checkpointTarget(c.fine_tuned_model_checkpoint, job, true))}
                    title="Compare this checkpoint with the base model and the final model"
                    data-testid="checkpoint-compare"
                  >
                    Compare
                  </Button>
                </div>
                <div className="mt-1 flex min-w-0 flex-wrap items-center gap-1">
                  <span className="truncate font-mono text-muted text-xs" data-testid="checkpoint-model">
                    {c.fine_tuned_model_checkpoint}
                  </span>
                  <CopyButton
                    value={c.fine_tuned_model_checkpoint}
                    size="xs"
                    variant="ghost"
                    className="h-6"
                    label="Copy model"
                  />
                  <CopyButton value={c.id} size="xs" variant="ghost" className="h-6" label="Copy id" />
                </div>
                <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs">
                  {METRICS.filter(([k]) => m[k] !== undefined && m[k] !== null).map(([k, label]) => (
                    <div key={k} className="flex gap-1">
                      <dt className="text-muted">{label}</dt>
                      <dd className="tabular-nums" data-testid={`checkpoint-${k}`}>
                        {num(m[k])}
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
