import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { decode, encode } from "fast-png";

/**
 * The emulator's pictures: real PNGs whose pixels are a pure function of the prompt (and, for an
 * edit, of the input and the mask), so a test can predict and check them. `output_format` jpeg,
 * webp, gif or svg still answers PNG bytes: the emulator has no encoder for those, and a client
 * that decodes by content (as browsers do) shows them the same.
 */

export interface Pixels {
  width: number;
  height: number;
  /** 4 = RGBA, 3 = RGB. */
  channels: 3 | 4;
  data: Uint8Array;
}

/** Six bytes of colour from the prompt: the generation's two colours, an edit's two offsets. */
export function promptBytes(prompt: string): number[] {
  return [...createHash("sha256").update(prompt).digest().subarray(0, 6)];
}

/**
 * A diagonal blend between two prompt colours, in bands a sixteenth of the shorter side wide; a
 * `coarse` partial image uses bands four times wider, so it looks like an earlier stage.
 */
export function generatePixels(
  prompt: string,
  width: number,
  height: number,
  transparent: boolean,
  coarse = 1,
): Pixels {
  const [r1 = 0, g1 = 0, b1 = 0, r2 = 0, g2 = 0, b2 = 0] = promptBytes(prompt);
  const channels = transparent ? 4 : 3;
  const data = new Uint8Array(width * height * channels);
  const band = Math.max(1, Math.floor(Math.min(width, height) / 16)) * coarse;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (Math.floor((x + y) / band) % 16) / 15;
      const i = (y * width + x) * channels;
      data[i] = Math.round(r1 + (r2 - r1) * t);
      data[i + 1] = Math.round(g1 + (g2 - g1) * t);
      data[i + 2] = Math.round(b1 + (b2 - b1) * t);
      // Transparent background: a clear border an eighth of each side wide around the subject.
      if (channels === 4) {
        const inside = x >= width / 8 && x < (width * 7) / 8 && y >= height / 8 && y < (height * 7) / 8;
        data[i + 3] = inside ? 255 : 0;
      }
    }
  }
  return { width, height, channels, data };
}

/** Decodes a PNG to 8-bit RGBA (grey, grey+alpha, RGB and palette images included). */
export function decodeRgba(bytes: Uint8Array): Pixels {
  const png = decode(bytes);
  const { width, height } = png;
  const out = new Uint8Array(width * height * 4);
  const src = png.data;
  const scale = png.depth === 16 ? 1 / 257 : png.depth < 8 ? 255 / (2 ** png.depth - 1) : 1;
  for (let p = 0; p < width * height; p++) {
    const o = p * 4;
    if (png.palette) {
      const idx = src[p] ?? 0;
      const c = png.palette[idx] ?? [0, 0, 0];
      out[o] = c[0] ?? 0;
      out[o + 1] = c[1] ?? 0;
      out[o + 2] = c[2] ?? 0;
      out[o + 3] = c[3] ?? png.transparency?.[idx] ?? 255;
      continue;
    }
    const ch = png.channels;
    const v = (k: number) => Math.round((src[p * ch + k] ?? 0) * scale);
    if (ch <= 2) {
      out[o] = out[o + 1] = out[o + 2] = v(0);
      out[o + 3] = ch === 2 ? v(1) : 255;
    } else {
      out[o] = v(0);
      out[o + 1] = v(1);
      out[o + 2] = v(2);
      out[o + 3] = ch === 4 ? v(3) : 255;
    }
  }
  return { width, height, channels: 4, data: out };
}

/** Whether a PNG carries an alpha channel (RGBA, grey+alpha, or a palette with transparency). */
export function pngHasAlpha(bytes: Uint8Array): boolean {
  const png = decode(bytes);
  return png.channels === 4 || png.channels === 2 || Boolean(png.palette && png.transparency);
}

/**
 * An edit: every pixel of the (nearest-neighbour resized) input moves by a prompt-derived offset per
 * channel, 112–143 inside the edit area and 48–79 outside it, modulo 256. So every output pixel
 * differs from the input by at least 48 in each channel (a client's "keep outside the mask"
 * composite is visible), and the mask's area differs from the rest. The edit area is where the mask
 * is fully transparent; with no mask, the whole image (GPT image models) or the input's own
 * transparent pixels (`exactMask`, DALL·E 2, which also keeps everything outside exactly).
 */
export function editPixels(
  prompt: string,
  input: Pixels,
  mask: Pixels | null,
  width: number,
  height: number,
  exactMask: boolean,
): Pixels {
  const bytes = promptBytes(prompt);
  const inside = [0, 1, 2].map((c) => 112 + ((bytes[c] ?? 0) % 32));
  const outside = [0, 1, 2].map((c) => 48 + ((bytes[c + 3] ?? 0) % 32));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(input.height - 1, Math.floor((y * input.height) / height));
    const my = mask ? Math.min(mask.height - 1, Math.floor((y * mask.height) / height)) : 0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(input.width - 1, Math.floor((x * input.width) / width));
      const si = (sy * input.width + sx) * 4;
      const o = (y * width + x) * 4;
      let editArea: boolean;
      if (mask) {
        const mx = Math.min(mask.width - 1, Math.floor((x * mask.width) / width));
        editArea = mask.data[(my * mask.width + mx) * 4 + 3] === 0;
      } else {
        editArea = exactMask ? input.data[si + 3] === 0 : true;
      }
      const offsets = editArea ? inside : exactMask ? null : outside;
      for (let c = 0; c < 3; c++) {
        const v = input.data[si + c] ?? 0;
        data[o + c] = offsets ? (v + (offsets[c] ?? 0)) % 256 : v;
      }
      data[o + 3] = editArea ? 255 : (input.data[si + 3] ?? 255);
    }
  }
  return { width, height, channels: 4, data };
}

/**
 * Encodes to PNG. With `padTo`, a private ancillary chunk (`emPd`, which decoders skip) pads the
 * file to about that many bytes: the benchmark's tens-of-MB answers without tens of MB of pixels.
 */
export function encodePng(p: Pixels, padTo = 0): Buffer {
  const png = Buffer.from(
    encode(
      { width: p.width, height: p.height, data: p.data, channels: p.channels, depth: 8 },
      { zlib: { level: 1 } },
    ),
  );
  const padding = padTo - png.length - 12;
  if (padding < 4) return png;
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk("emPd", padBytes(padding)), png.subarray(iend)]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

let padCache: Buffer | null = null;

/** Deterministic bytes that do not compress (an xorshift sequence), cached: every pad is a prefix. */
function padBytes(n: number): Buffer {
  if (!padCache || padCache.length < n) {
    const buf = Buffer.alloc(n);
    let s = 0x9e3779b9;
    for (let i = 0; i < n; i += 4) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      buf.writeInt32LE(s | 0, Math.min(i, n - 4));
    }
    padCache = buf;
  }
  return padCache.subarray(0, n);
}
