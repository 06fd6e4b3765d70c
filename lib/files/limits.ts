/**
 * What the Files API accepts, checked in the browser before a byte is sent (see
 * docs/files.md for the sources): purposes, size limits per route and purpose, `.jsonl` where
 * required, expiry bounds.
 */

import { formatBytes } from "@/lib/format";

export const PURPOSES = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Purposes the Uploads API takes; the others must fit a single `POST /files`. */
export const UPLOAD_PURPOSES: Purpose[] = ["assistants", "batch", "fine-tune", "vision"];

const MB = 1024 * 1024;
export const UPLOAD_MAX_BYTES = 8 * 1024 * MB;
export const BATCH_MAX_BYTES = 200 * MB;
/**
 * Parts of 4 MiB fit every host's request-body limit (Vercel's is 4.5 MB) with room for the
 * multipart envelope; the API allows up to 64 MB. Files at or under one part go in one request.
 */
export const PART_BYTES = 4 * MB;
export const SIMPLE_MAX_BYTES = PART_BYTES;

export const EXPIRY_MIN_SECONDS = 3600;
export const EXPIRY_MAX_SECONDS = 2_592_000;

export function needsJsonl(purpose: Purpose): boolean {
  return purpose === "fine-tune" || purpose === "batch";
}

/** Why this file cannot be uploaded for this purpose, or null when it can. */
export function checkUpload(
  file: { name: string; size: number },
  purpose: Purpose,
  expirySeconds?: number | null,
): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (needsJsonl(purpose) && !file.name.toLowerCase().endsWith(".jsonl"))
    return `${file.name}: files for ${purpose} must be JSON Lines with a .jsonl extension.`;
  if (purpose === "batch" && file.size > BATCH_MAX_BYTES)
    return `${file.name} is ${formatBytes(file.size)}; batch input files can be at most 200 MB.`;
  const viaParts = file.size > SIMPLE_MAX_BYTES;
  if (viaParts && !UPLOAD_PURPOSES.includes(purpose))
    return `${file.name} is ${formatBytes(file.size)}; files for ${purpose} must fit one request (${formatBytes(SIMPLE_MAX_BYTES)}) because the Uploads API does not take that purpose.`;
  if (file.size > UPLOAD_MAX_BYTES) return `${file.name} is ${formatBytes(file.size)}; the limit is 8 GB.`;
  if (expirySeconds != null && (expirySeconds < EXPIRY_MIN_SECONDS || expirySeconds > EXPIRY_MAX_SECONDS))
    return "Expiry must be between 1 hour and 30 days.";
  return null;
}
