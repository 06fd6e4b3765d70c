import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { HttpError } from "./http";

/**
 * A streaming multipart/form-data reader on busboy: file parts are hashed and counted as they pass,
 * and kept only up to `keepBytes`, so a 2 GB upload never sits in memory.
 */
export interface FilePart {
  field: string;
  filename: string;
  contentType: string | null;
  bytes: number;
  sha256: string;
  content: Buffer | null;
}

export interface Multipart {
  fields: Record<string, string>;
  files: FilePart[];
}

function assertMultipart(contentType: string | undefined): asserts contentType is string {
  if (!/^multipart\/form-data\s*;.*\bboundary=\S/i.test(contentType ?? ""))
    throw new HttpError(400, "This endpoint expects a multipart/form-data body.", null, null);
}

// Field values (purpose, expires_after…) are short; a larger one is refused rather than cut.
const MAX_FIELD = 1024 * 1024;

export async function readMultipart(
  stream: Readable,
  contentType: string | undefined,
  keepBytes: number,
): Promise<Multipart> {
  assertMultipart(contentType);
  const out: Multipart = { fields: {}, files: [] };
  const bb = busboy({
    headers: { "content-type": contentType },
    limits: { fieldSize: MAX_FIELD },
    // As browsers and the SDK send them: UTF-8 filenames, kept whole (busboy's defaults are latin1
    // and the base name only).
    defParamCharset: "utf8",
    preservePath: true,
  });
  const closed = new Promise<void>((resolve, reject) => {
    bb.on("field", (name, value, info) => {
      if (info.valueTruncated) reject(new HttpError(400, `The field '${name}' is too large.`, name));
      out.fields[name] = value;
    });
    bb.on("file", (field, file, info) => {
      const hash = createHash("sha256");
      let chunks: Buffer[] = [];
      let bytes = 0;
      file.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
        if (bytes <= keepBytes) chunks.push(chunk);
        else chunks = [];
      });
      // A client that goes away mid-upload errors this stream too; the pipeline reports it once.
      file.on("error", reject);
      file.on("end", () => {
        out.files.push({
          field,
          filename: info.filename ?? "",
          contentType: info.mimeType || null,
          bytes,
          sha256: hash.digest("hex"),
          content: bytes <= keepBytes ? Buffer.concat(chunks) : null,
        });
      });
    });
    bb.on("close", resolve);
    bb.on("error", reject);
  });
  try {
    await Promise.all([pipeline(stream, bb), closed]);
  } catch (e) {
    if (e instanceof HttpError) throw e;
    const message = (e as Error).message;
    throw new HttpError(
      400,
      /unexpected end/i.test(message)
        ? "The multipart body ended before its closing boundary."
        : `The multipart body could not be read: ${message}.`,
    );
  }
  return out;
}
