import { describe, expect, it } from "vitest";
import { MultipartModelReader, multipartBoundary } from "./multipart-model";

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
});
