/**
 * Rasterising mask operations onto a bit per pixel (1 = edit area), at the image's natural size and
 * without anti-aliasing: a pixel is in a shape when its centre is. Every function returns the
 * rectangle it may have changed, so the editor repaints only that part of its overlay.
 */
import type { MaskOp } from "./mask";

/** A pixel rectangle, `x..x+w` by `y..y+h`, inside the image. */
export interface DirtyRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function unionRect(a: DirtyRect | null, b: DirtyRect | null): DirtyRect | null {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/** Pixels whose centres fall in [lo, hi] along one axis, clipped to from..from+size-1. */
function span(lo: number, hi: number, from: number, size: number): [number, number] {
  return [Math.max(from, Math.ceil(lo - 0.5)), Math.min(from + size - 1, Math.floor(hi - 0.5))];
}

/** Where painting may happen: the whole image, or a part of it when replaying after an undo. */
export type Clip = DirtyRect;

/**
 * One segment of a brush stroke: every pixel whose centre is within `size / 2` of the segment from
 * (ax, ay) to (bx, by) (a capsule; a dot when the ends are equal).
 */
export function paintSegment(
  bits: Uint8Array,
  width: number,
  clip: Clip,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  size: number,
  value: 0 | 1,
): DirtyRect | null {
  const r = Math.max(0.5, size / 2);
  const r2 = r * r;
  const [x0, x1] = span(Math.min(ax, bx) - r, Math.max(ax, bx) + r, clip.x, clip.w);
  const [y0, y1] = span(Math.min(ay, by) - r, Math.max(ay, by) + r, clip.y, clip.h);
  if (x0 > x1 || y0 > y1) return null;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const inside = (x: number, cy: number) => {
    const cx = x + 0.5;
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((cx - ax) * dx + (cy - ay) * dy) / len2));
    const ex = cx - (ax + t * dx);
    const ey = cy - (ay + t * dy);
    return ex * ex + ey * ey <= r2;
  };
  // The distance to the segment is convex along a row, so the row's pixels inside are one run:
  // start at the pixel nearest the segment, then find each end by bisection (the same exact test
  // as pixel by pixel, in O(log) tests per row instead of one per pixel of the box).
  for (let y = y0; y <= y1; y++) {
    const cy = y + 0.5;
    let nearest: number;
    if (dy !== 0 && (cy - ay) * (cy - by) <= 0) nearest = ax + ((cy - ay) / dy) * dx;
    else if (dy === 0) nearest = (ax + bx) / 2;
    else nearest = Math.abs(cy - ay) < Math.abs(cy - by) ? ax : bx;
    const c = Math.min(x1, Math.max(x0, Math.floor(nearest - 0.5)));
    const seed = inside(c, cy) ? c : c + 1 <= x1 && inside(c + 1, cy) ? c + 1 : -1;
    if (seed < 0) continue;
    let [lo, hi] = [x0, seed];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inside(mid, cy)) hi = mid;
      else lo = mid + 1;
    }
    const left = lo;
    [lo, hi] = [seed, x1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (inside(mid, cy)) lo = mid;
      else hi = mid - 1;
    }
    bits.fill(value, y * width + left, y * width + lo + 1);
  }
  return { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** A whole stroke: flat points [x0, y0, x1, y1, …]. */
export function paintStroke(
  bits: Uint8Array,
  width: number,
  clip: Clip,
  points: readonly number[],
  size: number,
  value: 0 | 1,
): DirtyRect | null {
  let dirty: DirtyRect | null = null;
  if (points.length < 2) return null;
  if (points.length === 2) {
    const [x, y] = [points[0] ?? 0, points[1] ?? 0];
    return paintSegment(bits, width, clip, x, y, x, y, size, value);
  }
  for (let i = 2; i + 1 < points.length; i += 2) {
    const seg = paintSegment(
      bits,
      width,
      clip,
      points[i - 2] ?? 0,
      points[i - 1] ?? 0,
      points[i] ?? 0,
      points[i + 1] ?? 0,
      size,
      value,
    );
    dirty = unionRect(dirty, seg);
  }
  return dirty;
}

export function paintRect(
  bits: Uint8Array,
  width: number,
  clip: Clip,
  rx: number,
  ry: number,
  rw: number,
  rh: number,
  value: 0 | 1,
): DirtyRect | null {
  const left = Math.min(rx, rx + rw);
  const top = Math.min(ry, ry + rh);
  // Centres in [left, right): a rectangle from 10 to 20 covers pixels 10..19, ten of them.
  const x0 = Math.max(clip.x, Math.ceil(left - 0.5));
  const x1 = Math.min(clip.x + clip.w - 1, Math.ceil(left + Math.abs(rw) - 0.5) - 1);
  const y0 = Math.max(clip.y, Math.ceil(top - 0.5));
  const y1 = Math.min(clip.y + clip.h - 1, Math.ceil(top + Math.abs(rh) - 0.5) - 1);
  if (x0 > x1 || y0 > y1) return null;
  for (let y = y0; y <= y1; y++) bits.fill(value, y * width + x0, y * width + x1 + 1);
  return { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** A polygon (even-odd rule), flat points, closed back to its first point. */
export function paintPolygon(
  bits: Uint8Array,
  width: number,
  clip: Clip,
  points: readonly number[],
  value: 0 | 1,
): DirtyRect | null {
  const n = points.length >> 1;
  if (n < 3) return null;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 1; i < points.length; i += 2) {
    minY = Math.min(minY, points[i] ?? 0);
    maxY = Math.max(maxY, points[i] ?? 0);
  }
  const [y0, y1] = span(minY, maxY, clip.y, clip.h);
  let dirty: DirtyRect | null = null;
  const xs: number[] = [];
  for (let y = y0; y <= y1; y++) {
    const cy = y + 0.5;
    xs.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = points[2 * i + 1] ?? 0;
      const yj = points[2 * j + 1] ?? 0;
      if (yi <= cy !== yj <= cy) {
        const xi = points[2 * i] ?? 0;
        const xj = points[2 * j] ?? 0;
        xs.push(xi + ((cy - yi) / (yj - yi)) * (xj - xi));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const xa = Math.max(clip.x, Math.ceil((xs[k] ?? 0) - 0.5));
      const xb = Math.min(clip.x + clip.w - 1, Math.ceil((xs[k + 1] ?? 0) - 0.5) - 1);
      if (xa > xb) continue;
      bits.fill(value, y * width + xa, y * width + xb + 1);
      dirty = unionRect(dirty, { x: xa, y, w: xb - xa + 1, h: 1 });
    }
  }
  return dirty;
}

/** Run lengths of a bit array, starting with a run of 0s (which may be empty). */
export function encodeRuns(bits: Uint8Array): number[] {
  const runs: number[] = [];
  let current = 0;
  let length = 0;
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] === current) {
      length++;
    } else {
      runs.push(length);
      current = bits[i] ?? 0;
      length = 1;
    }
  }
  runs.push(length);
  return runs;
}

export function decodeRuns(runs: readonly number[], into: Uint8Array): void {
  let at = 0;
  for (let k = 0; k < runs.length && at < into.length; k++) {
    const end = Math.min(into.length, at + (runs[k] ?? 0));
    into.fill(k % 2, at, end);
    at = end;
  }
  into.fill(0, at);
}

function fillClip(bits: Uint8Array, width: number, clip: Clip, value: 0 | 1): void {
  for (let y = clip.y; y < clip.y + clip.h; y++) {
    bits.fill(value, y * width + clip.x, y * width + clip.x + clip.w);
  }
}

/** Applies one operation inside `clip` (the whole image by default); returns what it may have changed. */
export function applyOp(
  bits: Uint8Array,
  width: number,
  height: number,
  op: MaskOp,
  clip: Clip = { x: 0, y: 0, w: width, h: height },
): DirtyRect | null {
  const value = "erase" in op && op.erase ? 0 : 1;
  switch (op.kind) {
    case "stroke":
      return paintStroke(bits, width, clip, op.points, op.size, value);
    case "rect":
      return paintRect(bits, width, clip, op.x, op.y, op.w, op.h, value);
    case "lasso":
      return paintPolygon(bits, width, clip, op.points, value);
    case "fill":
    case "clear":
      fillClip(bits, width, clip, op.kind === "fill" ? 1 : 0);
      return clip;
    case "invert":
      for (let y = clip.y; y < clip.y + clip.h; y++) {
        for (let i = y * width + clip.x; i < y * width + clip.x + clip.w; i++) bits[i] = bits[i] ? 0 : 1;
      }
      return clip;
    case "bitmap":
      if (clip.w === width && clip.h === height) {
        decodeRuns(op.runs, bits);
      } else {
        const whole = new Uint8Array(width * height);
        decodeRuns(op.runs, whole);
        for (let y = clip.y; y < clip.y + clip.h; y++) {
          bits.set(whole.subarray(y * width + clip.x, y * width + clip.x + clip.w), y * width + clip.x);
        }
      }
      return clip;
  }
}

/** The rectangle an operation can touch: for undo, only that part needs replaying. */
export function opBounds(op: MaskOp, width: number, height: number): DirtyRect | null {
  const clip = (x0: number, y0: number, x1: number, y1: number): DirtyRect | null => {
    const x = Math.max(0, Math.floor(x0));
    const y = Math.max(0, Math.floor(y0));
    const w = Math.min(width, Math.ceil(x1)) - x;
    const h = Math.min(height, Math.ceil(y1)) - y;
    return w > 0 && h > 0 ? { x, y, w, h } : null;
  };
  const box = (points: readonly number[], pad: number) => {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i + 1 < points.length; i += 2) {
      const [x, y] = [points[i] ?? 0, points[i + 1] ?? 0];
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
    return clip(x0 - pad, y0 - pad, x1 + pad, y1 + pad);
  };
  switch (op.kind) {
    case "stroke":
      return box(op.points, op.size / 2 + 1);
    case "lasso":
      return box(op.points, 1);
    case "rect":
      return clip(
        Math.min(op.x, op.x + op.w) - 1,
        Math.min(op.y, op.y + op.h) - 1,
        Math.max(op.x, op.x + op.w) + 1,
        Math.max(op.y, op.y + op.h) + 1,
      );
    default:
      return { x: 0, y: 0, w: width, h: height };
  }
}

/**
 * The bits of a document kept up to date as it changes: new operations at the end are applied on
 * top (a stroke costs its own area); anything else (undo, a draft from another tab) replays all.
 */
export class MaskRaster {
  readonly bits: Uint8Array;
  private applied: MaskOp[] = [];
  private stale = false;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.bits = new Uint8Array(width * height);
  }

  /** Brings the bits to `ops`; returns the changed rectangle, or null when nothing changed. */
  sync(ops: readonly MaskOp[]): DirtyRect | null {
    if (!this.stale && ops.length < this.applied.length && ops.every((op, i) => op === this.applied[i])) {
      return this.undo(ops);
    }
    const prefix =
      !this.stale && this.applied.length <= ops.length && this.applied.every((op, i) => op === ops[i]);
    let dirty: DirtyRect | null = null;
    if (!prefix) {
      this.bits.fill(0);
      this.applied = [];
      this.stale = false;
      dirty = { x: 0, y: 0, w: this.width, h: this.height };
    }
    for (const op of ops.slice(this.applied.length)) {
      dirty = unionRect(dirty, applyOp(this.bits, this.width, this.height, op));
      this.applied.push(op);
    }
    return dirty;
  }

  /** Operations taken off the end: only the area they touched is cleared and replayed. */
  private undo(ops: readonly MaskOp[]): DirtyRect | null {
    let area: DirtyRect | null = null;
    for (const op of this.applied.slice(ops.length))
      area = unionRect(area, opBounds(op, this.width, this.height));
    this.applied = [...ops];
    if (!area) return null;
    fillClip(this.bits, this.width, area, 0);
    for (const op of ops) applyOp(this.bits, this.width, this.height, op, area);
    return area;
  }

  /** Forgets what was applied (a live stroke abandoned halfway): the next sync replays everything. */
  invalidate(): void {
    this.stale = true;
  }

  /** Records an operation the caller already drew into `bits` (a live stroke), so sync skips it. */
  markApplied(op: MaskOp): void {
    this.applied.push(op);
  }
}
