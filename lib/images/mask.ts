/**
 * The mask model (issue 12): a mask is a list of drawing operations in the image's own pixels, kept
 * as plain JSON in the studio's draft, and rasterised at the image's natural size when needed (no
 * anti-aliasing: a pixel is in the edit area or not). docs/images-mask.md has the design.
 */
import { encodeRuns, MaskRaster } from "./mask-raster";

/** Paint adds to the edit area; `erase: true` takes away from it. */
export type MaskOp =
  /** A brush or eraser stroke: flat points [x0, y0, x1, y1, …]; `size` is the brush's diameter. */
  | { kind: "stroke"; erase?: boolean; size: number; points: number[] }
  | { kind: "rect"; erase?: boolean; x: number; y: number; w: number; h: number }
  /** A lasso: a polygon, flat points, closed back to the first. */
  | { kind: "lasso"; erase?: boolean; points: number[] }
  /** Everything is the edit area. */
  | { kind: "fill" }
  | { kind: "clear" }
  | { kind: "invert" }
  /** A whole mask (an imported PNG, the image's transparency): run lengths from a run of 0s. */
  | { kind: "bitmap"; runs: number[] };

/** A mask as vectors: rasterised at the image's natural size only when needed. */
export interface MaskDoc {
  width: number;
  height: number;
  ops: MaskOp[];
  /** Undone operations, newest last (cleared by a new operation). */
  redo: MaskOp[];
}

export function emptyMask(width: number, height: number): MaskDoc {
  return { width, height, ops: [], redo: [] };
}

export function addOp(doc: MaskDoc, op: MaskOp): MaskDoc {
  return { ...doc, ops: [...doc.ops, op], redo: [] };
}

export function canUndo(doc: MaskDoc): boolean {
  return doc.ops.length > 0;
}

export function canRedo(doc: MaskDoc): boolean {
  return doc.redo.length > 0;
}

export function undoMask(doc: MaskDoc): MaskDoc {
  const last = doc.ops.at(-1);
  if (!last) return doc;
  return { ...doc, ops: doc.ops.slice(0, -1), redo: [...doc.redo, last] };
}

export function redoMask(doc: MaskDoc): MaskDoc {
  const next = doc.redo.at(-1);
  if (!next) return doc;
  return { ...doc, ops: [...doc.ops, next], redo: doc.redo.slice(0, -1) };
}

// Documents are immutable (every change makes a new `ops` array), so the bits of one are cached;
// and one raster follows the latest document, so a new stroke or an undo costs only its own area.
const bitsCache = new WeakMap<readonly MaskOp[], Uint8Array>();
let follower: MaskRaster | null = null;

/**
 * 1 where the image may change (the edit area), 0 elsewhere; width*height entries. The array is
 * shared with later calls for the same document: read it, do not change it.
 */
export function maskBits(doc: MaskDoc): Uint8Array {
  const cached = bitsCache.get(doc.ops);
  if (cached && cached.length === doc.width * doc.height) return cached;
  if (follower?.width !== doc.width || follower.height !== doc.height) {
    follower = new MaskRaster(doc.width, doc.height);
  }
  follower.sync(doc.ops);
  const bits = follower.bits.slice();
  bitsCache.set(doc.ops, bits);
  return bits;
}

/**
 * Hands over bits the caller already has for `doc` (the editor's raster, after each change), so the
 * export that follows a stroke does not rasterise the whole history again.
 */
export function rememberBits(doc: MaskDoc, bits: Uint8Array): void {
  if (bits.length === doc.width * doc.height && !bitsCache.has(doc.ops)) bitsCache.set(doc.ops, bits.slice());
}

/** True when no pixel is in the edit area (no operation, or they cancel out). */
export function maskIsEmpty(doc: MaskDoc): boolean {
  if (doc.ops.length === 0 || doc.ops.at(-1)?.kind === "clear") return true;
  return maskBits(doc).indexOf(1) === -1;
}

/**
 * The mask as the API wants it: an RGBA PNG of the image's size, alpha 0 in the edit area, 255
 * elsewhere, nothing in between. The encoder (and fflate) load with the first export, not the page.
 */
export async function maskPng(doc: MaskDoc): Promise<Blob> {
  const { encodeMaskPng } = await import("./mask-png");
  const png = await encodeMaskPng(maskBits(doc), doc.width, doc.height);
  return new Blob([png as Uint8Array<ArrayBuffer>], { type: "image/png" });
}

/** An operation that sets the whole mask to `bits`. */
export function bitmapOp(bits: Uint8Array): MaskOp {
  return { kind: "bitmap", runs: encodeRuns(bits) };
}

/** "Use the image's own transparency": the fully transparent pixels (alpha 0) of RGBA pixels. */
export function alphaMaskOp(rgba: Uint8Array | Uint8ClampedArray): MaskOp | null {
  const bits = new Uint8Array(rgba.length / 4);
  let any = false;
  for (let i = 0; i < bits.length; i++) {
    if (rgba[i * 4 + 3] === 0) {
      bits[i] = 1;
      any = true;
    }
  }
  return any ? bitmapOp(bits) : null;
}

export class MaskImportError extends Error {
  override name = "MaskImportError";
}

/**
 * Reads a mask PNG: it must be the image's size and have transparency; pixels with alpha under 128
 * are the edit area (so a soft-edged mask made elsewhere rounds to the nearest side).
 */
export async function importMaskPng(
  input: Blob | Uint8Array,
  width: number,
  height: number,
): Promise<MaskOp> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
  const { decode, hasPngSignature, convertIndexedToRgb } = await import("fast-png");
  if (!hasPngSignature(bytes)) throw new MaskImportError("The mask must be a PNG file.");
  let png: ReturnType<typeof decode>;
  try {
    png = decode(bytes);
  } catch {
    throw new MaskImportError("The mask PNG could not be read (the file is damaged).");
  }
  if (png.width !== width || png.height !== height) {
    throw new MaskImportError(
      `The mask is ${png.width}×${png.height}; it must be the image's size, ${width}×${height}.`,
    );
  }
  let data = png.data;
  let channels = png.channels;
  if (png.palette) {
    // Palette entries carry a fourth value when the PNG has a tRNS chunk.
    data = convertIndexedToRgb(png);
    channels = png.palette[0]?.length ?? 3;
  }
  if (channels !== 2 && channels !== 4) throw noAlpha();
  const half = png.depth === 16 ? 32768 : 128;
  const bits = new Uint8Array(width * height);
  for (let i = 0; i < bits.length; i++) bits[i] = (data[i * channels + channels - 1] ?? 0) < half ? 1 : 0;
  return bitmapOp(bits);
}

function noAlpha(): MaskImportError {
  return new MaskImportError(
    "The mask PNG has no transparency: the edit area is where the mask is transparent (alpha 0).",
  );
}

export { compositeOutside } from "./mask-composite";
