/**
 * OpenAI's self-serve fine-tuning wind-down (docs/fine-tuning-jobs.md; the API notes §7.1), as data
 * so the banner and the create page say the same dates. Jobs, events, checkpoints and result files
 * stay readable after creation stops; fine-tuned models follow their base model's shutdown.
 */
export interface WindDownStep {
  date: string;
  who: string;
}

export const WIND_DOWN: readonly WindDownStep[] = [
  { date: "2026-05-07", who: "Organizations that had never run fine-tuning" },
  { date: "2026-07-02", who: "Organizations with no inference on a fine-tuned model in the prior 60 days" },
  { date: "2027-01-06", who: "All remaining self-serve customers" },
];

/** The day no one can create a job any more. */
export const CREATION_ENDS = "2027-01-06";
