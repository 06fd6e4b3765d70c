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
