/**
 * Every hyperparameter a job's method takes, in the order the create form and the compare table show
 * them. Its own module so the compare page does not load the create form's schemas.
 */
export const HYPERPARAMETERS = [
  "n_epochs",
  "batch_size",
  "learning_rate_multiplier",
  "beta",
  "compute_multiplier",
  "eval_interval",
  "eval_samples",
  "reasoning_effort",
] as const;
export type Hyperparameter = (typeof HYPERPARAMETERS)[number];
