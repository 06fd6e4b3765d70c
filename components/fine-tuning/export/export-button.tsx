"use client";

import type { Job } from "@/lib/fine-tuning/types";

/**
 * "Export job": everything of a job as one zip (owner: compare part). Stub; the job page places it
 * in its header.
 */
export function ExportJobButton(_: { job: Job }) {
  return null;
}
