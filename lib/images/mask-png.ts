/**
 * The mask's PNG, written straight from its bits. At 3840x2160 the raw RGBA rows are 33 MB: fast-png
 * (byte-by-byte writes, then fflate) took 1.8 s of one task in Chromium, fflate alone ~0.3–0.8 s.
 * The platform's own zlib (CompressionStream, in every current browser and Node) takes a few tens of
 * ms, and rows go to it in ~1 MB batches, so no task is long.
 */

let crcTable: Uint32Array | null = null;

function crc32(bytes: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (crcTable[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** Zlib-compresses the batches with the platform's deflate, one batch per write. */
async function deflate(batches: Iterable<Uint8Array>): Promise<Uint8Array> {
  const stream = new CompressionStream("deflate");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  const reading = (async () => {
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  })();
  for (const batch of batches) {
    await writer.write(batch as Uint8Array<ArrayBuffer>);
    // The stream settles its promises as microtasks: without a real turn of the event loop here,
    // all batches would run as one task.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await writer.close();
  await reading;
  return concat(parts);
}

/** The PNG's raw rows (filter byte 0, then RGBA), about a megabyte at a time. */
function* maskRows(bits: Uint8Array, width: number, height: number): Generator<Uint8Array> {
  const stride = width * 4 + 1;
  const rows = Math.max(1, Math.floor(2 ** 20 / stride));
  const words = new Uint32Array(width);
  const row = new Uint8Array(words.buffer);
  for (let y0 = 0; y0 < height; y0 += rows) {
    const count = Math.min(rows, height - y0);
    const batch = new Uint8Array(count * stride);
    for (let r = 0; r < count; r++) {
      const from = (y0 + r) * width;
      // Little-endian RGBA: 0xff000000 is (0, 0, 0, 255).
      for (let x = 0; x < width; x++) words[x] = bits[from + x] ? 0 : 0xff000000;
      batch.set(row, r * stride + 1);
    }
    yield batch;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** RGBA, 8 bits: black, alpha 0 where `bits` is 1 and 255 elsewhere; every row unfiltered. */
export async function encodeMaskPng(bits: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const idat = await deflate(maskRows(bits, width, height));
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // depth 8, colour type 6 (RGBA), deflate, no filter, no interlace
  return concat([
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array(0)),
  ]);
}
