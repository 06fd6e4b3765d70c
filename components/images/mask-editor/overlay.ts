import type { DirtyRect } from "@/lib/images/mask-raster";

/** The edit area's tint, as one little-endian RGBA word: rgb(255, 0, 170) at 45%. */
const TINT = ((115 << 24) | (170 << 16) | (0 << 8) | 255) >>> 0;

/**
 * Repaints one rectangle of the overlay canvas from the bits: only that rectangle's pixels are
 * built and uploaded, so a brush dab costs its own area whatever the image's size.
 */
export function paintOverlay(
  ctx: CanvasRenderingContext2D,
  bits: Uint8Array,
  width: number,
  rect: DirtyRect,
): void {
  if (rect.w <= 0 || rect.h <= 0) return;
  const img = ctx.createImageData(rect.w, rect.h);
  const words = new Uint32Array(img.data.buffer);
  for (let y = 0; y < rect.h; y++) {
    const from = (rect.y + y) * width + rect.x;
    const to = y * rect.w;
    for (let x = 0; x < rect.w; x++) if (bits[from + x]) words[to + x] = TINT;
  }
  ctx.putImageData(img, rect.x, rect.y);
}
