import { createHash } from "node:crypto";
import type { FileObject } from "openai/resources/files";
import type { UploadPart } from "openai/resources/uploads/parts";
import type { Upload } from "openai/resources/uploads/uploads";
import { asRecord, baseHeaders, type Ctx, HttpError, requireString, sendJson } from "./http";
import { readMultipart } from "./multipart";
import { KEEP_BYTES, type StoredFile } from "./state";

const PURPOSES = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"] as const;
const UPLOAD_PURPOSES = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"];
const MAX_FILE = 512 * 1024 * 1024;
const MAX_PART = 64 * 1024 * 1024;
const MAX_UPLOAD = 8 * 1024 * 1024 * 1024;

function checkPurpose(purpose: string, filename: string): FileObject["purpose"] {
  if (!(PURPOSES as readonly string[]).includes(purpose)) {
    throw new HttpError(
      400,
      `'${purpose}' is not one of ${PURPOSES.map((p) => `'${p}'`).join(", ")} - 'purpose'`,
      "purpose",
      null,
    );
  }
  if ((purpose === "fine-tune" || purpose === "batch") && !filename.toLowerCase().endsWith(".jsonl")) {
    throw new HttpError(
      400,
      `Invalid file format for ${purpose === "batch" ? "Batch API" : "Fine-Tuning API"}. Must be .jsonl`,
      "file",
      "invalid_file_format",
    );
  }
  return purpose as FileObject["purpose"];
}

function expiry(createdAt: number, seconds: unknown): number | null {
  if (seconds === undefined || seconds === null || seconds === "") return null;
  const n = Number(seconds);
  if (!Number.isInteger(n) || n < 3600 || n > 2_592_000) {
    throw new HttpError(
      400,
      "expires_after.seconds must be between 3600 (1 hour) and 2592000 (30 days).",
      "expires_after.seconds",
      "invalid_value",
    );
  }
  return createdAt + n;
}

export function storeFile(
  ctx: Ctx,
  filename: string,
  purpose: FileObject["purpose"],
  bytes: number,
  content: Buffer | null,
  sha256: string,
  expiresAt: number | null,
): FileObject {
  const createdAt = ctx.state.now();
  const object: FileObject = {
    id: ctx.state.id("file"),
    object: "file",
    bytes,
    created_at: createdAt,
    filename,
    purpose,
    status: "processed",
    expires_at: expiresAt ?? undefined,
  };
  ctx.state.files.set(object.id, { object, content, sha256 });
  return object;
}

export async function createFile(ctx: Ctx): Promise<void> {
  const form = await readMultipart(ctx.req, ctx.req.headers["content-type"], KEEP_BYTES);
  const file = form.files.find((f) => f.field === "file");
  if (!file)
    throw new HttpError(400, "Missing required parameter: 'file'.", "file", "missing_required_parameter");
  const purposeRaw = form.fields.purpose;
  if (!purposeRaw)
    throw new HttpError(
      400,
      "Missing required parameter: 'purpose'.",
      "purpose",
      "missing_required_parameter",
    );
  const purpose = checkPurpose(purposeRaw, file.filename);
  if (file.bytes > MAX_FILE)
    throw new HttpError(
      400,
      "File is too large: files must be at most 512 MB. Use the Uploads API for larger files.",
      "file",
      "file_too_large",
    );
  const createdAt = ctx.state.clock + 1;
  const exp = expiry(createdAt, form.fields["expires_after[seconds]"]);
  sendJson(ctx, 200, storeFile(ctx, file.filename, purpose, file.bytes, file.content, file.sha256, exp));
}

export function listFiles(ctx: Ctx): void {
  const purpose = ctx.query.get("purpose");
  const order = ctx.query.get("order") === "asc" ? "asc" : "desc";
  const limit = Math.min(10_000, Math.max(1, Number(ctx.query.get("limit") ?? 10_000) || 10_000));
  const after = ctx.query.get("after");
  let all = [...ctx.state.files.values()]
    .map((f) => f.object)
    .filter((f) => !purpose || f.purpose === purpose);
  all.sort(
    (a, b) =>
      (order === "asc" ? a.created_at - b.created_at : b.created_at - a.created_at) ||
      a.id.localeCompare(b.id),
  );
  if (after) {
    const i = all.findIndex((f) => f.id === after);
    all = i === -1 ? [] : all.slice(i + 1);
  }
  const data = all.slice(0, limit);
  sendJson(ctx, 200, {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: all.length > limit,
  });
}

function findFile(ctx: Ctx): StoredFile {
  const f = ctx.state.files.get(ctx.params[0] ?? "");
  if (!f) throw new HttpError(404, `No such File object: ${ctx.params[0]}`, "id", null);
  return f;
}

export function retrieveFile(ctx: Ctx): void {
  sendJson(ctx, 200, findFile(ctx).object);
}

export function fileContent(ctx: Ctx): void {
  const f = findFile(ctx);
  if (!f.content) {
    throw new HttpError(
      404,
      `The emulator keeps only the size and SHA-256 of files over ${KEEP_BYTES / 1024 / 1024} MB (sha256 ${f.sha256}).`,
      null,
      "content_not_retained",
    );
  }
  ctx.res.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": String(f.content.length),
    "content-disposition": `attachment; filename="${f.object.filename.replace(/["\\\r\n]/g, "_")}"`,
    ...baseHeaders(ctx),
  });
  ctx.res.end(f.content);
}

export function deleteFile(ctx: Ctx): void {
  const f = findFile(ctx);
  ctx.state.files.delete(f.object.id);
  sendJson(ctx, 200, { id: f.object.id, object: "file", deleted: true });
}

// Uploads: create, add parts, complete with the parts in order, or cancel.

function findUpload(ctx: Ctx) {
  const u = ctx.state.uploads.get(ctx.params[0] ?? "");
  if (!u) throw new HttpError(404, `Upload with id '${ctx.params[0]}' not found.`, null, null);
  if (
    u.object.status === "pending" &&
    u.object.expires_at < Math.floor(Date.now() / 1000) &&
    u.object.expires_at > ctx.state.clock + 3600
  ) {
    u.object.status = "expired";
  }
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
  ctx.state.uploads.set(object.id, { object, parts: new Map() });
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
  const sha = content ? createHash("sha256").update(content).digest("hex") : "not-retained";
  const file = storeFile(
    ctx,
    u.object.filename,
    u.object.purpose as FileObject["purpose"],
    total,
    content,
    sha,
    null,
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
