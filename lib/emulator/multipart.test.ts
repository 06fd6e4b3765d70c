import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readMultipart } from "./multipart";

const boundary = "----x1y2";
const body = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n`),
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jsonl"\r\nContent-Type: application/jsonl\r\n\r\n`,
  ),
  Buffer.from('{"a":"👋🏽\r\n--not-a-boundary"}\n'),
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

function chunks(buf: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}

describe("readMultipart", () => {
  it.each([1, 2, 3, 7, 13, 64, 10_000])(
    "parses fields and files whatever the chunk size (%i)",
    async (size) => {
      const m = await readMultipart(chunks(body, size), `multipart/form-data; boundary=${boundary}`, 1024);
      expect(m.fields).toEqual({ purpose: "fine-tune" });
      expect(m.files).toHaveLength(1);
      expect(m.files[0]?.filename).toBe("a.jsonl");
      expect(m.files[0]?.content?.toString("utf8")).toBe('{"a":"👋🏽\r\n--not-a-boundary"}\n');
    },
  );

  it("keeps only size and digest above the cap", async () => {
    const m = await readMultipart(chunks(body, 5), `multipart/form-data; boundary="${boundary}"`, 4);
    expect(m.files[0]?.content).toBeNull();
    expect(m.files[0]?.bytes).toBe(Buffer.byteLength('{"a":"👋🏽\r\n--not-a-boundary"}\n'));
    expect(m.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a truncated body and a non-multipart type", async () => {
    await expect(
      readMultipart(chunks(body.subarray(0, 60), 8), `multipart/form-data; boundary=${boundary}`, 1024),
    ).rejects.toThrow(/ended/);
    await expect(readMultipart(chunks(body, 8), "application/json", 1024)).rejects.toThrow(/multipart/);
  });

  it("keeps a UTF-8 filename whole, directories included", async () => {
    const b = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dir/résumé 👋.txt"\r\n\r\n`,
      ),
      Buffer.from(`hi\r\n--${boundary}--\r\n`),
    ]);
    const m = await readMultipart(chunks(b, 7), `multipart/form-data; boundary=${boundary}`, 1024);
    expect(m.files[0]).toMatchObject({ filename: "dir/résumé 👋.txt", contentType: "text/plain", bytes: 2 });
  });
});
