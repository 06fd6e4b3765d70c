import type { FileObject } from "openai/resources/files";
import type { UploadPart } from "openai/resources/uploads/parts";
import type { Upload } from "openai/resources/uploads/uploads";
import { apiFetch } from "@/lib/api-client";
import { apiUpload } from "@/lib/api-upload";
import { ApiError } from "@/lib/errors";
import { type HostBodyLimit, type Purpose, partBytes, sendsInParts } from "./limits";

/**
 * Browser uploads through the console's proxy. Small files, and files for purposes the Uploads API
 * does not take, go in one `POST /files`; larger ones through the Uploads API: create, parts sent a
 * few at a time (each retried on its own), then complete with the part ids in order. Through the
 * client's `apiUpload`, which reports progress.
 */

export type UploadedFile = FileObject;

export interface PartState {
  /** Part index → upstream part id, for parts the upstream has. */
  done: Record<number, string>;
  uploadId: string | null;
  /** The part size the Upload was started with, so a resume cuts the file the same way. */
  partBytes?: number;
}

export interface UploadCallbacks {
  /** Bytes acknowledged or in flight so far, for the progress bar and speed. */
  onProgress(sentBytes: number): void;
  /** After each part lands: what a resume after a reload needs. */
  onParts?(state: PartState): void;
}

const PARALLEL = 3;
const RETRIES = 3;

const retryable = (e: unknown) =>
  e instanceof ApiError && (e.status === 0 || e.status === 429 || e.status >= 500);
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(t);
      reject(new DOMException("Upload cancelled", "AbortError"));
    });
  });

export function uploadSimple(
  file: Blob & { name: string },
  purpose: Purpose,
  expirySeconds: number | null,
  cb: UploadCallbacks,
  signal: AbortSignal,
): Promise<UploadedFile> {
  const form = new FormData();
  form.append("purpose", purpose);
  if (expirySeconds) {
    form.append("expires_after[anchor]", "created_at");
    form.append("expires_after[seconds]", String(expirySeconds));
  }
  form.append("file", file, file.name);
  return apiUpload<UploadedFile>("/api/v1/files", {
    body: form,
    signal,
    onProgress: (n) => cb.onProgress(Math.min(n, file.size)),
  });
}

export function partCount(size: number, part: number): number {
  return Math.max(1, Math.ceil(size / part));
}

export async function uploadInParts(
  file: Blob & { name: string; type: string },
  purpose: Purpose,
  expirySeconds: number | null,
  resume: PartState,
  cb: UploadCallbacks,
  signal: AbortSignal,
  part: number,
): Promise<UploadedFile> {
  // A resumed Upload keeps the part size it was started with.
  const PART = (resume.uploadId && resume.partBytes) || part;
  const state: PartState = { done: { ...resume.done }, uploadId: resume.uploadId, partBytes: PART };
  if (!state.uploadId) {
    const up = await apiUpload<Upload>("/api/v1/uploads", {
      body: JSON.stringify({
        filename: file.name,
        purpose,
        bytes: file.size,
        mime_type:
          file.type || (file.name.endsWith(".jsonl") ? "application/jsonl" : "application/octet-stream"),
        ...(expirySeconds ? { expires_after: { anchor: "created_at", seconds: expirySeconds } } : {}),
      }),
      signal,
    });
    state.uploadId = up.id;
    state.done = {};
    // A copy: `state.done` fills in below, and the store must not see it change under it.
    cb.onParts?.({ ...state, done: {} });
  }
  const uploadId = state.uploadId;
  const total = partCount(file.size, PART);
  const inFlight = new Map<number, number>();
  const doneBytes = () =>
    Object.keys(state.done).reduce((a, i) => a + Math.min(PART, file.size - Number(i) * PART), 0);
  const report = () => cb.onProgress(doneBytes() + [...inFlight.values()].reduce((a, b) => a + b, 0));
  report();
  const queue = Array.from({ length: total }, (_, i) => i).filter((i) => !(i in state.done));
  const sendPart = async (i: number) => {
    const blob = file.slice(i * PART, Math.min(file.size, (i + 1) * PART));
    for (let attempt = 0; ; attempt++) {
      const form = new FormData();
      form.append("data", blob, `part-${i}`);
      try {
        const part = await apiUpload<UploadPart>(`/api/v1/uploads/${uploadId}/parts`, {
          body: form,
          signal,
          onProgress: (n) => {
            inFlight.set(i, Math.min(n, blob.size));
            report();
          },
        });
        inFlight.delete(i);
        state.done[i] = part.id;
        cb.onParts?.({ ...state, done: { ...state.done } });
        report();
        return;
      } catch (e) {
        inFlight.delete(i);
        if (attempt >= RETRIES || !retryable(e)) throw e;
        await sleep(500 * 2 ** attempt, signal);
      }
    }
  };
  const workers = Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) await sendPart(i);
  });
  await Promise.all(workers);
  const partIds = Array.from({ length: total }, (_, i) => state.done[i] as string);
  const done = await apiUpload<Upload>(`/api/v1/uploads/${uploadId}/complete`, {
    body: JSON.stringify({ part_ids: partIds }),
    signal,
  });
  if (!done.file)
    throw new ApiError({ type: "upstream_error", message: "The upload completed without a file." });
  return done.file;
}

export function cancelUpstreamUpload(uploadId: string): Promise<unknown> {
  return apiFetch<Upload>(`/api/v1/uploads/${uploadId}/cancel`, { method: "POST" }).catch(() => null);
}

export function uploadFile(
  file: Blob & { name: string; type: string },
  purpose: Purpose,
  expirySeconds: number | null,
  resume: PartState,
  cb: UploadCallbacks,
  signal: AbortSignal,
  host: HostBodyLimit = null,
): Promise<UploadedFile> {
  return sendsInParts(file.size, purpose, host)
    ? uploadInParts(file, purpose, expirySeconds, resume, cb, signal, partBytes(host))
    : uploadSimple(file, purpose, expirySeconds, cb, signal);
}
