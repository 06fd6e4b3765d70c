import { createHash } from "node:crypto";
import type { FileObject } from "openai/resources/files";
import type { UploadPart } from "openai/resources/uploads/parts";
import type { Upload } from "openai/resources/uploads/uploads";
import { checkPurpose, expiry, storeFile } from "./files";
import { asRecord, type Ctx, HttpError, requireString, sendJson } from "./http";
import { readMultipart } from "./multipart";
import { KEEP_BYTES } from "./state";

const UPLOAD_PURPOSES = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"];
const MAX_PART = 64 * 1024 * 1024;
const MAX_UPLOAD = 8 * 1024 * 1024 * 1024;

// Uploads: create, add parts (in parallel if you like), complete with the parts in order, or cancel.
// A pending upload expires an hour after creation on the emulator clock (see sweepExpired).

function findUpload(ctx: Ctx) {
  const u = ctx.state.uploads.get(ctx.params[0] ?? "");
  if (!u) throw new HttpError(404, `Upload with id '${ctx.params[0]}' not found.`, null, null);
  return u;
}

function requirePending(u: { object: Upload }): void {
  if (u.object.status !== "pending") {
    throw new HttpError(
      400,
      `Upload ${u.object.id} is already ${u.object.status}; no further changes are possible.`,
      null,
      "upload_not_pending",
    );
  }
}

function uploadFileExpiry(v: unknown): number | null {
  if (v === undefined || v === null) return null;
  const e = asRecord(v);
  const seconds = expiry(0, e.seconds ?? "", e.anchor);
  if (seconds === null)
    throw new HttpError(
      400,
      "Missing required parameter: 'expires_after.seconds'.",
      "expires_after.seconds",
      "missing_required_parameter",
    );
  return seconds;
}

export function createUpload(ctx: Ctx): void {
  const body = asRecord(ctx.json);
  const filename = requireString(body, "filename");
  const purpose = requireString(body, "purpose");
  const mime = requireString(body, "mime_type");
  if (!UPLOAD_PURPOSES.includes(purpose))
    throw new HttpError(400, `Invalid purpose '${purpose}'.`, "purpose", null);
  checkPurpose(purpose, filename);
  const bytes = body.bytes;
  if (typeof bytes !== "number" || !Number.isInteger(bytes) || bytes < 1)
    throw new HttpError(400, "Missing required parameter: 'bytes'.", "bytes", "missing_required_parameter");
  if (bytes > MAX_UPLOAD)
    throw new HttpError(400, "Uploads can be at most 8 GB.", "bytes", "upload_too_large");
  if ((purpose === "fine-tune" || purpose === "batch") && !/jsonl|json|octet-stream/.test(mime)) {
    throw new HttpError(
      400,
      `The mime type ${mime} is not supported for purpose ${purpose}.`,
      "mime_type",
      null,
    );
  }
  const fileExpiresAfter = uploadFileExpiry(body.expires_after);
  const createdAt = ctx.state.now();
  const object: Upload = {
    id: ctx.state.id("upload", "_"),
    object: "upload",
    bytes,
    created_at: createdAt,
    expires_at: createdAt + 3600,
    filename,
    purpose,
    status: "pending",
    file: null,
  };
  ctx.state.uploads.set(object.id, { object, parts: new Map(), fileExpiresAfter });
  sendJson(ctx, 200, object);
}

export async function addUploadPart(ctx: Ctx): Promise<void> {
  const u = findUpload(ctx);
  requirePending(u);
  const form = await readMultipart(ctx.req, ctx.req.headers["content-type"], KEEP_BYTES);
  const data = form.files.find((f) => f.field === "data");
  if (!data)
    throw new HttpError(400, "Missing required parameter: 'data'.", "data", "missing_required_parameter");
  if (data.bytes > MAX_PART)
    throw new HttpError(400, "Each part can be at most 64 MB.", "data", "part_too_large");
  const part: UploadPart = {
    id: ctx.state.id("part", "_"),
    object: "upload.part",
    created_at: ctx.state.now(),
    upload_id: u.object.id,
  };
  u.parts.set(part.id, { bytes: data.bytes, content: data.content });
  sendJson(ctx, 200, part);
}

export function completeUpload(ctx: Ctx): void {
  const u = findUpload(ctx);
  requirePending(u);
  const body = asRecord(ctx.json);
  const ids = body.part_ids;
  if (!Array.isArray(ids) || ids.length === 0)
    throw new HttpError(
      400,
      "Missing required parameter: 'part_ids'.",
      "part_ids",
      "missing_required_parameter",
    );
  if (new Set(ids).size !== ids.length)
    throw new HttpError(400, "part_ids must not repeat a part.", "part_ids", null);
  const parts = ids.map((id) => {
    const p = u.parts.get(String(id));
    if (!p)
      throw new HttpError(
        400,
        `Part ${String(id)} does not belong to upload ${u.object.id}.`,
        "part_ids",
        null,
      );
    return p;
  });
  const total = parts.reduce((a, p) => a + p.bytes, 0);
  if (total !== u.object.bytes) {
    throw new HttpError(
      400,
      `The parts total ${total} bytes, but the upload was created with bytes=${u.object.bytes}.`,
      "part_ids",
      "bytes_mismatch",
    );
  }
  const keep = total <= KEEP_BYTES && parts.every((p) => p.content);
  const content = keep ? Buffer.concat(parts.map((p) => p.content ?? Buffer.alloc(0))) : null;
  if (typeof body.md5 === "string" && body.md5 && content) {
    const md5 = createHash("md5").update(content).digest("hex");
    if (md5 !== body.md5.toLowerCase())
      throw new HttpError(
        400,
        `The md5 checksum ${body.md5} does not match the uploaded bytes (${md5}).`,
        "md5",
        "checksum_mismatch",
      );
  }
  const sha = content ? createHash("sha256").update(content).digest("hex") : "not-retained";
  const createdAt = ctx.state.clock + 1;
  const file = storeFile(
    ctx,
    u.object.filename,
    u.object.purpose as FileObject["purpose"],
    total,
    content,
    sha,
    u.fileExpiresAfter === null ? null : createdAt + u.fileExpiresAfter,
  );
  u.object.status = "completed";
  u.object.file = file;
  sendJson(ctx, 200, u.object);
}

export function cancelUpload(ctx: Ctx): void {
  const u = findUpload(ctx);
  requirePending(u);
  u.object.status = "cancelled";
  sendJson(ctx, 200, u.object);
}
