import type { FileObject } from "openai/resources/files";
import { baseHeaders, type Ctx, HttpError, sendJson } from "./http";
import { readMultipart } from "./multipart";
import { KEEP_BYTES, type StoredFile } from "./state";
import { detachEverywhere } from "./vector-store-model";

const PURPOSES = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"] as const;
const MAX_FILE = 512 * 1024 * 1024;

export function checkPurpose(purpose: string, filename: string): FileObject["purpose"] {
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

export function expiry(createdAt: number, seconds: unknown, anchor?: unknown): number | null {
  if (seconds === undefined || seconds === null || seconds === "") return null;
  if (anchor !== undefined && anchor !== "created_at") {
    throw new HttpError(
      400,
      `Invalid value: '${String(anchor)}'. Supported values are: 'created_at'.`,
      "expires_after.anchor",
      "invalid_value",
    );
  }
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
  const exp = expiry(createdAt, form.fields["expires_after[seconds]"], form.fields["expires_after[anchor]"]);
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
    "content-type": ctx.state.config.fileContentType ?? "application/octet-stream",
    "content-length": String(f.content.length),
    "content-disposition":
      ctx.state.config.fileContentDisposition ??
      `attachment; filename="${f.object.filename.replace(/["\\\r\n]/g, "_")}"`,
    ...baseHeaders(ctx),
  });
  ctx.res.end(f.content);
}

export function deleteFile(ctx: Ctx): void {
  const f = findFile(ctx);
  ctx.state.files.delete(f.object.id);
  detachEverywhere(ctx.state, f.object.id);
  sendJson(ctx, 200, { id: f.object.id, object: "file", deleted: true });
}
