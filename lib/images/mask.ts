/**
 * CONTRACT STUB (issue 12): the mask model. The `mask` part replaces the bodies and may add
 * operations; the studio keeps a MaskDoc in its draft (plain JSON) and calls these signatures.
 */

/** One drawing operation, in the image's own pixel coordinates. */
export type MaskOp = { kind: string; [key: string]: unknown };

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

/** 1 where the image may change (the edit area), 0 elsewhere; width*height entries. */
export function maskBits(_doc: MaskDoc): Uint8Array {
  throw new Error("not built yet");
}

export function maskIsEmpty(doc: MaskDoc): boolean {
  return doc.ops.length === 0;
}

/** The mask as the API wants it: an RGBA PNG of the image's size, alpha 0 in the edit area, 255 elsewhere. */
export async function maskPng(_doc: MaskDoc): Promise<Blob> {
  throw new Error("not built yet");
}

/**
 * The result with the original's pixels put back outside the edit area. `feather` (px) blends a
 * band inside the mask's edge; 0 keeps every outside pixel exactly. RGBA buffers of the same size.
 */
export function compositeOutside(
  _original: Uint8ClampedArray,
  _result: Uint8ClampedArray,
  _bits: Uint8Array,
  _width: number,
  _height: number,
  _feather: number,
): Uint8ClampedArray {
  throw new Error("not built yet");
}
