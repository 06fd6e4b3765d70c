import * as z from "zod/mini";

/**
 * The image library's records: every input, mask and result the image studio works with is kept by
 * Benchtop (upstream URLs expire and base64 must be kept), with its lineage. One source of the
 * shapes for the console route, the browser client and the gallery.
 */
export const IMAGE_ROLES = ["input", "result", "mask"] as const;
export type ImageRole = (typeof IMAGE_ROLES)[number];

/** Private: its owner alone. Team: every signed-in member may see and reuse it; only the owner (or an admin) deletes. */
export const IMAGE_VISIBILITIES = ["private", "team"] as const;
export type ImageVisibility = (typeof IMAGE_VISIBILITIES)[number];

export const IMAGE_OPERATIONS = ["generate", "edit", "variation", "upload", "composite", "outpaint"] as const;
export type ImageOperation = (typeof IMAGE_OPERATIONS)[number];

export const STORED_IMAGE_FORMATS = ["png", "jpeg", "webp", "gif"] as const;
export type StoredImageFormat = (typeof STORED_IMAGE_FORMATS)[number];

/** What the browser sends with an image's bytes (multipart part `meta`, JSON). */
export const saveImageMetaSchema = z.object({
  role: z.enum(IMAGE_ROLES),
  operation: z.enum(IMAGE_OPERATIONS),
  visibility: z.optional(z.enum(IMAGE_VISIBILITIES)),
  prompt: z.optional(z.nullable(z.string().check(z.maxLength(100_000)))),
  revisedPrompt: z.optional(z.nullable(z.string().check(z.maxLength(100_000)))),
  model: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  /** The request's parameters as sent (size, quality, background, n, …), without the prompt or image data. */
  params: z.optional(z.record(z.string(), z.unknown())),
  /** The images this one was made from (edit inputs, the original of a composite). */
  parentIds: z.optional(z.array(z.string()).check(z.maxLength(16))),
  /** The stored mask an edit used. */
  maskId: z.optional(z.nullable(z.string())),
  /** The upstream's `usage` object for the call, divided by the number of images it returned. */
  usage: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  costUsd: z.optional(z.nullable(z.number())),
  /** Original file name of an upload. */
  name: z.optional(z.nullable(z.string().check(z.maxLength(255)))),
});
export type SaveImageMeta = z.infer<typeof saveImageMetaSchema>;

export interface StoredImage {
  id: string;
  ownerId: string;
  ownerEmail: string | null;
  role: ImageRole;
  operation: ImageOperation;
  visibility: ImageVisibility;
  /** ISO 8601. */
  createdAt: string;
  width: number;
  height: number;
  format: StoredImageFormat;
  bytes: number;
  prompt: string | null;
  revisedPrompt: string | null;
  model: string | null;
  params: Record<string, unknown>;
  parentIds: string[];
  maskId: string | null;
  usage: Record<string, unknown> | null;
  costUsd: number | null;
  name: string | null;
  /** Same-origin URLs of the bytes and of a small preview (both need the session). */
  contentUrl: string;
  thumbnailUrl: string;
}

export interface ImageListPage {
  data: StoredImage[];
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

/** An image's family as its viewer may see it. */
export interface ImageLineage {
  /** In order; `image` is null where the parent was deleted or is not visible to the viewer (the same to them). */
  parents: { id: string; image: StoredImage | null }[];
  mask: { id: string; image: StoredImage | null } | null;
  children: StoredImage[];
}

/** Filters of the gallery's list (query string): all optional. */
export const IMAGE_SCOPES = ["all", "mine", "team"] as const;
export type ImageScope = (typeof IMAGE_SCOPES)[number];

/** The admin's settings: days images are kept (0 = forever) and the largest image stored. */
export interface ImageSettingsDto {
  retentionDays: number;
  maxImageMb: number;
}

/** The longest side of a stored thumbnail; the browser makes them at 256. */
export const THUMBNAIL_MAX_SIDE = 512;
export const THUMBNAIL_MAX_BYTES = 1024 * 1024;

/**
 * An image share link's snapshot: the image inline as a data URL (share snapshots are capped at
 * 2 MB, so a larger image is shared as a smaller WebP copy and `scaled` says so), and what made it.
 */
export const imageShareSnapshotSchema = z.object({
  version: z.literal(1),
  image: z.object({
    dataUrl: z.string().check(z.regex(/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/)),
    width: z.int().check(z.positive()),
    height: z.int().check(z.positive()),
    /** The original's size when the shared copy is smaller. */
    scaled: z.optional(z.nullable(z.object({ width: z.int(), height: z.int() }))),
  }),
  prompt: z.nullable(z.string().check(z.maxLength(100_000))),
  revisedPrompt: z.nullable(z.string().check(z.maxLength(100_000))),
  model: z.nullable(z.string().check(z.maxLength(200))),
  operation: z.enum(IMAGE_OPERATIONS),
  params: z.record(z.string(), z.unknown()),
  costUsd: z.nullable(z.number()),
  createdAt: z.string().check(z.maxLength(64)),
});
export type ImageShareSnapshot = z.infer<typeof imageShareSnapshotSchema>;
