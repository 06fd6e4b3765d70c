import type { PlaygroundSnapshot } from "@/lib/playground/snapshot";
import { isRemoteImage, type Message, type Setup } from "@/lib/playground/types";
import { MAX_IMAGE_BYTES } from "./image-inputs";

/**
 * F12, in the sharer's browser: each remote image the browser may read (CORS) becomes a data: URL,
 * so the share shows it without any viewer's browser fetching from the image's host. What cannot be
 * read (no CORS, not an image, over the budget) stays remote; the server then keeps it only as text.
 * No server ever fetches these URLs.
 */

/** Leaves room under the server's 2 MB snapshot cap for the rest of the snapshot. */
export const INLINE_BUDGET_BYTES = 1.5 * 1024 * 1024;

/**
 * Loaded as an image, not fetched: the page's CSP allows images from anywhere but connections only to
 * the console. `crossOrigin` makes the browser ask for CORS, and without it the canvas is tainted and
 * refuses to export, so only images their host lets any page read are inlined. The copy is
 * re-encoded: PNG keeps transparency, JPEG when the PNG would not fit.
 */
async function toDataUrl(url: string, maxBytes: number): Promise<string | null> {
  try {
    const img = new Image();
    img.crossOrigin = "anonymous";
    img.referrerPolicy = "no-referrer";
    img.src = url;
    await Promise.race([
      img.decode(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 10_000)),
    ]);
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    canvas.getContext("2d")?.drawImage(img, 0, 0);
    const limit = Math.min(maxBytes, MAX_IMAGE_BYTES);
    for (const [type, quality] of [
      ["image/png", undefined],
      ["image/jpeg", 0.9],
    ] as const) {
      const data = canvas.toDataURL(type, quality);
      if (data.startsWith(`data:${type}`) && (data.length * 3) / 4 <= limit) return data;
    }
    return null;
  } catch {
    // Not CORS-readable (tainted canvas), not an image, or too slow.
    return null;
  }
}

export async function inlineRemoteImages(snap: PlaygroundSnapshot): Promise<PlaygroundSnapshot> {
  let budget = INLINE_BUDGET_BYTES - JSON.stringify(snap).length;
  const cache = new Map<string, string | null>();
  const inline = async (url: string): Promise<string | null> => {
    if (!cache.has(url)) {
      const data = budget > 0 ? await toDataUrl(url, (budget * 3) / 4) : null;
      if (data) budget -= data.length - url.length;
      cache.set(url, data);
    }
    return cache.get(url) ?? null;
  };
  const message = async (m: Message): Promise<Message> => {
    if (!m.images.some((i) => isRemoteImage(i.url))) return m;
    const images = [];
    for (const i of m.images)
      images.push(isRemoteImage(i.url) ? { ...i, url: (await inline(i.url)) ?? i.url } : i);
    return { ...m, images };
  };
  const setup = async (s: Setup): Promise<Setup> => {
    const messages = [];
    for (const m of s.messages) messages.push(await message(m));
    return { ...s, messages };
  };
  const columns = [];
  for (const c of snap.columns) columns.push({ ...c, setup: await setup(c.setup) });
  return { ...snap, setup: await setup(snap.setup), columns };
}
