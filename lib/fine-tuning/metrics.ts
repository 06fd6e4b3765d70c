import type { Checkpoint, JobEvent, MetricTable } from "./types";

/**
 * Builds MetricTables from the three places a job's metrics live, and the analysis drawn on them
 * (owner: charts). Stubs until the charts part lands; signatures are the contract.
 */

export function emptyTable(): MetricTable {
  return { steps: [], columns: {}, totalSteps: null, epochEnds: [], checkpoints: [] };
}

/** From `metrics` events (any order, duplicates ignored); message events are skipped. */
export function tableFromEvents(_events: readonly JobEvent[]): MetricTable {
  return emptyTable();
}

export function tableFromCheckpoints(_checkpoints: readonly Checkpoint[]): MetricTable {
  return emptyTable();
}

/**
 * The result file's text: raw CSV or base64 of it (decoded when it does not start with a header).
 * Parsed by header name with a real CSV parser; unknown columns kept, blanks are gaps;
 * `train_accuracy` is renamed to `train_mean_token_accuracy`.
 */
export function tableFromResultCsv(_text: string): MetricTable {
  return emptyTable();
}

/** One table from several sources; a later source fills only the gaps of an earlier one. */
export function mergeTables(..._tables: MetricTable[]): MetricTable {
  return emptyTable();
}

export type OverfitLevel = "healthy" | "mild" | "moderate" | "severe";

export interface OverfitHint {
  level: OverfitLevel;
  /** valid / train loss over the last stretch of the run. */
  ratio: number;
  /** Whether validation loss rises while train loss falls at the end. */
  diverging: boolean;
  /** The checkpoint (or step) with the lowest validation loss, when one is known. */
  suggested: { step: number; checkpointModel: string | null } | null;
  message: string;
}

/** null when there is no validation loss to judge by. */
export function overfitHint(_table: MetricTable): OverfitHint | null {
  return null;
}
