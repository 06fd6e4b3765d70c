import type { FineTuningJobCheckpoint } from "openai/resources/fine-tuning/jobs/checkpoints";
import type { FineTuningJob, FineTuningJobEvent } from "openai/resources/fine-tuning/jobs/jobs";

/**
 * Fine-tuning objects as the API sends them, typed with the SDK's types. The docs show `pausing` and
 * `paused`, which the SDK's enum lacks, and the API adds statuses over time: a status is any string,
 * and the pages render one they do not know generically (docs/fine-tuning.md).
 */
export type JobStatus = FineTuningJob["status"] | "pausing" | "paused" | (string & {});

export type Job = Omit<FineTuningJob, "status"> & { status: JobStatus };
export type JobEvent = FineTuningJobEvent;
export type Checkpoint = FineTuningJobCheckpoint;
export type JobMethod = "supervised" | "dpo" | "reinforcement";

/**
 * Metrics of one job as columns over steps, whatever they came from (live `metrics` events,
 * checkpoints, the result CSV). `columns` holds every numeric series the sources carry, keyed by the
 * API's name (`train_loss`, `valid_mean_token_accuracy`, `full_valid_loss`, `train_mean_reward`…;
 * nested objects flattened with "/", e.g. `scores/accuracy_grader`); a null is a gap. Steps ascend.
 */
export interface MetricTable {
  steps: number[];
  columns: Record<string, (number | null)[]>;
  /** From the events' `total_steps` when known. */
  totalSteps: number | null;
  /** Steps at which an epoch ended (full-validation rows, checkpoints), ascending. */
  epochEnds: number[];
  checkpoints: { step: number; id: string; model: string }[];
}
