import { strToU8, Zip, ZipDeflate } from "fflate";
// The whole package.json is a few kB, and this module loads only on the first export.
import pkg from "../../package.json";
import type { Checkpoint, Job, JobEvent } from "./types";

/**
 * "Export job": a job and everything the API still holds about it as one zip, built in the browser
 * (docs/fine-tuning-export.md). I/O is injected so the whole assembly is unit-tested with a fake API;
 * the button passes apiFetch/apiRequest. Loaded on first use, so fflate stays out of the job page.
 *
 * Memory is bounded by `capBytes` (default 256 MB) over the entries' uncompressed bytes: the
 * training and validation files are the only entries that can be large, so each is checked against
 * the room left before it is read (its `bytes` from the file object) and read with a running count
 * that stops at the cap; a result file is read against the room left and at most RESULT_CAP_BYTES.
 * Peak memory is not one file's size: a file is held as its read chunks and their copy while it is
 * added (a result file also as text, decoded bytes and CSV, several times its size), and the zip's
 * chunks are copied once more into the Blob; all of it bounded by a small multiple of the cap.
 */

export const EXPORT_CAP_BYTES = 256 * 1024 * 1024;
/** A result file is a metrics CSV (a few MB for a long run); past this it is noted, not read. */
export const RESULT_CAP_BYTES = 32 * 1024 * 1024;
export const EXPORT_FORMAT = "benchtop.fine-tuning-export/1";

export interface ExportIo {
  json<T>(path: string, signal: AbortSignal): Promise<T>;
  /** The response body of a GET as a stream (file contents). */
  body(path: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
}

export interface ExportProgress {
  stage: string;
  /** Items or bytes done in this stage, when countable. */
  done?: number;
  total?: number;
}

export interface ManifestEntry {
  path: string;
  what: string;
  bytes: number;
}

export interface Manifest {
  format: typeof EXPORT_FORMAT;
  job_id: string;
  exported_at: string;
  benchtop_version: string;
  training_file: string;
  validation_file: string | null;
  result_files: string[];
  cap_bytes: number;
  included: ManifestEntry[];
  not_included: { what: string; reason: string }[];
}

export interface ExportOptions {
  signal: AbortSignal;
  capBytes?: number;
  onProgress?: (p: ExportProgress) => void;
  now?: () => Date;
}

interface Page<T> {
  data: T[];
  has_more: boolean;
}

const PAGE = 100;
const jobPath = (id: string) => `/api/v1/fine_tuning/jobs/${encodeURIComponent(id)}`;
const filePath = (id: string) => `/api/v1/files/${encodeURIComponent(id)}`;

/** Every item of a cursor list, following `after` until `has_more` is false. */
export async function allPages<T extends { id: string }>(
  fetchPage: (after: string) => Promise<Page<T>>,
  onPage?: (count: number) => void,
): Promise<T[]> {
  const all: T[] = [];
  let after = "";
  for (;;) {
    const page = await fetchPage(after);
    all.push(...page.data);
    onPage?.(all.length);
    const last = page.data.at(-1);
    if (!page.has_more || !last) return all;
    after = last.id;
  }
}

const HEADER = /^[A-Za-z_][\w/ .-]*(,[A-Za-z_][\w/ .-]*)+\r?$/;

/**
 * A result file's CSV from its text as served: the API sends base64 of the CSV, a proxy or a future
 * API may send the CSV itself. null when it is neither.
 */
export function decodeResultFile(text: string): string | null {
  const trimmed = text.trim();
  if (HEADER.test(trimmed.split("\n", 1)[0] ?? "")) return trimmed;
  if (!/^[A-Za-z0-9+/=\s]+$/.test(trimmed)) return null;
  try {
    const bin = atob(trimmed.replace(/\s+/g, ""));
    const csv = new TextDecoder("utf-8", { fatal: true }).decode(
      Uint8Array.from(bin, (c) => c.charCodeAt(0)),
    );
    return HEADER.test(csv.trim().split("\n", 1)[0] ?? "") ? csv : null;
  } catch {
    return null;
  }
}

/** Why a download failed, in words for the manifest (the API's message when it sent one). */
export function failureReason(err: unknown): string {
  if (err && typeof err === "object") {
    const e = err as { status?: number; message?: string };
    const status = e.status ? `HTTP ${e.status}: ` : "";
    if (e.message) return `${status}${e.message}`;
  }
  return String(err);
}

class CapExceeded extends Error {}

/** Reads a stream to bytes, giving up (and cancelling it) past `limit` bytes. */
export async function readCapped(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  onBytes?: (n: number) => void,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new CapExceeded();
    }
    parts.push(value);
    onBytes?.(size);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

const json = (v: unknown) => strToU8(`${JSON.stringify(v, null, 2)}\n`);
const MB = 1024 * 1024;
const mb = (n: number) => `${Math.ceil(n / MB)} MB`;

/** Builds the zip; rejects with an AbortError when `signal` aborts. */
export async function exportJob(
  jobId: string,
  io: ExportIo,
  { signal, capBytes = EXPORT_CAP_BYTES, onProgress, now = () => new Date() }: ExportOptions,
): Promise<{ blob: Blob; manifest: Manifest }> {
  const chunks: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else chunks.push(chunk);
  });
  const included: ManifestEntry[] = [];
  const notIncluded: Manifest["not_included"] = [];
  let used = 0;
  const add = (path: string, what: string, data: Uint8Array) => {
    signal.throwIfAborted();
    const entry = new ZipDeflate(path, { level: 6 });
    zip.add(entry);
    entry.push(data, true);
    used += data.byteLength;
    included.push({ path, what, bytes: data.byteLength });
    if (zipError) throw zipError;
  };

  onProgress?.({ stage: "Reading the job" });
  const job = await io.json<Job>(jobPath(jobId), signal);
  add("job.json", "The job object as the API returns it", json(job));

  onProgress?.({ stage: "Reading events", done: 0 });
  const events = await allPages<JobEvent>(
    (after) => io.json(`${jobPath(jobId)}/events?${pageQuery(after)}`, signal),
    (done) => onProgress?.({ stage: "Reading events", done }),
  );
  add("events.json", "Every event, newest first as the API lists them", json(events));

  onProgress?.({ stage: "Reading checkpoints" });
  const checkpoints = await allPages<Checkpoint>((after) =>
    io.json(`${jobPath(jobId)}/checkpoints?${pageQuery(after)}`, signal),
  );
  add("checkpoints.json", "Every checkpoint the API keeps (the last few epochs)", json(checkpoints));

  for (const id of job.result_files ?? []) {
    onProgress?.({ stage: `Reading result file ${id}` });
    // Ids come from the upstream's job object: a path part only through safeName (no `/`, `:`, `..`).
    const name = safeName(id);
    try {
      // Against the room left, and small: a result file is held as text, bytes and CSV at once.
      const limit = Math.min(capBytes - used, RESULT_CAP_BYTES);
      const text = new TextDecoder().decode(
        await readCapped(await io.body(`${filePath(id)}/content`, signal), limit),
      );
      add(`results/${name}.txt`, "Result file as served (base64 of the CSV)", strToU8(text));
      const csv = decodeResultFile(text);
      if (csv !== null) add(`results/${name}.csv`, "Result file decoded to CSV", strToU8(csv));
      else
        notIncluded.push({
          what: `results/${name}.csv`,
          reason: "The result file is neither CSV nor base64 of a CSV",
        });
    } catch (err) {
      if (signal.aborted) throw err;
      notIncluded.push({ what: `Result file ${id}`, reason: failureReason(err) });
    }
  }
  if (!job.result_files?.length)
    notIncluded.push({ what: "Result files", reason: "The job has none (they appear when it succeeds)" });

  const inputs: [string, string | null | undefined][] = [
    ["training", job.training_file],
    ["validation", job.validation_file],
  ];
  for (const [role, id] of inputs) {
    if (!id) {
      if (role === "validation") notIncluded.push({ what: "Validation file", reason: "The job has none" });
      continue;
    }
    const what = `${role[0]?.toUpperCase()}${role.slice(1)} file ${id}`;
    const stage = `Downloading the ${role} file`;
    try {
      const meta = await io.json<{ bytes?: number; filename?: string }>(filePath(id), signal);
      const room = capBytes - used;
      if (typeof meta.bytes === "number" && meta.bytes > room) {
        notIncluded.push({
          what,
          reason: `${mb(meta.bytes)}: over the export's cap (${mb(room)} left of ${mb(capBytes)})`,
        });
        continue;
      }
      onProgress?.({ stage, done: 0, total: meta.bytes });
      const body = await io.body(`${filePath(id)}/content`, signal);
      const bytes = await readCapped(body, room, (done) => onProgress?.({ stage, done, total: meta.bytes }));
      add(
        `files/${role}-${safeName(id)}-${safeName(meta.filename ?? "file.jsonl")}`,
        `${what} content`,
        bytes,
      );
    } catch (err) {
      if (signal.aborted) throw err;
      notIncluded.push({
        what,
        reason:
          err instanceof CapExceeded
            ? `Over the export's cap (${mb(capBytes)})`
            : `Not downloadable: ${failureReason(err)}`,
      });
    }
  }

  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    job_id: job.id,
    exported_at: now().toISOString(),
    benchtop_version: pkg.version,
    training_file: job.training_file,
    validation_file: job.validation_file ?? null,
    result_files: job.result_files ?? [],
    cap_bytes: capBytes,
    included: [...included],
    not_included: notIncluded,
  };
  onProgress?.({ stage: "Zipping" });
  add("manifest.json", "This manifest", json(manifest));
  zip.end();
  if (zipError) throw zipError;
  return { blob: new Blob(chunks as BlobPart[], { type: "application/zip" }), manifest };
}

const pageQuery = (after: string) =>
  new URLSearchParams({ limit: String(PAGE), ...(after ? { after } : {}) });

/** A file name safe inside a zip on any OS: no separators, `:` or leading dots. */
export function safeName(name: string): string {
  return (
    name
      .replace(/[^\w .()+-]+/g, "_")
      .replace(/\.{2,}/g, "_")
      .replace(/^\./, "_")
      .slice(0, 120) || "file"
  );
}
