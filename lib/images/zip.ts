import { Zip, ZipPassThrough } from "fflate";
import type { StoredImage } from "./schema";

/**
 * Many library images as one zip, for "Download". Loaded on first use (fflate stays out of the
 * gallery's first load). Images are fetched one at a time and stored without recompression (PNG,
 * JPEG, WebP and GIF are compressed already), so memory holds the zip and one image, not two copies.
 */
export interface ZipItem {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export async function zipBlob(items: ZipItem[], onProgress?: (done: number) => void): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  let fail: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) fail = err;
    else chunks.push(chunk);
  });
  for (const [i, item] of items.entries()) {
    const data = await item.bytes();
    const entry = new ZipPassThrough(item.name);
    zip.add(entry);
    entry.push(data, true);
    onProgress?.(i + 1);
    if (fail) throw fail;
  }
  zip.end();
  if (fail) throw fail;
  return new Blob(chunks as BlobPart[], { type: "application/zip" });
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);

/** A readable, unique file name: the prompt's first words (or the upload's name) and the id. */
export function zipEntryName(img: Pick<StoredImage, "id" | "prompt" | "name" | "format">): string {
  const base = slug(img.prompt ?? img.name?.replace(/\.[A-Za-z0-9]+$/, "") ?? "") || "image";
  return `${base}-${img.id}.${img.format === "jpeg" ? "jpg" : img.format}`;
}
