import { decode, encode } from "fast-png";
import { describe, expect, it } from "vitest";
import {
  addOp,
  alphaMaskOp,
  compositeOutside,
  emptyMask,
  importMaskPng,
  type MaskDoc,
  maskBits,
  maskIsEmpty,
  maskPng,
  redoMask,
  rememberBits,
  undoMask,
} from "./mask";
import { decodeRuns, encodeRuns, MaskRaster, paintSegment } from "./mask-raster";

const W = 64;
const H = 40;

/** The set bits as "x,y" strings, for exact comparisons. */
function painted(bits: Uint8Array, width = W): Set<string> {
  const out = new Set<string>();
  bits.forEach((b, i) => {
    if (b) out.add(`${i % width},${Math.floor(i / width)}`);
  });
  return out;
}

function rectSet(x0: number, y0: number, x1: number, y1: number): Set<string> {
  const out = new Set<string>();
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out.add(`${x},${y}`);
  return out;
}

async function pngPixels(blob: Blob) {
  return decode(new Uint8Array(await blob.arrayBuffer()));
}

describe("mask rasterising", () => {
  it("a rectangle covers the pixels whose centres it contains, in any drag direction", () => {
    const a = maskBits(addOp(emptyMask(W, H), { kind: "rect", x: 10, y: 5, w: 10, h: 4 }));
    const b = maskBits(addOp(emptyMask(W, H), { kind: "rect", x: 20, y: 9, w: -10, h: -4 }));
    expect(painted(a)).toEqual(rectSet(10, 5, 20, 9));
    expect(painted(b)).toEqual(rectSet(10, 5, 20, 9));
  });

  it("a brush stroke is every pixel within half its size of the path, with no soft edge", () => {
    const doc = addOp(emptyMask(W, H), { kind: "stroke", size: 6, points: [10.5, 20.5, 30.5, 20.5] });
    const bits = maskBits(doc);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const cx = Math.min(30.5, Math.max(10.5, x + 0.5));
        const inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - 20.5) ** 2 <= 9;
        expect(bits[y * W + x], `${x},${y}`).toBe(inside ? 1 : 0);
      }
    }
    expect(new Set(bits)).toEqual(new Set([0, 1]));
  });

  it("a segment fills exactly the pixels a pixel-by-pixel test would, for any angle, size and clip", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 300; k++) {
      const [ax, ay, bx, by] = [rand() * 80 - 8, rand() * 56 - 8, rand() * 80 - 8, rand() * 56 - 8];
      const pick = rand();
      // Some vertical, horizontal and zero-length segments, on whole and half pixels, among the rest.
      const [qx, qy] = pick < 0.1 ? [ax, by] : pick < 0.2 ? [bx, ay] : pick < 0.25 ? [ax, ay] : [bx, by];
      const round = rand() < 0.3 ? (v: number) => Math.round(v * 2) / 2 : (v: number) => v;
      const size = 1 + Math.floor(rand() * 20);
      const clip = rand() < 0.3 ? { x: 10, y: 5, w: 30, h: 20 } : { x: 0, y: 0, w: W, h: H };
      const fast = new Uint8Array(W * H);
      paintSegment(fast, W, clip, round(ax), round(ay), round(qx), round(qy), size, 1);
      const slow = new Uint8Array(W * H);
      const [x1, y1, x2, y2] = [round(ax), round(ay), round(qx), round(qy)];
      const [dx, dy] = [x2 - x1, y2 - y1];
      const len2 = dx * dx + dy * dy;
      for (let y = clip.y; y < clip.y + clip.h; y++) {
        for (let x = clip.x; x < clip.x + clip.w; x++) {
          const [cx, cy] = [x + 0.5, y + 0.5];
          const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((cx - x1) * dx + (cy - y1) * dy) / len2));
          const [ex, ey] = [cx - (x1 + t * dx), cy - (y1 + t * dy)];
          if (ex * ex + ey * ey <= Math.max(0.5, size / 2) ** 2) slow[y * W + x] = 1;
        }
      }
      expect(painted(fast), `segment ${k}`).toEqual(painted(slow));
    }
  });

  it("the eraser takes away, a lasso fills its polygon, fill, clear and invert cover everything", () => {
    let doc = addOp(emptyMask(W, H), { kind: "rect", x: 0, y: 0, w: 20, h: 20 });
    doc = addOp(doc, { kind: "rect", x: 0, y: 0, w: 10, h: 20, erase: true });
    expect(painted(maskBits(doc))).toEqual(rectSet(10, 0, 20, 20));
    const lasso = addOp(emptyMask(W, H), { kind: "lasso", points: [30, 10, 40, 10, 40, 20, 30, 20] });
    expect(painted(maskBits(lasso))).toEqual(rectSet(30, 10, 40, 20));
    expect(maskBits(addOp(doc, { kind: "fill" })).every((b) => b === 1)).toBe(true);
    expect(maskIsEmpty(addOp(doc, { kind: "clear" }))).toBe(true);
    const inverted = maskBits(addOp(doc, { kind: "invert" }));
    expect(inverted.every((b, i) => b === 1 - (maskBits(doc)[i] ?? 0))).toBe(true);
  });

  it("undo and redo step through the operations; a new one drops the redo list", () => {
    const r1 = { kind: "rect", x: 0, y: 0, w: 5, h: 5 } as const;
    const r2 = { kind: "rect", x: 10, y: 10, w: 5, h: 5 } as const;
    const two = addOp(addOp(emptyMask(W, H), r1), r2);
    const undone = undoMask(two);
    expect(painted(maskBits(undone))).toEqual(rectSet(0, 0, 5, 5));
    expect(undone.redo).toEqual([r2]);
    expect(painted(maskBits(redoMask(undone)))).toEqual(painted(maskBits(two)));
    expect(maskIsEmpty(undoMask(undone))).toBe(true);
    expect(undoMask(emptyMask(W, H))).toEqual(emptyMask(W, H));
    expect(addOp(undone, { kind: "fill" }).redo).toEqual([]);
  });

  it("the incremental raster matches a full replay, after new ops and after undo", () => {
    const raster = new MaskRaster(W, H);
    let doc: MaskDoc = emptyMask(W, H);
    const ops = [
      { kind: "stroke", size: 5, points: [3, 3, 50, 30, 10, 35] },
      { kind: "invert" },
      { kind: "lasso", erase: true, points: [5, 5, 60, 8, 30, 30] },
    ] as const;
    for (const op of ops) {
      doc = addOp(doc, op as never);
      expect(raster.sync(doc.ops)).not.toBeNull();
      expect(raster.bits).toEqual(maskBits(doc));
    }
    expect(raster.sync(doc.ops)).toBeNull();
    // Undoing the lasso replays only its bounding box; undoing the invert, everything.
    doc = undoMask(doc);
    const area = raster.sync(doc.ops);
    expect(area && area.w * area.h).toBeLessThan(W * H);
    expect(raster.bits).toEqual(maskBits(doc));
    doc = undoMask(doc);
    expect(raster.sync(doc.ops)).toEqual({ x: 0, y: 0, w: W, h: H });
    expect(raster.bits).toEqual(maskBits(doc));
    raster.invalidate();
    expect(raster.sync(doc.ops)).toEqual({ x: 0, y: 0, w: W, h: H });
    expect(raster.bits).toEqual(maskBits(doc));
  });

  it("bits handed over by the editor are used, not recomputed", () => {
    const doc = addOp(emptyMask(W, H), { kind: "rect", x: 0, y: 0, w: 3, h: 3 });
    const mine = new Uint8Array(W * H).fill(1);
    rememberBits(doc, mine);
    expect(maskBits(doc)).toEqual(mine);
    expect(maskBits(doc)).not.toBe(mine);
  });

  it("run lengths round-trip", () => {
    const bits = maskBits(addOp(emptyMask(W, H), { kind: "stroke", size: 9, points: [0, 0, 63, 39] }));
    const back = new Uint8Array(bits.length);
    decodeRuns(encodeRuns(bits), back);
    expect(back).toEqual(bits);
  });
});

describe("mask PNG", () => {
  it("is RGBA of the image's size, alpha 0 exactly where painted and 255 elsewhere", async () => {
    const doc = addOp(addOp(emptyMask(W, H), { kind: "rect", x: 4, y: 6, w: 12, h: 9 }), {
      kind: "stroke",
      size: 4,
      points: [40, 5, 60, 35],
    });
    const png = await pngPixels(await maskPng(doc));
    expect([png.width, png.height, png.channels, png.depth]).toEqual([W, H, 4, 8]);
    const bits = maskBits(doc);
    for (let i = 0; i < W * H; i++) expect(png.data[i * 4 + 3]).toBe(bits[i] ? 0 : 255);
  });

  it("imports back to the same bits; refuses another size or a PNG without alpha", async () => {
    const doc = addOp(emptyMask(W, H), { kind: "lasso", points: [1, 1, 60, 4, 20, 39] });
    const png = await maskPng(doc);
    const op = await importMaskPng(png, W, H);
    expect(maskBits(addOp(emptyMask(W, H), op))).toEqual(maskBits(doc));
    await expect(importMaskPng(png, W + 1, H)).rejects.toThrow(`it must be the image's size, ${W + 1}×${H}`);
    const rgb = encode({ width: W, height: H, data: new Uint8Array(W * H * 3), channels: 3, depth: 8 });
    await expect(importMaskPng(rgb, W, H)).rejects.toThrow("no transparency");
    await expect(importMaskPng(new Uint8Array([1, 2, 3]), W, H)).rejects.toThrow("must be a PNG");
  });

  it("uses the image's own transparency: alpha-0 pixels are the edit area", () => {
    const rgba = new Uint8Array(W * H * 4).fill(255);
    rgba[(3 * W + 7) * 4 + 3] = 0;
    rgba[(3 * W + 8) * 4 + 3] = 1; // almost transparent is not transparent
    const op = alphaMaskOp(rgba);
    expect(op).not.toBeNull();
    expect(painted(maskBits(addOp(emptyMask(W, H), op as never)))).toEqual(new Set(["7,3"]));
    expect(alphaMaskOp(new Uint8Array(16).fill(255))).toBeNull();
  });
});

describe("compositeOutside", () => {
  const n = W * H;
  const original = new Uint8ClampedArray(n * 4).map((_, i) => (i * 7) % 251);
  const result = new Uint8ClampedArray(n * 4).map((_, i) => 255 - ((i * 13) % 241));
  const bits = maskBits(addOp(emptyMask(W, H), { kind: "rect", x: 10, y: 10, w: 30, h: 20 }));

  it("with feather 0, outside pixels are the original's and inside ones the result's", () => {
    const out = compositeOutside(original, result, bits, W, H, 0);
    for (let i = 0; i < n * 4; i++) expect(out[i]).toBe(bits[i >> 2] ? result[i] : original[i]);
  });

  it("with a feather, outside pixels stay identical and the band blends towards the edge", () => {
    const out = compositeOutside(original, result, bits, W, H, 4);
    for (let i = 0; i < n * 4; i++) if (!bits[i >> 2]) expect(out[i]).toBe(original[i]);
    const at = (x: number, y: number) => (y * W + x) * 4;
    // Deep inside: the result; on the first row inside: a mix, nearer the original.
    expect(out.slice(at(25, 20), at(25, 20) + 4)).toEqual(result.slice(at(25, 20), at(25, 20) + 4));
    const [o, r] = [original[at(25, 10)] ?? 0, result[at(25, 10)] ?? 0];
    expect(out[at(25, 10)]).toBe(Math.round(o + (r - o) * 0.2));
  });
});
