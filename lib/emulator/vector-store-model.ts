import type { VectorStoreFileBatch } from "openai/resources/vector-stores/file-batches";
import type { VectorStoreFile } from "openai/resources/vector-stores/files";
import type { VectorStore } from "openai/resources/vector-stores/vector-stores";
import { HttpError } from "./http";
import type { EmulatorState, StoredVectorStore, StoredVectorStoreFile } from "./state";

/**
 * Vector stores as kept in the state, and the API objects derived from them. Statuses are computed when
 * read: a file is in_progress until `readyAtMs` on the state's millisecond clock, then completed or failed.
 */

type FileStatus = VectorStoreFile["status"];
export type Counts = VectorStore.FileCounts;

const UNSUPPORTED = /\.(bin|exe)$/i;

/** Why processing this file will fail, if it will. */
export function failureFor(filename: string): string | null {
  const ext = UNSUPPORTED.exec(filename)?.[1];
  if (ext)
    return `Files with extensions [.${ext.toLowerCase()}] are not supported for retrieval. See https://platform.openai.com/docs/assistants/tools/file-search#supported-files`;
  if (filename.includes("[fail]")) return `The file ${filename} could not be parsed.`;
  return null;
}

export function fileStatus(state: EmulatorState, f: StoredVectorStoreFile, fresh = false): FileStatus {
  if (f.cancelled) return "cancelled";
  if (fresh || state.nowMs() < f.readyAtMs) return "in_progress";
  return f.failure ? "failed" : "completed";
}

export function emptyCounts(): Counts {
  return { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 };
}

export function countFiles(state: EmulatorState, files: Iterable<StoredVectorStoreFile>, fresh = false) {
  const c = emptyCounts();
  for (const f of files) {
    c[fileStatus(state, f, fresh)] += 1;
    c.total += 1;
  }
  return c;
}

function usageBytes(state: EmulatorState, f: StoredVectorStoreFile): number {
  return fileStatus(state, f) === "completed" ? (state.files.get(f.id)?.object.bytes ?? 0) : 0;
}

export function expiresAt(vs: StoredVectorStore): number | null {
  return vs.expiresAfter ? vs.lastActiveAt + vs.expiresAfter.days * 86_400 : null;
}

export function storeObject(state: EmulatorState, vs: StoredVectorStore, fresh = false): VectorStore {
  const counts = countFiles(state, vs.files.values(), fresh);
  return {
    id: vs.id,
    object: "vector_store",
    created_at: vs.createdAt,
    name: vs.name,
    description: vs.description,
    usage_bytes: [...vs.files.values()].reduce((a, f) => a + usageBytes(state, f), 0),
    file_counts: counts,
    status: vs.expired ? "expired" : counts.in_progress > 0 ? "in_progress" : "completed",
    expires_after: vs.expiresAfter ?? undefined,
    expires_at: expiresAt(vs),
    last_active_at: vs.lastActiveAt,
    metadata: vs.metadata ?? {},
  } as VectorStore;
}

export function fileObject(
  state: EmulatorState,
  vs: StoredVectorStore,
  f: StoredVectorStoreFile,
  fresh = false,
): VectorStoreFile {
  const status = fileStatus(state, f, fresh);
  return {
    id: f.id,
    object: "vector_store.file",
    usage_bytes: usageBytes(state, f),
    created_at: f.createdAt,
    vector_store_id: vs.id,
    status,
    last_error: status === "failed" ? { code: "unsupported_file", message: f.failure ?? "" } : null,
    chunking_strategy: { type: "static", static: f.chunking },
    attributes: f.attributes ?? {},
  };
}

export function batchObject(
  state: EmulatorState,
  vs: StoredVectorStore,
  batchId: string,
  fresh = false,
): VectorStoreFileBatch {
  const b = vs.batches.get(batchId);
  if (!b) throw new HttpError(404, `No file batch found with id '${batchId}'.`, null, null);
  const counts = countFiles(state, batchFiles(vs, batchId), fresh);
  const status: VectorStoreFileBatch["status"] = b.cancelled
    ? "cancelled"
    : counts.in_progress > 0
      ? "in_progress"
      : counts.total > 0 && counts.failed === counts.total
        ? "failed"
        : "completed";
  return {
    id: b.id,
    object: "vector_store.files_batch",
    created_at: b.createdAt,
    vector_store_id: vs.id,
    status,
    file_counts: counts,
  };
}

export function batchFiles(vs: StoredVectorStore, batchId: string): StoredVectorStoreFile[] {
  return [...vs.files.values()].filter((f) => f.batchId === batchId);
}

/** Milliseconds until the last of these files is processed, for `openai-poll-after-ms`. */
export function pollAfter(
  state: EmulatorState,
  files: Iterable<StoredVectorStoreFile>,
): Record<string, string> {
  let wait = 0;
  for (const f of files) if (!f.cancelled) wait = Math.max(wait, f.readyAtMs - state.nowMs());
  return wait > 0 ? { "openai-poll-after-ms": String(Math.min(wait, 5000)) } : {};
}

export function findStore(state: EmulatorState, id: string): StoredVectorStore {
  const vs = state.vectorStores.get(id);
  if (!vs) throw new HttpError(404, `No vector store found with id '${id}'.`, null, null);
  return vs;
}

export function findStoreFile(vs: StoredVectorStore, fileId: string): StoredVectorStoreFile {
  const f = vs.files.get(fileId);
  if (!f)
    throw new HttpError(404, `No file found with id '${fileId}' in vector store '${vs.id}'.`, null, null);
  return f;
}

export function requireActive(vs: StoredVectorStore): void {
  if (vs.expired)
    throw new HttpError(
      400,
      `Vector store ${vs.id} is expired. Create a new vector store and try again.`,
      null,
      "vector_store_expired",
    );
}

/** Removes a deleted file from every vector store (DELETE /files/{id} cascades). */
export function detachEverywhere(state: EmulatorState, fileId: string): void {
  for (const vs of state.vectorStores.values()) vs.files.delete(fileId);
}
