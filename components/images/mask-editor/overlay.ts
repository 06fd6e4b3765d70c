import type { DirtyRect } from "@/lib/images/mask-raster";

/** The edit area's tint, as one little-endian RGBA word: rgb(255, 0, 170) at 45%. */
const TINT = ((115 << 24) | (170 << 16) | (0 << 8) | 255) >>> 0;

/**
 * Overlay tiles: a browser hands a changed canvas to the compositor whole (without a GPU, as a copy
 * of its bitmap), so one 3840x2160 overlay costs 33 MB of copying per frame of a stroke. Tiles of
 * 512 px make that the few tiles the brush touched.
 */
export const TILE = 512;

interface Tile {
  x: number;
  y: number;
  w: number;
  h: number;
  ctx: CanvasRenderingContext2D;
}

export class OverlayTiles {
  private tiles: Tile[] = [];

  /** Creates the tile canvases inside `container` (a box of the image's size). */
  constructor(
    container: HTMLElement,
    readonly width: number,
    readonly height: number,
  ) {
    container.replaceChildren();
    for (let y = 0; y < height; y += TILE) {
      for (let x = 0; x < width; x += TILE) {
        const canvas = document.createElement("canvas");
        const [w, h] = [Math.min(TILE, width - x), Math.min(TILE, height - y)];
        Object.assign(canvas, { width: w, height: h });
        Object.assign(canvas.style, {
          position: "absolute",
          left: `${x}px`,
          top: `${y}px`,
          width: `${w}px`,
          height: `${h}px`,
        });
        container.append(canvas);
        const ctx = canvas.getContext("2d");
        if (ctx) this.tiles.push({ x, y, w, h, ctx });
      }
    }
  }

  /** Repaints one rectangle from the bits: only the pixels of that rectangle are built and uploaded. */
  paint(bits: Uint8Array, rect: DirtyRect): void {
    for (const t of this.tiles) {
      const x0 = Math.max(rect.x, t.x);
      const y0 = Math.max(rect.y, t.y);
      const x1 = Math.min(rect.x + rect.w, t.x + t.w);
      const y1 = Math.min(rect.y + rect.h, t.y + t.h);
      if (x1 <= x0 || y1 <= y0) continue;
      const [w, h] = [x1 - x0, y1 - y0];
      const img = t.ctx.createImageData(w, h);
      const words = new Uint32Array(img.data.buffer);
      for (let y = 0; y < h; y++) {
        const from = (y0 + y) * this.width + x0;
        for (let x = 0; x < w; x++) if (bits[from + x]) words[y * w + x] = TINT;
      }
      t.ctx.putImageData(img, x0 - t.x, y0 - t.y);
    }
  }
}
