import "server-only";
import { imageSize } from "image-size";
import { ApiError, errors } from "@/lib/errors";
import {
  type ImageLineage,
  type ImageListPage,
  type ImageScope,
  type ImageSettingsDto,
  type ImageVisibility,
  type SaveImageMeta,
  type StoredImage,
  type StoredImageFormat,
  saveImageMetaSchema,
  THUMBNAIL_MAX_BYTES,
  THUMBNAIL_MAX_SIDE,
} from "@/lib/images/schema";
import { randomId } from "./auth/crypto";
import { getDb, type Queryable } from "./db";
import { checkJsonValue } from "./http";
import { maskSecrets } from "./secret-shapes";
import { getSetting, setSetting } from "./settings";

/**
 * The image library: every image the studio works with (inputs, masks, results), its bytes and a
 * preview in the database, with its lineage. Private images are their owner's alone — anyone else,
 * admins included, gets "not found" for them, so ids do not reveal that an image exists. Team images
 * are visible to every signed-in member; the owner or an admin deletes them. docs/images-library.md.
 */

export const DEFAULT_RETENTION_DAYS = 0;
export const DEFAULT_MAX_IMAGE_MB = 25;
/** The oldest images beyond this go as new ones arrive, as in run history. */
export const IMAGES_PER_USER_MAX = 5000;
export const IMAGE_PAGE_MAX = 200;
/** A thumbnail may be left out for an image this small: the image is its own preview. */
const SELF_THUMBNAIL_MAX_BYTES = 512 * 1024;
const SEARCH_TEXT_MAX = 200_000;

const RETENTION = "images_retention_days";
const MAX_MB = "images_max_image_mb";

export async function getImageSettings(q?: Queryable): Promise<ImageSettingsDto> {
  const days = await getSetting<unknown>(RETENTION, DEFAULT_RETENTION_DAYS, q);
  const mb = await getSetting<unknown>(MAX_MB, DEFAULT_MAX_IMAGE_MB, q);
  return {
    retentionDays:
      typeof days === "number" && Number.isInteger(days) && days >= 0 ? days : DEFAULT_RETENTION_DAYS,
    maxImageMb: typeof mb === "number" && mb > 0 ? mb : DEFAULT_MAX_IMAGE_MB,
  };
}

/** A shorter retention deletes what is now past it at once (the settings page says so). */
export async function setImageSettings(s: ImageSettingsDto): Promise<ImageSettingsDto> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await setSetting(RETENTION, s.retentionDays, tx);
    await setSetting(MAX_MB, s.maxImageMb, tx);
    await pruneExpired(tx, s.retentionDays);
  });
  return getImageSettings();
}

async function pruneExpired(q: Queryable, days: number): Promise<void> {
  if (days > 0)
    await q.query("delete from images where created_at < now() - ($1::int * interval '1 day')", [days]);
}

export function imageTooLarge(maxMb: number): ApiError {
  return new ApiError({
    type: "invalid_request_error",
    status: 413,
    code: "image_too_large",
    param: "image",
    message: `This image is larger than the library keeps (${maxMb} MB per image), so it was not saved. An admin can raise the limit in Settings.`,
  });
}

/** Bytes a save request may carry: the image, its thumbnail and the metadata. */
export function saveBodyMaxBytes(maxMb: number): number {
  return Math.ceil(maxMb * 1024 * 1024) + THUMBNAIL_MAX_BYTES + 512 * 1024;
}

interface Sniffed {
  format: StoredImageFormat;
  width: number;
  height: number;
}

const FORMATS: Record<string, StoredImageFormat> = { png: "png", jpg: "jpeg", webp: "webp", gif: "gif" };

/** Type and size from the bytes themselves: what the client says is never trusted. */
export function sniffImage(bytes: Uint8Array, param: string): Sniffed {
  let r: ReturnType<typeof imageSize> | undefined;
  try {
    r = imageSize(bytes);
  } catch {
    r = undefined;
  }
  const format = r?.type ? FORMATS[r.type] : undefined;
  if (!r || !format || !r.width || !r.height) {
    throw errors.badRequest(
      `${param === "image" ? "The image" : "The thumbnail"} is not a PNG, JPEG, WebP or GIF image${r?.type ? ` (it is ${r.type})` : ""}.`,
      param,
      "invalid_image",
    );
  }
  // EXIF orientations 5–8 swap the sides as the image is shown.
  const swap = (r.orientation ?? 1) >= 5;
  return { format, width: swap ? r.height : r.width, height: swap ? r.width : r.height };
}

const MIME: Record<StoredImageFormat, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
};
export const mimeOf = (f: string): string => MIME[f as StoredImageFormat] ?? "application/octet-stream";

interface ImageRow {
  id: string;
  owner_id: string;
  owner_email: string | null;
  role: StoredImage["role"];
  operation: StoredImage["operation"];
  visibility: ImageVisibility;
  created_at: Date;
  width: number;
  height: number;
  format: StoredImageFormat;
  bytes: number;
  prompt: string | null;
  revised_prompt: string | null;
  model: string | null;
  params: Record<string, unknown>;
  mask_id: string | null;
  usage: Record<string, unknown> | null;
  cost_usd: number | null;
  name: string | null;
  parent_ids: string[] | null;
}

const COLUMNS = `i.id, i.owner_id, u.email as owner_email, i.role, i.operation, i.visibility, i.created_at,
  i.width, i.height, i.format, i.bytes, i.prompt, i.revised_prompt, i.model, i.params, i.mask_id, i.usage,
  i.cost_usd, i.name,
  (select coalesce(json_agg(l.parent_id order by l.position), '[]'::json) from image_links l
    where l.child_id = i.id and l.kind = 'parent') as parent_ids`;
const FROM = "images i left join users u on u.id = i.owner_id";

function toDto(r: ImageRow): StoredImage {
  return {
    id: r.id,
    ownerId: r.owner_id,
    ownerEmail: r.owner_email,
    role: r.role,
    operation: r.operation,
    visibility: r.visibility,
    createdAt: new Date(r.created_at).toISOString(),
    width: r.width,
    height: r.height,
    format: r.format,
    bytes: r.bytes,
    prompt: r.prompt,
    revisedPrompt: r.revised_prompt,
    model: r.model,
    params: r.params,
    parentIds: r.parent_ids ?? [],
    maskId: r.mask_id,
    usage: r.usage,
    costUsd: r.cost_usd === null ? null : Number(r.cost_usd),
    name: r.name,
    contentUrl: `/api/images/${r.id}/content`,
    thumbnailUrl: `/api/images/${r.id}/thumbnail`,
  };
}

/** Visible to `viewer` and not past retention: the one condition every read uses. */
const VISIBLE = (viewer: string, days: string) =>
  `(i.owner_id = ${viewer} or i.visibility = 'team')
   and (${days}::int = 0 or i.created_at >= now() - (${days}::int * interval '1 day'))`;

const notFound = (id: string) => errors.notFound(`No image with id ${id} in the library.`, "image_not_found");

export interface SaveImageInput {
  meta: unknown;
  image: Uint8Array;
  thumbnail: Uint8Array | null;
}

function readMeta(raw: unknown): SaveImageMeta {
  checkJsonValue(raw);
  const r = saveImageMetaSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const inner = issue?.path.join(".") ?? "";
  throw errors.badRequest(
    issue ? `meta${inner ? `.${inner}` : ""}: ${issue.message}` : "Invalid image metadata.",
    ["meta", inner].filter(Boolean).join("."),
  );
}

const masked = (s: string | null | undefined): string | null =>
  s ? (JSON.parse(maskSecrets(JSON.stringify(s))) as string) : null;

/** Stores an image for its owner; the lineage ids must be images the owner can see. */
export async function saveImage(ownerId: string, input: SaveImageInput): Promise<StoredImage> {
  const meta = readMeta(input.meta);
  const db = await getDb();
  const settings = await getImageSettings();
  if (input.image.byteLength > settings.maxImageMb * 1024 * 1024) throw imageTooLarge(settings.maxImageMb);
  const img = sniffImage(input.image, "image");
  let thumb: Uint8Array;
  let thumbFormat: StoredImageFormat;
  if (input.thumbnail) {
    const t = sniffImage(input.thumbnail, "thumbnail");
    if (
      input.thumbnail.byteLength > THUMBNAIL_MAX_BYTES ||
      Math.max(t.width, t.height) > THUMBNAIL_MAX_SIDE
    ) {
      throw errors.badRequest(
        `A thumbnail is at most ${THUMBNAIL_MAX_SIDE} px on its longest side and ${THUMBNAIL_MAX_BYTES / 1024 / 1024} MB.`,
        "thumbnail",
        "invalid_thumbnail",
      );
    }
    thumb = input.thumbnail;
    thumbFormat = t.format;
  } else if (
    input.image.byteLength <= SELF_THUMBNAIL_MAX_BYTES &&
    Math.max(img.width, img.height) <= THUMBNAIL_MAX_SIDE
  ) {
    thumb = input.image;
    thumbFormat = img.format;
  } else {
    throw errors.badRequest(
      `Send a thumbnail (longest side at most ${THUMBNAIL_MAX_SIDE} px) with an image this large.`,
      "thumbnail",
      "thumbnail_required",
    );
  }
  const prompt = masked(meta.prompt);
  const revisedPrompt = masked(meta.revisedPrompt);
  const name = masked(meta.name);
  const search = [prompt, revisedPrompt, name, meta.model].filter(Boolean).join("\n").toLowerCase();
  const parents = [...new Set(meta.parentIds ?? [])];
  const linked = [...parents, ...(meta.maskId ? [meta.maskId] : [])];
  const id = randomId("img");

  return db.transaction(async (tx) => {
    if (linked.length) {
      const seen = await tx.query<{ id: string }>(
        `select i.id from images i where i.id = any($2::text[]) and ${VISIBLE("$1", "$3")}`,
        [ownerId, linked, settings.retentionDays],
      );
      const ok = new Set(seen.map((r) => r.id));
      const missing = linked.find((x) => !ok.has(x));
      if (missing) {
        const param = missing === meta.maskId ? "meta.maskId" : `meta.parentIds.${parents.indexOf(missing)}`;
        throw errors.badRequest(`No image with id ${missing} in the library.`, param, "image_not_found");
      }
    }
    await tx.query(
      `insert into images (id, owner_id, role, operation, visibility, width, height, format, bytes, prompt,
         revised_prompt, model, params, mask_id, usage, cost_usd, name, search_text, content, thumbnail,
         thumbnail_format)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15::jsonb, $16, $17, $18,
         $19, $20, $21)`,
      [
        id,
        ownerId,
        meta.role,
        meta.operation,
        meta.visibility ?? "private",
        img.width,
        img.height,
        img.format,
        input.image.byteLength,
        prompt,
        revisedPrompt,
        meta.model ?? null,
        maskSecrets(JSON.stringify(meta.params ?? {})),
        meta.maskId ?? null,
        meta.usage ? JSON.stringify(meta.usage) : null,
        meta.costUsd ?? null,
        name,
        search.slice(0, SEARCH_TEXT_MAX),
        Buffer.from(input.image.buffer, input.image.byteOffset, input.image.byteLength),
        Buffer.from(thumb.buffer, thumb.byteOffset, thumb.byteLength),
        thumbFormat,
      ],
    );
    for (const [position, parent] of parents.entries()) {
      await tx.query(
        "insert into image_links (child_id, parent_id, kind, position) values ($1, $2, 'parent', $3)",
        [id, parent, position],
      );
    }
    if (meta.maskId) {
      await tx.query(
        "insert into image_links (child_id, parent_id, kind, position) values ($1, $2, 'mask', 0)",
        [id, meta.maskId],
      );
    }
    await pruneExpired(tx, settings.retentionDays);
    await tx.query(
      `delete from images where owner_id = $1 and id in (
         select id from images where owner_id = $1 order by created_at desc, id desc offset $2)`,
      [ownerId, IMAGES_PER_USER_MAX],
    );
    const [row] = await tx.query<ImageRow>(`select ${COLUMNS} from ${FROM} where i.id = $1`, [id]);
    if (!row) throw new Error("insert returned no row");
    return toDto(row);
  });
}

export interface ImageListOptions {
  scope?: ImageScope;
  role?: string;
  model?: string;
  q?: string;
  /** ISO dates: created at or after `from`, before `to`. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function checkDate(v: string | undefined, param: string): string | undefined {
  if (!v) return undefined;
  if (Number.isNaN(Date.parse(v))) throw errors.badRequest(`${param} is not a date.`, param, "invalid_date");
  return new Date(v).toISOString();
}

/** Images the viewer can see, newest first, a page at a time (keyset on created_at, id). */
export async function listImages(viewerId: string, opts: ImageListOptions = {}): Promise<ImageListPage> {
  const db = await getDb();
  const { retentionDays } = await getImageSettings();
  await pruneExpired(db, retentionDays);
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 60), 1), IMAGE_PAGE_MAX);
  const params: unknown[] = [viewerId, retentionDays];
  const where = [VISIBLE("$1", "$2")];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll("?", `$${params.length}`));
  };
  if (opts.scope === "mine") where.push("i.owner_id = $1");
  if (opts.scope === "team") where.push("i.visibility = 'team'");
  if (opts.role) add("i.role = ?", opts.role);
  if (opts.model) add("i.model = ?", opts.model);
  const q = opts.q?.trim().toLowerCase();
  if (q) add("i.search_text like ? escape '\\'", `%${escapeLike(q)}%`);
  const from = checkDate(opts.from, "from");
  const to = checkDate(opts.to, "to");
  if (from) add("i.created_at >= ?::timestamptz", from);
  if (to) add("i.created_at < ?::timestamptz", to);
  if (opts.cursor)
    add("(i.created_at, i.id) < (select created_at, id from images where id = ?)", opts.cursor);
  params.push(limit + 1);
  const rows = await db.query<ImageRow>(
    `select ${COLUMNS} from ${FROM} where ${where.join(" and ")}
      order by i.created_at desc, i.id desc limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  return { data: page.map(toDto), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** The models of the images the viewer can see, for the filter. */
export async function imageModels(viewerId: string): Promise<string[]> {
  const db = await getDb();
  const { retentionDays } = await getImageSettings();
  const rows = await db.query<{ model: string }>(
    `select distinct i.model from images i where i.model is not null and ${VISIBLE("$1", "$2")} order by 1`,
    [viewerId, retentionDays],
  );
  return rows.map((r) => r.model);
}

export async function getImage(viewerId: string, id: string): Promise<StoredImage> {
  const db = await getDb();
  const { retentionDays } = await getImageSettings();
  const [row] = await db.query<ImageRow>(
    `select ${COLUMNS} from ${FROM} where i.id = $3 and ${VISIBLE("$1", "$2")}`,
    [viewerId, retentionDays, id],
  );
  if (!row) throw notFound(id);
  return toDto(row);
}

export interface ImageBytes {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
}

/** The image's bytes, or its preview's. */
export async function getImageBytes(
  viewerId: string,
  id: string,
  which: "content" | "thumbnail",
): Promise<ImageBytes> {
  const db = await getDb();
  const { retentionDays } = await getImageSettings();
  const col =
    which === "content"
      ? "i.content as data, i.format as fmt"
      : "i.thumbnail as data, i.thumbnail_format as fmt";
  const [row] = await db.query<{ data: Uint8Array; fmt: string; name: string | null }>(
    `select ${col}, i.name from images i where i.id = $3 and ${VISIBLE("$1", "$2")}`,
    [viewerId, retentionDays, id],
  );
  if (!row) throw notFound(id);
  const ext = row.fmt === "jpeg" ? "jpg" : row.fmt;
  const base = row.name?.replace(/\.[A-Za-z0-9]+$/, "").replace(/[^\w.-]+/g, "_") || id;
  return {
    bytes: row.data,
    contentType: mimeOf(row.fmt),
    filename: `${base}${which === "thumbnail" ? "-thumb" : ""}.${ext}`,
  };
}

export async function getLineage(viewerId: string, id: string): Promise<ImageLineage> {
  const image = await getImage(viewerId, id);
  const db = await getDb();
  const { retentionDays } = await getImageSettings();
  const linked = [...image.parentIds, ...(image.maskId ? [image.maskId] : [])];
  const rows = linked.length
    ? await db.query<ImageRow>(
        `select ${COLUMNS} from ${FROM} where i.id = any($3::text[]) and ${VISIBLE("$1", "$2")}`,
        [viewerId, retentionDays, linked],
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, toDto(r)]));
  const children = await db.query<ImageRow>(
    `select ${COLUMNS} from ${FROM} where i.id in (select child_id from image_links where parent_id = $3)
        and ${VISIBLE("$1", "$2")} order by i.created_at, i.id limit 200`,
    [viewerId, retentionDays, id],
  );
  return {
    parents: image.parentIds.map((p) => ({ id: p, image: byId.get(p) ?? null })),
    mask: image.maskId ? { id: image.maskId, image: byId.get(image.maskId) ?? null } : null,
    children: children.map(toDto),
  };
}

/**
 * The owner, or an admin for a team image. Someone else's private image is "not found" to an admin
 * too, as everywhere. Children keep their link to a deleted parent, which then reads as deleted.
 */
export async function deleteImage(viewer: { id: string; role: string }, id: string): Promise<void> {
  const db = await getDb();
  const rows = await db.query<{ id: string }>(
    `delete from images where id = $1 and (owner_id = $2 or ($3 and visibility = 'team')) returning id`,
    [id, viewer.id, viewer.role === "admin"],
  );
  if (rows[0]) return;
  await getImage(viewer.id, id); // 404 when the viewer cannot see it
  throw errors.forbidden("Only the owner of this image or an admin can delete it.", "not_image_owner");
}

/** Only the owner changes who sees an image. */
export async function setVisibility(
  viewerId: string,
  id: string,
  visibility: ImageVisibility,
): Promise<StoredImage> {
  const db = await getDb();
  const rows = await db.query<{ id: string }>(
    "update images set visibility = $3 where id = $1 and owner_id = $2 returning id",
    [id, viewerId, visibility],
  );
  if (!rows[0]) {
    await getImage(viewerId, id);
    throw errors.forbidden("Only the owner of this image can change who sees it.", "not_image_owner");
  }
  return getImage(viewerId, id);
}
