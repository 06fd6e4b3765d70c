import { drawScaled } from "./library-client";
import type { ImageShareSnapshot, StoredImage } from "./schema";

/** Share snapshots are capped at 2 MiB of JSON (lib/server/shares.ts); the image is most of it. */
export const SHARE_SNAPSHOT_MAX_BYTES = 2 * 1024 * 1024;
/** Sides tried, largest first, when the image itself does not fit. */
const SCALED_SIDES = [2048, 1536, 1024, 768, 512];

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error("Could not read the image."));
    r.readAsDataURL(blob);
  });
}

/**
 * A share link's copy of a library image: the image inline (a link must work without the library,
 * and after the image is deleted), or, when that would pass the cap, the largest WebP copy that fits.
 */
export async function imageShareSnapshot(img: StoredImage, blob: Blob): Promise<ImageShareSnapshot> {
  const rest: Omit<ImageShareSnapshot, "image"> = {
    version: 1,
    prompt: img.prompt,
    revisedPrompt: img.revisedPrompt,
    model: img.model,
    operation: img.operation,
    params: img.params,
    costUsd: img.costUsd,
    createdAt: img.createdAt,
  };
  const budget = SHARE_SNAPSHOT_MAX_BYTES - new TextEncoder().encode(JSON.stringify(rest)).byteLength - 512;
  const full = await dataUrl(blob);
  if (full.length <= budget)
    return { ...rest, image: { dataUrl: full, width: img.width, height: img.height, scaled: null } };
  for (const side of SCALED_SIDES) {
    if (side >= Math.max(img.width, img.height)) continue;
    const copy = await drawScaled(blob, side, 0.85);
    const url = await dataUrl(copy.blob);
    if (url.length <= budget) {
      return {
        ...rest,
        image: {
          dataUrl: url,
          width: copy.width,
          height: copy.height,
          scaled: { width: img.width, height: img.height },
        },
      };
    }
  }
  throw new Error("This image is too large to share even as a 512 px copy (share links hold at most 2 MB).");
}

/** A snapshot's data URL back into bytes (for "Save to my library"). */
export function dataUrlToBlob(url: string): Blob {
  const comma = url.indexOf(",");
  const type = url.slice(5, url.indexOf(";"));
  const bin = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}
