"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { ApiError } from "@/lib/errors";
import { checkUpload, type HostBodyLimit, PART_BYTES, type Purpose } from "@/lib/files/limits";
import type { PartState } from "@/lib/files/upload";
import { formatCount } from "@/lib/format";

/**
 * The upload queue. Entries persist in localStorage so an upload cut by a reload can resume while
 * the upstream Upload is still open (an hour): the browser cannot keep the File itself, so the
 * user picks the same file again and only the missing parts are sent.
 */

export type UploadStatus = "uploading" | "done" | "error" | "cancelled" | "paused";

export interface UploadEntry {
  id: string;
  name: string;
  size: number;
  lastModified: number;
  type: string;
  purpose: Purpose;
  expirySeconds: number | null;
  /** The host's request-body limit when the upload was queued (see lib/files/limits.ts). */
  host: HostBodyLimit;
  status: UploadStatus;
  sent: number;
  /** Bytes per second over the last sample. */
  speed: number;
  error: string | null;
  fileId: string | null;
  parts: PartState;
  startedAt: number;
}

const UPLOAD_TTL_MS = 60 * 60 * 1000;
const files = new Map<string, File>();
const controllers = new Map<string, AbortController>();

interface UploadState {
  uploads: UploadEntry[];
  add(
    list: File[],
    purpose: Purpose,
    expirySeconds: number | null,
    host: HostBodyLimit,
    onDone?: () => void,
  ): void;
  cancel(id: string): void;
  retry(id: string, onDone?: () => void): void;
  resume(id: string, file: File, onDone?: () => void): string | null;
  remove(id: string): void;
  clearFinished(): void;
}

/** Bytes of the parts the upstream acknowledged; a single request has none until it is done. */
function landedBytes(u: UploadEntry): number {
  const part = u.parts.partBytes ?? PART_BYTES;
  return Object.keys(u.parts.done).reduce((a, i) => a + Math.min(part, u.size - Number(i) * part), 0);
}

function patch(id: string, p: Partial<UploadEntry>): void {
  useUploads.setState((s) => ({ uploads: s.uploads.map((u) => (u.id === id ? { ...u, ...p } : u)) }));
}

async function run(id: string, onDone?: () => void): Promise<void> {
  const entry = useUploads.getState().uploads.find((u) => u.id === id);
  const file = files.get(id);
  if (!entry || !file) return;
  const ctrl = new AbortController();
  controllers.set(id, ctrl);
  patch(id, { status: "uploading", error: null, startedAt: entry.startedAt || Date.now() });
  let last = { t: performance.now(), bytes: entry.sent };
  try {
    // The uploader loads with the first upload, not with the page.
    const { uploadFile } = await import("@/lib/files/upload");
    const done = await uploadFile(
      file,
      entry.purpose,
      entry.expirySeconds,
      entry.parts,
      {
        onProgress: (sent) => {
          const now = performance.now();
          const dt = now - last.t;
          if (dt > 400) {
            patch(id, { sent, speed: ((sent - last.bytes) / dt) * 1000 });
            last = { t: now, bytes: sent };
          } else patch(id, { sent });
        },
        onParts: (parts) => patch(id, { parts }),
      },
      ctrl.signal,
      entry.host ?? null,
    );
    patch(id, { status: "done", sent: entry.size, fileId: done.id, speed: 0 });
    files.delete(id);
    onDone?.();
  } catch (e) {
    if (ctrl.signal.aborted) return;
    const message = e instanceof ApiError ? e.message : e instanceof Error ? e.message : "Upload failed.";
    patch(id, { status: "error", error: message, speed: 0 });
  } finally {
    controllers.delete(id);
  }
}

export const useUploads = create<UploadState>()(
  persist(
    (set, get) => ({
      uploads: [],
      add: (list, purpose, expirySeconds, host, onDone) => {
        const added: UploadEntry[] = list.map((f) => {
          const problem = checkUpload(f, purpose, expirySeconds, host);
          return {
            id: `up_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`,
            name: f.name,
            size: f.size,
            lastModified: f.lastModified,
            type: f.type,
            purpose,
            expirySeconds,
            host,
            status: problem ? "error" : "uploading",
            sent: 0,
            speed: 0,
            error: problem,
            fileId: null,
            parts: { done: {}, uploadId: null },
            startedAt: 0,
          };
        });
        list.forEach((f, i) => {
          const a = added[i];
          if (a) files.set(a.id, f);
        });
        set((s) => ({ uploads: [...added, ...s.uploads] }));
        for (const a of added) if (!a.error) void run(a.id, onDone);
      },
      cancel: (id) => {
        controllers.get(id)?.abort();
        const u = get().uploads.find((x) => x.id === id);
        const uploadId = u?.parts.uploadId;
        if (uploadId) void import("@/lib/files/upload").then((m) => m.cancelUpstreamUpload(uploadId));
        // The bar shows what the upstream had confirmed, not bytes still in flight (which made a
        // cancelled upload look complete).
        patch(id, {
          status: "cancelled",
          speed: 0,
          sent: u ? landedBytes(u) : 0,
          parts: { done: {}, uploadId: null },
        });
      },
      retry: (id, onDone) => {
        const u = get().uploads.find((x) => x.id === id);
        if (!u || !files.has(id) || checkUpload(u, u.purpose, u.expirySeconds, u.host ?? null)) return;
        // A cancelled upload starts over; a failed one keeps the parts the upstream already has.
        if (u.status === "cancelled") patch(id, { sent: 0, parts: { done: {}, uploadId: null } });
        void run(id, onDone);
      },
      resume: (id, file, onDone) => {
        const u = get().uploads.find((x) => x.id === id);
        if (!u) return null;
        // Name and size: some pickers do not keep the modification time.
        if (file.name !== u.name || file.size !== u.size)
          return `That is not the same file: pick ${u.name} (${formatCount(u.size)} bytes).`;
        files.set(id, file);
        if (!u.parts.uploadId || Date.now() - u.startedAt > UPLOAD_TTL_MS)
          patch(id, { sent: 0, parts: { done: {}, uploadId: null } });
        void run(id, onDone);
        return null;
      },
      remove: (id) => {
        controllers.get(id)?.abort();
        files.delete(id);
        set((s) => ({ uploads: s.uploads.filter((u) => u.id !== id) }));
      },
      clearFinished: () =>
        set((s) => ({ uploads: s.uploads.filter((u) => u.status === "uploading" || u.status === "paused") })),
    }),
    {
      name: "benchtop.uploads.v1",
      storage: createJSONStorage(() => localStorage),
      // After a reload nothing is in flight: uploads that were running wait for their file again.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as { uploads?: UploadEntry[] };
        const uploads = (p.uploads ?? []).map((u) =>
          u.status === "uploading"
            ? {
                ...u,
                // Only an upload in parts has an upstream Upload to go on with.
                status: (u.parts.uploadId ? "paused" : "error") as UploadStatus,
                speed: 0,
                error: u.parts.uploadId ? null : "Interrupted by a reload; pick the file again to retry.",
              }
            : u,
        );
        return { ...current, uploads };
      },
      partialize: (s) => ({ uploads: s.uploads }),
    },
  ),
);

export function hasFile(id: string): boolean {
  return files.has(id);
}
