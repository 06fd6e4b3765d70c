import { describe, expect, it } from "vitest";
import { hasModelField, MultipartModelReader, multipartBoundary } from "./multipart-model";

async function encoded(fd: FormData): Promise<{ type: string; bytes: Uint8Array }> {
  const r = new Request("http://x/", { method: "POST", body: fd });
  return { type: r.headers.get("content-type") ?? "", bytes: new Uint8Array(await r.arrayBuffer()) };
}

function read(type: string, bytes: Uint8Array, chunk: number): string | null {
  const boundary = multipartBoundary(type);
  if (!boundary) return null;
  const r = new MultipartModelReader(boundary);
  for (let i = 0; i < bytes.length && !r.finished; i += chunk) r.push(bytes.subarray(i, i + chunk));
  return r.model;
}

describe("multipart model reader", () => {
  it.each([1, 5, 13, 64, 70_000])(
    "finds model after a file part, whatever the chunking (%i bytes)",
    async (chunk) => {
      const fd = new FormData();
      fd.append("image", new Blob([new Uint8Array(200_000).fill(0x2d)], { type: "image/png" }), "a.png");
      fd.append("prompt", "a model of a ship");
      fd.append("model", "gpt-image-2");
      fd.append("mask", new Blob([new Uint8Array(10)]), "mask.png");
      const { type, bytes } = await encoded(fd);
      expect(read(type, bytes, chunk)).toBe("gpt-image-2");
    },
  );

  it("ignores a file part named model and a body without one", async () => {
    const fd = new FormData();
    fd.append("model", new Blob(["not-a-model"]), "model.txt");
    fd.append("prompt", "x");
    const { type, bytes } = await encoded(fd);
    expect(read(type, bytes, 7)).toBeNull();
  });

  it("reads the boundary, quoted or not, and only from multipart/form-data", () => {
    expect(multipartBoundary("multipart/form-data; boundary=abc123")).toBe("abc123");
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("application/json")).toBeNull();
    expect(multipartBoundary(null)).toBeNull();
  });

  it("stops at the closing boundary", async () => {
    const fd = new FormData();
    fd.append("prompt", "x");
    const { type, bytes } = await encoded(fd);
    const r = new MultipartModelReader(multipartBoundary(type) ?? "");
    r.push(bytes);
    expect(r.finished).toBe(true);
    expect(r.model).toBeNull();
  });

  // Review of issue 12's proxy.
  it("holds a bounded carry and stays linear when a boundary is followed by no line end", () => {
    const r = new MultipartModelReader("B");
    r.push(Buffer.from("--B"));
    const c = Buffer.alloc(64 * 1024, 0x41);
    const s = performance.now();
    for (let i = 0; i < 64; i++) r.push(c);
    expect(performance.now() - s).toBeLessThan(200);
    expect((r as unknown as { carry: Buffer }).carry.length).toBeLessThan(16 * 1024);
  });

  it("refuses a model value with control characters (Postgres refuses NUL in text)", () => {
    const r = new MultipartModelReader("B");
    r.push(
      Buffer.from('--B\r\nContent-Disposition: form-data; name="model"\r\n\r\ngpt-image-1\0\r\n--B--\r\n'),
    );
    expect(r.model).toBeNull();
  });

  it("names no model when the body names two different ones", async () => {
    const fd = new FormData();
    fd.append("model", "gpt-image-2");
    fd.append("image", new Blob([new Uint8Array(1000)]), "a.png");
    fd.append("model", "dall-e-2");
    const { type, bytes } = await encoded(fd);
    expect(read(type, bytes, 100)).toBeNull();
    const same = new FormData();
    same.append("model", "gpt-image-2");
    same.append("model", "gpt-image-2");
    const twice = await encoded(same);
    expect(read(twice.type, twice.bytes, 3)).toBe("gpt-image-2");
  });

  it("refuses a boundary it cannot read exactly: over 70 characters, or named twice", () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${"a".repeat(71)}`)).toBeNull();
    expect(multipartBoundary(`multipart/form-data; boundary=${"a".repeat(70)}`)).toBe("a".repeat(70));
    expect(multipartBoundary("multipart/form-data; boundary=a; boundary=b")).toBeNull();
  });

  it("is used only where a body carries a model field, not on files or uploads", () => {
    for (const p of ["images/edits", "images/variations", "audio/transcriptions", "audio/translations"])
      expect(hasModelField(p)).toBe(true);
    for (const p of ["files", "uploads/upload_1/parts", "images/generations", "images/edits/x"])
      expect(hasModelField(p)).toBe(false);
  });
});
