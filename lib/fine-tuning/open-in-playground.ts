/**
 * "Open in the playground" and "compare against the base and the final model" for a checkpoint or a
 * fine-tuned model (owner: job page). The playground's draft store is loaded on click, as the
 * assistants' test chat does, so the fine-tuning pages do not carry the playground's code.
 */
export interface PlaygroundTarget {
  /** The model to open: a checkpoint's `fine_tuned_model_checkpoint` or the job's `fine_tuned_model`. */
  model: string;
  /** For compare: the columns, in order (e.g. checkpoint, base, final). */
  compareWith?: string[];
}

/** One click on a checkpoint: open it alone, or compare it against the job's base and final model. */
export function checkpointTarget(
  checkpointModel: string,
  job: { model: string; fine_tuned_model: string | null },
  compare: boolean,
): PlaygroundTarget {
  if (!compare) return { model: checkpointModel };
  return { model: checkpointModel, compareWith: [job.model, job.fine_tuned_model ?? ""] };
}

/**
 * The models the playground shows for a target: the main setup's, and the compare columns' in
 * order (empty when not comparing). Blanks and repeats drop out, so a job without a final model
 * compares two columns.
 */
export function playgroundPlan(t: PlaygroundTarget): { main: string; columns: string[] } {
  if (!t.compareWith) return { main: t.model, columns: [] };
  const columns = [...new Set([t.model, ...t.compareWith].filter(Boolean))];
  return { main: t.model, columns: columns.length > 1 ? columns : [] };
}
