import type { DirtyRect } from "@/lib/images/mask-raster";

/** The edit area's tint, as one little-endian RGBA word: rgb(255, 0, 170) at 45%. */
const TINT = ((115 << 24) | (170 << 16) | (0 << 8) | 255) >>> 0;

/**
 * Overlay tiles: every canvas on the page weighs on each compositor commit by its size (measured in
 * headless Chromium without a GPU: a 3840x2160 canvas made commits p95 ~130 ms on a loaded 2-core VM,
 * against ~35 ms without it), so the overlay is 512 px tiles made only where something was painted,
 * and a changed tile is the only one re-uploaded.
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
  /** Made when first painted: a tile never painted costs nothing at all. */
  private tiles = new Map<number, Tile>();
  private readonly columns: number;

  /** Paints into `container` (a box of the image's size), which it empties. */
  constructor(
    private readonly container: HTMLElement,
    readonly width: number,
    readonly height: number,
  ) {
    container.replaceChildren();
    this.columns = Math.ceil(width / TILE);
  }

  private tile(column: number, row: number): Tile | null {
    const key = row * this.columns + column;
    const found = this.tiles.get(key);
    if (found) return found;
    const [x, y] = [column * TILE, row * TILE];
    const [w, h] = [Math.min(TILE, this.width - x), Math.min(TILE, this.height - y)];
    const canvas = document.createElement("canvas");
    Object.assign(canvas, { width: w, height: h });
    Object.assign(canvas.style, {
      position: "absolute",
      left: `${x}px`,
      top: `${y}px`,
      width: `${w}px`,
      height: `${h}px`,
    });
    const ctx = canvas.getContext("2d");
    if (!ctx) return null;
    this.container.append(canvas);
    const tile = { x, y, w, h, ctx };
    this.tiles.set(key, tile);
    return tile;
  }

  /** Repaints one rectangle from the bits: only the pixels of that rectangle are built and uploaded. */
  paint(bits: Uint8Array, rect: DirtyRect): void {
    const [c0, c1] = [Math.floor(rect.x / TILE), Math.floor((rect.x + rect.w - 1) / TILE)];
    const [r0, r1] = [Math.floor(rect.y / TILE), Math.floor((rect.y + rect.h - 1) / TILE)];
    for (let row = r0; row <= r1; row++) {
      for (let column = c0; column <= c1; column++) {
        const t = this.tile(column, row);
        if (t) this.paintTile(t, bits, rect);
      }
    }
  }

  private paintTile(t: Tile, bits: Uint8Array, rect: DirtyRect): void {
    const x0 = Math.max(rect.x, t.x);
    const y0 = Math.max(rect.y, t.y);
    const x1 = Math.min(rect.x + rect.w, t.x + t.w);
    const y1 = Math.min(rect.y + rect.h, t.y + t.h);
    if (x1 <= x0 || y1 <= y0) return;
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
