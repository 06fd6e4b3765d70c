/**
 * Browser-side pixel work for the studio: inputs decoded with their EXIF orientation applied and
 * re-encoded as PNG (what the API then receives is what the user saw), RGBA buffers for compositing,
 * and base64 results as Blobs. Canvas does the codec work; nothing here runs on the server.
 */

export interface DecodedImage {
  /** PNG bytes, orientation applied. */
  blob: Blob;
  bitmap: ImageBitmap;
  width: number;
  height: number;
}

function canvas(width: number, height: number): HTMLCanvasElement {
  const c = document.createElement("canvas");
  c.width = width;
  c.height = height;
  return c;
}

function context(c: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = c.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error("This browser cannot draw images (no 2D canvas).");
  return ctx;
}

function toPng(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error("Could not encode the image as PNG."))), "image/png"),
  );
}

/** Decodes any image the browser reads, applies its EXIF orientation and re-encodes it as PNG. */
export async function normaliseImage(source: Blob): Promise<DecodedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(source, { imageOrientation: "from-image" });
  } catch {
    throw new Error("The browser could not decode this image.");
  }
  const c = canvas(bitmap.width, bitmap.height);
  context(c).drawImage(bitmap, 0, 0);
  // A PNG that needs no turning is kept byte for byte (its size is what the rules check).
  const blob = source.type === "image/png" ? source : await toPng(c);
  return { blob, bitmap, width: bitmap.width, height: bitmap.height };
}

/** An image's RGBA pixels at its natural size. */
export async function rgbaOf(
  source: Blob | ImageBitmap,
): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const bitmap = source instanceof Blob ? await createImageBitmap(source) : source;
  const c = canvas(bitmap.width, bitmap.height);
  const ctx = context(c);
  ctx.drawImage(bitmap, 0, 0);
  return {
    data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data,
    width: bitmap.width,
    height: bitmap.height,
  };
}

export function pngOfRgba(data: Uint8ClampedArray, width: number, height: number): Promise<Blob> {
  const c = canvas(width, height);
  context(c).putImageData(new ImageData(new Uint8ClampedArray(data), width, height), 0, 0);
  return toPng(c);
}

/** 1 where the image is fully transparent (the API's "own transparency" mask), 0 elsewhere. */
export function transparencyBits(rgba: Uint8ClampedArray): Uint8Array {
  const bits = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < bits.length; i++) bits[i] = rgba[i * 4 + 3] === 0 ? 1 : 0;
  return bits;
}

/** A markup overlay from an edit area: opaque red where drawn, transparent elsewhere. */
export function markupRgba(bits: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(bits.length * 4);
  for (let i = 0; i < bits.length; i++) {
    if (!bits[i]) continue;
    out[i * 4] = 255;
    out[i * 4 + 3] = 255;
  }
  return out;
}

const MIME: Record<string, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  svg: "image/svg+xml",
};

export function mimeOf(format: string | undefined): string {
  return MIME[format ?? "png"] ?? "image/png";
}

export function blobOfBase64(b64: string, format?: string): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mimeOf(format) });
}
