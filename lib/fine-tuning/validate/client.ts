/**
 * The page's side of the validator worker: one worker per page, started on first use (from an
 * event handler or effect). `validateFile` resolves with the report, rejects with an AbortError
 * when its signal aborts (the worker stops at its next chunk).
 */
import type { Encoding } from "@/lib/openai-facts";
import type { TrainingMethod } from "./checks";
import type { ValidateRequest, ValidatorResponse } from "./protocol";
import type { ValidationReport } from "./run";
import type { Holdout } from "./split";

export interface ValidateFileOptions {
  method: TrainingMethod;
  encoding: Encoding;
  contextTokens: number;
  trainingPrice: number | null;
  key: string;
  compareWith?: string;
  maxIssues?: number;
  minExamples?: number;
  signal?: AbortSignal;
  onProgress?(p: { bytes: number; total: number; lines: number }): void;
}

export interface ValidationResult {
  report: ValidationReport;
  ms: number;
}

export interface SplitResult {
  train: Blob;
  validation: Blob;
  /** Lines left out because they could not be read as text. */
  dropped: number;
}

interface Pending {
  resolve(r: ValidationResult | SplitResult): void;
  reject(e: Error): void;
  onProgress?: ValidateFileOptions["onProgress"];
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function ensureWorker(): Worker {
  if (worker) return worker;
  if (typeof Worker === "undefined") throw new Error("validator: Web Workers are not available here");
  const w = new Worker(new URL("./worker.ts", import.meta.url), {
    type: "module",
    name: "fine-tuning-validator",
  });
  w.addEventListener("message", (event: MessageEvent<ValidatorResponse>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.op === "progress") p.onProgress?.(msg);
    else {
      pending.delete(msg.id);
      if (msg.op === "done") p.resolve({ report: msg.report, ms: msg.ms });
      else if (msg.op === "split")
        p.resolve({ train: msg.train, validation: msg.validation, dropped: msg.dropped });
      else if (msg.op === "cancelled") p.reject(new DOMException("Validation cancelled", "AbortError"));
      else p.reject(new Error(msg.error));
    }
  });
  w.addEventListener("error", (event) => {
    event.preventDefault();
    failAll(new Error(`validator worker failed: ${event.message || "could not load"}`));
  });
  worker = w;
  return w;
}

export function validateFile(file: Blob, options: ValidateFileOptions): Promise<ValidationResult> {
  return new Promise((resolve, reject) => {
    const { signal, onProgress, ...rest } = options;
    if (signal?.aborted) return reject(new DOMException("Validation cancelled", "AbortError"));
    let w: Worker;
    try {
      w = ensureWorker();
    } catch (e) {
      return reject(e instanceof Error ? e : new Error(String(e)));
    }
    const id = nextId++;
    const onAbort = () => {
      if (pending.has(id)) w.postMessage({ op: "cancel", id });
    };
    // The listener goes when the run settles, so a long-lived signal does not keep every run alive.
    const settle =
      <T>(fn: (value: T) => void) =>
      (value: T) => {
        signal?.removeEventListener("abort", onAbort);
        fn(value);
      };
    pending.set(id, {
      resolve: settle(resolve as Pending["resolve"]),
      reject: settle(reject),
      onProgress,
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    const request: ValidateRequest = { op: "validate", id, file, ...rest };
    w.postMessage(request);
  });
}

/** The seeded train/validation split of a local file, in the worker (split.ts `splitFile`). */
export function splitInWorker(file: Blob, holdout: Holdout, seed: number): Promise<SplitResult> {
  return new Promise((resolve, reject) => {
    let w: Worker;
    try {
      w = ensureWorker();
    } catch (e) {
      return reject(e instanceof Error ? e : new Error(String(e)));
    }
    const id = nextId++;
    pending.set(id, { resolve: resolve as Pending["resolve"], reject });
    w.postMessage({ op: "split", id, file, holdout, seed });
  });
}
