/**
 * What the Files API accepts, checked in the browser before a byte is sent (see
 * docs/files.md for the sources): purposes, size limits per route and purpose, `.jsonl` where
 * required, expiry bounds, and the request-body limit of the host the console runs on.
 */

import { formatBytes } from "@/lib/format";

export const PURPOSES = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Purposes the Uploads API takes; the others must fit a single `POST /files`. */
export const UPLOAD_PURPOSES: Purpose[] = ["assistants", "batch", "fine-tune", "vision"];

const MB = 1024 * 1024;
export const UPLOAD_MAX_BYTES = 8 * 1024 * MB;
export const BATCH_MAX_BYTES = 200 * MB;
/** What the API takes in one `POST /files`. */
export const API_SINGLE_MAX_BYTES = 512 * MB;
/**
 * The size of an Uploads API part (the API allows up to 64 MB): small enough to retry cheaply and
 * to fit a host's body limit such as Vercel's 4.5 MB. Files at or under one part go in one request.
 */
export const PART_BYTES = 4 * MB;
/** Room left in a capped request for the multipart envelope around the file's bytes. */
const ENVELOPE_BYTES = 64 * 1024;

export const EXPIRY_MIN_SECONDS = 3600;
export const EXPIRY_MAX_SECONDS = 2_592_000;

/**
 * The largest request body the console's host lets through (Vercel's 4.5 MB, or an operator's
 * setting), or null where nothing caps it. A server fact, handed to the browser by the page.
 */
export type HostBodyLimit = number | null;

/** The largest file one request can carry here: the API's 512 MB, or less where the host caps bodies. */
export function singleMaxBytes(host: HostBodyLimit): number {
  if (host === null) return API_SINGLE_MAX_BYTES;
  const room = Math.max(1, host - ENVELOPE_BYTES);
  // Whole MiB where there is room for one, so messages quote a round figure.
  return Math.min(API_SINGLE_MAX_BYTES, room >= MB ? Math.floor(room / MB) * MB : room);
}

/** The part size for the Uploads API: 4 MiB, or less where the host caps bodies below that. */
export function partBytes(host: HostBodyLimit): number {
  return Math.min(PART_BYTES, singleMaxBytes(host));
}

/** Whether a file goes through the Uploads API in parts rather than in one `POST /files`. */
export function sendsInParts(size: number, purpose: Purpose, host: HostBodyLimit): boolean {
  return UPLOAD_PURPOSES.includes(purpose) && size > partBytes(host);
}

export function needsJsonl(purpose: Purpose): boolean {
  return purpose === "fine-tune" || purpose === "batch";
}

/** Why this file cannot be uploaded for this purpose, or null when it can. */
export function checkUpload(
  file: { name: string; size: number },
  purpose: Purpose,
  expirySeconds: number | null | undefined,
  host: HostBodyLimit,
): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (needsJsonl(purpose) && !file.name.toLowerCase().endsWith(".jsonl"))
    return `${file.name}: files for ${purpose} must be JSON Lines with a .jsonl extension.`;
  if (purpose === "batch" && file.size > BATCH_MAX_BYTES)
    return `${file.name} is ${formatBytes(file.size)}; batch input files can be at most 200 MB.`;
  const single = singleMaxBytes(host);
  if (!UPLOAD_PURPOSES.includes(purpose) && file.size > single)
    return single < API_SINGLE_MAX_BYTES
      ? `${file.name} is ${formatBytes(file.size)}; files for ${purpose} must fit one request, and this server's host takes at most ${formatBytes(single)} in one (the Uploads API, which sends large files in parts, does not take ${purpose}).`
      : `${file.name} is ${formatBytes(file.size)}; files for ${purpose} must fit one request, and the API takes at most ${formatBytes(single)} in one.`;
  if (file.size > UPLOAD_MAX_BYTES) return `${file.name} is ${formatBytes(file.size)}; the limit is 8 GB.`;
  if (expirySeconds != null && (expirySeconds < EXPIRY_MIN_SECONDS || expirySeconds > EXPIRY_MAX_SECONDS))
    return "Expiry must be between 1 hour and 30 days.";
  return null;
}
