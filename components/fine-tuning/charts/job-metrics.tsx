"use client";

import type { Job } from "@/lib/fine-tuning/types";

/**
 * A job's metric charts (owner: charts part): live from `metrics` events while it runs, from
 * checkpoints and the result CSV once done; EMA, log scale, zoom, downloads, the overfitting hint
 * and the suggested checkpoint. Stub.
 */
export function JobMetrics(_: { job: Job; onPickCheckpoint?: (step: number) => void }) {
  return null;
}
