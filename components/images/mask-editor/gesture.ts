import type { MaskOp } from "@/lib/images/mask";

/** What a pointer is doing in the editor, from pointerdown to pointerup. */
export type Gesture =
  /** Brush or eraser: `painted` points (flat index) are already in the raster. */
  | { kind: "paint"; id: number; erase: boolean; size: number; points: number[]; painted: number }
  | { kind: "rect"; id: number; erase: boolean; x0: number; y0: number; x1: number; y1: number }
  | { kind: "lasso"; id: number; erase: boolean; points: number[] }
  | { kind: "pan"; id: number; sx: number; sy: number; vx: number; vy: number }
  | { kind: "pinch"; dist: number; mx: number; my: number };

/** Stroke points keep a tenth of a pixel: plenty at any zoom, and the draft stays small. */
export const roundPoint = (v: number) => Math.round(v * 10) / 10;

const clampTo = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));

/** The operation a finished gesture adds, or null when it drew nothing. */
export function gestureOp(g: Gesture, width: number, height: number): MaskOp | null {
  const erase = "erase" in g && g.erase ? { erase: true } : {};
  switch (g.kind) {
    case "paint":
      return g.points.length >= 2 ? { kind: "stroke", ...erase, size: g.size, points: g.points } : null;
    case "rect": {
      // Corners snap to pixel edges, so the rectangle covers whole pixels as drawn.
      const [x0, x1] = [clampTo(g.x0, width), clampTo(g.x1, width)].sort((a, b) => a - b);
      const [y0, y1] = [clampTo(g.y0, height), clampTo(g.y1, height)].sort((a, b) => a - b);
      if (x0 === undefined || x1 === undefined || y0 === undefined || y1 === undefined) return null;
      return x1 > x0 && y1 > y0 ? { kind: "rect", ...erase, x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
    }
    case "lasso":
      return g.points.length >= 6 ? { kind: "lasso", ...erase, points: g.points } : null;
    default:
      return null;
  }
}
