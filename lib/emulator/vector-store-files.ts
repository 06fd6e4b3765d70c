import { asRecord, type Ctx, HttpError, sendJson } from "./http";
import type { StoredVectorStore, StoredVectorStoreFile } from "./state";
import * as v from "./validate";
import { fileText } from "./vector-search";
import {
  batchFiles,
  batchObject,
  fileObject,
  fileStatus,
  findStore,
  findStoreFile,
  pollAfter,
  requireActive,
} from "./vector-store-model";
import { attach, requireFile } from "./vector-stores";

/** Files in a vector store (attach, list, retrieve, update attributes, detach, parsed content) and batches. */

const STATUSES = ["in_progress", "completed", "failed", "cancelled"];

function listOf(ctx: Ctx, vs: StoredVectorStore, files: StoredVectorStoreFile[]): void {
  const filter = ctx.query.get("filter");
  if (filter !== null && !STATUSES.includes(filter))
    throw new HttpError(
      400,
      `Invalid value: '${filter}'. Supported values are: ${STATUSES.map((s) => `'${s}'`).join(", ")}.`,
      "filter",
      "invalid_value",
    );
  const objects = files
    .map((f) => fileObject(ctx.state, vs, f))
    .filter((o) => filter === null || o.status === filter);
  sendJson(ctx, 200, v.paginate(objects, ctx.query));
}

export function createStoreFile(ctx: Ctx): void {
  const { state } = ctx;
  const vs = findStore(state, ctx.params[0] ?? "");
  requireActive(vs);
  const body = asRecord(ctx.json);
  const fileId = requireFile(state, body.file_id, "file_id");
  const attributes = v.attributes(body.attributes);
  const chunking = v.chunking(body.chunking_strategy);
  const f = attach(state, vs, fileId, attributes, chunking, null);
  sendJson(ctx, 200, fileObject(state, vs, f, true));
}

export function listStoreFiles(ctx: Ctx): void {
  const vs = findStore(ctx.state, ctx.params[0] ?? "");
  listOf(ctx, vs, [...vs.files.values()]);
}

export function retrieveStoreFile(ctx: Ctx): void {
  const vs = findStore(ctx.state, ctx.params[0] ?? "");
  const f = findStoreFile(vs, ctx.params[1] ?? "");
  sendJson(ctx, 200, fileObject(ctx.state, vs, f), pollAfter(ctx.state, [f]));
}

export function updateStoreFile(ctx: Ctx): void {
  const vs = findStore(ctx.state, ctx.params[0] ?? "");
  const f = findStoreFile(vs, ctx.params[1] ?? "");
  const body = asRecord(ctx.json);
  if (!("attributes" in body)) throw v.missing("attributes");
  f.attributes = v.attributes(body.attributes);
  sendJson(ctx, 200, fileObject(ctx.state, vs, f));
}

export function deleteStoreFile(ctx: Ctx): void {
  const vs = findStore(ctx.state, ctx.params[0] ?? "");
  const f = findStoreFile(vs, ctx.params[1] ?? "");
  vs.files.delete(f.id);
  sendJson(ctx, 200, { id: f.id, object: "vector_store.file.deleted", deleted: true });
}

/**
 * The parsed text, as both the spec's page (`data`, which the SDK's `content()` pages over) and the
 * documented example's fields (`file_id`, `filename`, `attributes`, `content`).
 */
export function storeFileContent(ctx: Ctx): void {
  const { state } = ctx;
  const vs = findStore(state, ctx.params[0] ?? "");
  const f = findStoreFile(vs, ctx.params[1] ?? "");
  const status = fileStatus(state, f);
  if (status !== "completed")
    throw new HttpError(
      400,
      `The file ${f.id} has status ${status}; its content is available once processing completes.`,
      null,
      "file_not_ready",
    );
  const text = fileText(state, f.id);
  const content = text ? [{ type: "text", text }] : [];
  sendJson(ctx, 200, {
    object: "vector_store.file_content.page",
    file_id: f.id,
    filename: state.files.get(f.id)?.object.filename ?? "",
    attributes: f.attributes ?? {},
    content,
    data: content,
    has_more: false,
    next_page: null,
  });
}

// File batches: 1–2000 files given as file_ids (sharing attributes/chunking) or files (each its own).

export function createBatch(ctx: Ctx): void {
  const { state } = ctx;
  const vs = findStore(state, ctx.params[0] ?? "");
  requireActive(vs);
  const body = asRecord(ctx.json);
  if (body.file_ids !== undefined && body.files !== undefined)
    throw new HttpError(400, "Provide either 'file_ids' or 'files', not both.", "files", "invalid_value");
  const list = body.file_ids ?? body.files;
  const param = body.file_ids !== undefined ? "file_ids" : "files";
  if (list === undefined) throw v.missing("file_ids");
  if (!Array.isArray(list)) throw v.invalidType(param, "an array", list);
  if (list.length < 1 || list.length > 2000)
    throw new HttpError(
      400,
      `Invalid '${param}': expected an array with between 1 and 2000 items, but got ${list.length}.`,
      param,
      list.length < 1 ? "empty_array" : "array_above_max_length",
    );
  const sharedAttributes = v.attributes(body.attributes);
  const sharedChunking = v.chunking(body.chunking_strategy);
  const items = list.map((item: unknown, i) => {
    if (param === "file_ids")
      return {
        fileId: requireFile(state, item, `file_ids[${i}]`),
        attributes: sharedAttributes,
        chunking: sharedChunking,
      };
    const r = asRecord(item);
    return {
      fileId: requireFile(state, r.file_id, `files[${i}].file_id`),
      attributes: v.attributes(r.attributes, `files[${i}].attributes`),
      chunking: v.chunking(r.chunking_strategy, `files[${i}].chunking_strategy`),
    };
  });
  const batch = { id: state.id("vsfb", "_"), createdAt: state.now(), cancelled: false };
  vs.batches.set(batch.id, batch);
  for (const it of items) attach(state, vs, it.fileId, it.attributes, it.chunking, batch.id);
  sendJson(ctx, 200, batchObject(state, vs, batch.id, true));
}

export function retrieveBatch(ctx: Ctx): void {
  const vs = findStore(ctx.state, ctx.params[0] ?? "");
  const id = ctx.params[1] ?? "";
  const batch = batchObject(ctx.state, vs, id);
  sendJson(ctx, 200, batch, batch.status === "in_progress" ? pollAfter(ctx.state, batchFiles(vs, id)) : {});
}

/** Files still processing are cancelled; those already done stay as they are. */
export function cancelBatch(ctx: Ctx): void {
  const { state } = ctx;
  const vs = findStore(state, ctx.params[0] ?? "");
  const id = ctx.params[1] ?? "";
  const status = batchObject(state, vs, id).status;
  if (status !== "in_progress")
    throw new HttpError(400, `Cannot cancel a file batch with status '${status}'.`, null, null);
  for (const f of batchFiles(vs, id)) if (fileStatus(state, f) === "in_progress") f.cancelled = true;
  const b = vs.batches.get(id);
  if (b) b.cancelled = true;
  sendJson(ctx, 200, batchObject(state, vs, id));
}

export function listBatchFiles(ctx: Ctx): void {
  const vs = findStore(ctx.state, ctx.params[0] ?? "");
  const id = ctx.params[1] ?? "";
  batchObject(ctx.state, vs, id);
  listOf(ctx, vs, batchFiles(vs, id));
}
