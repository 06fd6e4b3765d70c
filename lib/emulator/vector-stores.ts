import type { StaticFileChunkingStrategy } from "openai/resources/vector-stores/vector-stores";
import { asRecord, type Ctx, HttpError, sendJson } from "./http";
import type { Attributes, EmulatorState, StoredVectorStore, StoredVectorStoreFile } from "./state";
import * as v from "./validate";
import { expiresAt, failureFor, findStore, pollAfter, storeObject } from "./vector-store-model";

/** Vector stores: create, list, retrieve, update, delete (the files themselves are kept). */

export function requireFile(state: EmulatorState, fileId: unknown, param: string): string {
  if (typeof fileId !== "string" || !fileId) throw v.missing(param);
  if (!state.files.has(fileId)) throw new HttpError(404, `No such File object: ${fileId}`, param, null);
  return fileId;
}

/** Attaches (or re-attaches) a file; it starts in_progress and is processed after the configured delay. */
export function attach(
  state: EmulatorState,
  vs: StoredVectorStore,
  fileId: string,
  attributes: Attributes | null,
  chunking: StaticFileChunkingStrategy,
  batchId: string | null,
): StoredVectorStoreFile {
  const filename = state.files.get(fileId)?.object.filename ?? "";
  const f: StoredVectorStoreFile = {
    id: fileId,
    createdAt: state.now(),
    readyAtMs: state.nowMs() + Math.max(0, state.config.vectorStoreProcessingMs),
    failure: failureFor(filename),
    cancelled: false,
    attributes,
    chunking,
    batchId,
  };
  vs.files.delete(fileId);
  vs.files.set(fileId, f);
  vs.lastActiveAt = state.clock;
  return f;
}

export function createVectorStore(ctx: Ctx): void {
  const { state } = ctx;
  const body = asRecord(ctx.json);
  const name = v.optionalString(body.name, "name") ?? "";
  const description = v.optionalString(body.description, "description");
  const metadata = v.metadata(body.metadata);
  const expiresAfter = v.expiresAfter(body.expires_after);
  const chunking = v.chunking(body.chunking_strategy);
  const ids = body.file_ids ?? [];
  if (!Array.isArray(ids)) throw v.invalidType("file_ids", "an array", ids);
  if (ids.length > 500)
    throw new HttpError(
      400,
      `Invalid 'file_ids': array too long. Expected an array with maximum length 500, but got an array with length ${ids.length} instead.`,
      "file_ids",
      "array_above_max_length",
    );
  const fileIds = ids.map((id, i) => requireFile(state, id, `file_ids[${i}]`));
  const createdAt = state.now();
  const vs: StoredVectorStore = {
    id: state.id("vs", "_"),
    name,
    description,
    createdAt,
    lastActiveAt: createdAt,
    expiresAfter,
    expired: false,
    metadata,
    files: new Map(),
    batches: new Map(),
  };
  state.vectorStores.set(vs.id, vs);
  for (const id of fileIds) attach(state, vs, id, null, chunking, null);
  sendJson(ctx, 200, storeObject(state, vs, true));
}

export function listVectorStores(ctx: Ctx): void {
  const all = [...ctx.state.vectorStores.values()].map((vs) => storeObject(ctx.state, vs));
  sendJson(ctx, 200, v.paginate(all, ctx.query));
}

export function retrieveVectorStore(ctx: Ctx): void {
  const vs = findStore(ctx.state, ctx.params[0] ?? "");
  sendJson(ctx, 200, storeObject(ctx.state, vs), pollAfter(ctx.state, vs.files.values()));
}

export function updateVectorStore(ctx: Ctx): void {
  const { state } = ctx;
  const vs = findStore(state, ctx.params[0] ?? "");
  const body = asRecord(ctx.json);
  if (body.name !== undefined) vs.name = v.optionalString(body.name, "name") ?? "";
  if (body.metadata !== undefined) vs.metadata = v.metadata(body.metadata);
  if (body.expires_after !== undefined) {
    vs.expiresAfter = v.expiresAfter(body.expires_after);
    // A new policy counts from now; a store that already expired stays expired.
    vs.lastActiveAt = state.clock;
    const at = expiresAt(vs);
    if (at !== null && at <= state.clock) vs.expired = true;
  }
  sendJson(ctx, 200, storeObject(state, vs));
}

export function deleteVectorStore(ctx: Ctx): void {
  const vs = findStore(ctx.state, ctx.params[0] ?? "");
  ctx.state.vectorStores.delete(vs.id);
  sendJson(ctx, 200, { id: vs.id, object: "vector_store.deleted", deleted: true });
}
