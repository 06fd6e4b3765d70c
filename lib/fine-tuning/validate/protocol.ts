/** Messages between the page and the validator worker (worker.ts, client.ts). */
import type { Encoding } from "@/lib/openai-facts";
import type { TrainingMethod } from "./checks";
import type { ValidationReport } from "./run";
import type { Holdout } from "./split";

export interface ValidateRequest {
  op: "validate";
  id: number;
  file: Blob;
  method: TrainingMethod;
  encoding: Encoding;
  contextTokens: number;
  trainingPrice: number | null;
  maxIssues?: number;
  minExamples?: number;
  /** The worker keeps the line hashes of the last run under this key (e.g. "training"). */
  key: string;
  /** Count the lines also in the run kept under this key (the validation file against "training"). */
  compareWith?: string;
}

/** The seeded train/validation split (split.ts), done here so the page never holds the file as text. */
export interface SplitRequest {
  op: "split";
  id: number;
  file: Blob;
  holdout: Holdout;
  seed: number;
}

export type ValidatorRequest = ValidateRequest | SplitRequest | { op: "cancel"; id: number };

export type ValidatorResponse =
  | { op: "progress"; id: number; bytes: number; total: number; lines: number }
  | { op: "done"; id: number; report: ValidationReport; ms: number }
  | { op: "split"; id: number; train: Blob; validation: Blob; dropped: number }
  | { op: "cancelled"; id: number }
  | { op: "error"; id: number; error: string };
