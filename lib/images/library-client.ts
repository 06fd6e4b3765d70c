import { apiFetch, apiRequest } from "@/lib/api-client";
import type {
  ImageLineage,
  ImageListPage,
  ImageSettingsDto,
  ImageVisibility,
  SaveImageMeta,
  StoredImage,
} from "./schema";

/**
 * The image library's browser client (docs/images-library.md): the studio saves every input, mask
 * and result here; the gallery lists, reads and manages them. Bytes travel as multipart, never as
 * base64 inside JSON.
 */
export interface SaveImageInput {
  image: Blob;
  /** A small preview (longest side 256 px); made from `image` when omitted. */
  thumbnail?: Blob;
  meta: SaveImageMeta;
}

export const THUMBNAIL_SIDE = 256;

export async function saveImage(input: SaveImageInput): Promise<StoredImage> {
  const form = new FormData();
  form.append("meta", JSON.stringify(input.meta));
  form.append("image", input.image, input.meta.name ?? "image");
  form.append("thumbnail", input.thumbnail ?? (await makeThumbnail(input.image)), "thumbnail");
  return (await apiFetch<{ image: StoredImage }>("/api/images", { body: form })).image;
}

export async function getImage(id: string, signal?: AbortSignal): Promise<StoredImage> {
  return (await apiFetch<{ image: StoredImage }>(`/api/images/${encodeURIComponent(id)}`, { signal })).image;
}

/** The image's bytes as a Blob (for an edit's inputs, a composite, a download). */
export async function getImageBlob(id: string, signal?: AbortSignal): Promise<Blob> {
  const res = await apiRequest(`/api/images/${encodeURIComponent(id)}/content`, {
    signal,
    accept: "image/*",
  });
  return res.blob();
}

export type ImageListResponse = ImageListPage & { models: string[] };

export async function listImages(filters: URLSearchParams, signal?: AbortSignal): Promise<ImageListResponse> {
  const qs = filters.toString();
  return apiFetch<ImageListResponse>(`/api/images${qs ? `?${qs}` : ""}`, { signal });
}

export async function getImageLineage(id: string, signal?: AbortSignal): Promise<ImageLineage> {
  return apiFetch<ImageLineage>(`/api/images/${encodeURIComponent(id)}/lineage`, { signal });
}

export async function deleteImage(id: string): Promise<void> {
  await apiFetch(`/api/images/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export async function setImageVisibility(id: string, visibility: ImageVisibility): Promise<StoredImage> {
  return (
    await apiFetch<{ image: StoredImage }>(`/api/images/${encodeURIComponent(id)}`, {
      method: "PATCH",
      body: { visibility },
    })
  ).image;
}

export async function getImageSettings(signal?: AbortSignal): Promise<ImageSettingsDto> {
  return apiFetch<ImageSettingsDto>("/api/images/settings", { signal });
}

/** `image` drawn to fit in `maxSide` (never enlarged), as WebP where the browser encodes it, else PNG. */
export async function drawScaled(
  image: Blob,
  maxSide: number,
  quality = 0.85,
): Promise<{ blob: Blob; width: number; height: number }> {
  const bitmap = await createImageBitmap(image);
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("No 2D canvas in this browser.");
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(bitmap, 0, 0, width, height);
    const encode = (type: string) =>
      new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));
    // Safari before 17 answers PNG when asked for WebP; either is fine for the server.
    const blob = (await encode("image/webp")) ?? (await encode("image/png"));
    if (!blob) throw new Error("The browser could not encode the image.");
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}

/** The library's preview of an image: longest side 256 px. */
export async function makeThumbnail(image: Blob): Promise<Blob> {
  return (await drawScaled(image, THUMBNAIL_SIDE)).blob;
}
