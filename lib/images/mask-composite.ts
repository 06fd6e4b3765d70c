/**
 * "Keep outside the mask": GPT image models treat a mask as guidance and may change pixels outside
 * it, so the studio puts the original's pixels back there. An optional feather blends a band just
 * inside the edit area's edge; outside pixels are always the original's, byte for byte.
 */

/**
 * Distance (in pixels, chamfer 1/√2, within ~8% of Euclidean) from each edit-area pixel to the
 * nearest pixel outside it, capped at `cap`; 0 outside.
 */
function insideDistance(bits: Uint8Array, width: number, height: number, cap: number): Float32Array {
  const d = new Float32Array(width * height);
  const D = Math.SQRT2;
  for (let i = 0; i < d.length; i++) d[i] = bits[i] ? cap : 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!d[i]) continue;
      let v = d[i] ?? 0;
      // The image's border is not an edge of the mask: only pixels outside the edit area count.
      if (x > 0) v = Math.min(v, (d[i - 1] ?? 0) + 1);
      if (y > 0) {
        v = Math.min(v, (d[i - width] ?? 0) + 1);
        if (x > 0) v = Math.min(v, (d[i - width - 1] ?? 0) + D);
        if (x < width - 1) v = Math.min(v, (d[i - width + 1] ?? 0) + D);
      }
      d[i] = v;
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      if (!d[i]) continue;
      let v = d[i] ?? 0;
      if (x < width - 1) v = Math.min(v, (d[i + 1] ?? 0) + 1);
      if (y < height - 1) {
        v = Math.min(v, (d[i + width] ?? 0) + 1);
        if (x < width - 1) v = Math.min(v, (d[i + width + 1] ?? 0) + D);
        if (x > 0) v = Math.min(v, (d[i + width - 1] ?? 0) + D);
      }
      d[i] = v;
    }
  }
  return d;
}

/**
 * The result with the original's pixels put back outside the edit area. `feather` (px) blends a
 * band inside the mask's edge; 0 keeps every outside pixel exactly. RGBA buffers of the same size.
 */
export function compositeOutside(
  original: Uint8ClampedArray,
  result: Uint8ClampedArray,
  bits: Uint8Array,
  width: number,
  height: number,
  feather: number,
): Uint8ClampedArray {
  const n = width * height;
  if (original.length !== n * 4 || result.length !== n * 4 || bits.length !== n) {
    throw new Error(`compositeOutside: buffers are not ${width}×${height}`);
  }
  const out = new Uint8ClampedArray(result);
  const src = new Uint32Array(original.buffer, original.byteOffset, n);
  const dst = new Uint32Array(out.buffer, out.byteOffset, n);
  for (let i = 0; i < n; i++) if (!bits[i]) dst[i] = src[i] ?? 0;
  const band = Math.max(0, Math.floor(feather));
  if (band === 0) return out;
  // A pixel `band + 1` or more inside the edge is all result; nearer ones mix in the original.
  const reach = band + 1;
  const dist = insideDistance(bits, width, height, reach);
  for (let i = 0; i < n; i++) {
    const d = dist[i] ?? 0;
    if (d === 0 || d >= reach) continue;
    const w = d / reach;
    for (let c = i * 4; c < i * 4 + 4; c++) {
      const o = original[c] ?? 0;
      out[c] = o + ((result[c] ?? 0) - o) * w;
    }
  }
  return out;
}
