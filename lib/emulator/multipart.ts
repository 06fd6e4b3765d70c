import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { HttpError } from "./http";

/**
 * A streaming multipart/form-data reader: file parts are hashed and counted as they pass, and kept
 * only up to `keepBytes`, so a 2 GB upload never sits in memory.
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

export function boundaryOf(contentType: string | undefined): string {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  const b = m?.[1] ?? m?.[2];
  if (!contentType?.toLowerCase().startsWith("multipart/form-data") || !b) {
    throw new HttpError(400, "This endpoint expects a multipart/form-data body.", null, null);
  }
  return b;
}

interface PartSink {
  start(headers: string): void;
  data(chunk: Buffer): void;
  end(): void;
}

/** The parser itself, separate from the stream so tests can feed it chunk by chunk. */
export class MultipartParser {
  private buf: Buffer;
  private readonly delim: Buffer;
  private state: "preamble" | "headers" | "body" | "after" | "done" = "preamble";

  constructor(
    boundary: string,
    private readonly sink: PartSink,
  ) {
    this.delim = Buffer.from(`\r\n--${boundary}`);
    // The first delimiter has no CRLF before it; pretend it has, so every delimiter looks alike.
    this.buf = Buffer.from("\r\n");
  }

  push(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      if (this.state === "done") {
        this.buf = Buffer.alloc(0);
        return;
      }
      if (this.state === "preamble" || this.state === "body") {
        const i = this.buf.indexOf(this.delim);
        if (i === -1) {
          const keep = this.delim.length - 1;
          if (this.state === "body" && this.buf.length > keep) {
            this.sink.data(this.buf.subarray(0, this.buf.length - keep));
          }
          if (this.buf.length > keep) this.buf = Buffer.from(this.buf.subarray(this.buf.length - keep));
          return;
        }
        if (this.state === "body") {
          if (i > 0) this.sink.data(this.buf.subarray(0, i));
          this.sink.end();
        }
        this.buf = this.buf.subarray(i + this.delim.length);
        this.state = "after";
        continue;
      }
      if (this.state === "after") {
        if (this.buf.length < 2) return;
        const two = this.buf.subarray(0, 2).toString("latin1");
        if (two === "--") {
          this.state = "done";
          continue;
        }
        this.buf = this.buf.subarray(2);
        this.state = "headers";
        continue;
      }
      const end = this.buf.indexOf("\r\n\r\n");
      if (end === -1) {
        if (this.buf.length > 16 * 1024) throw new HttpError(400, "Multipart part headers are too large.");
        return;
      }
      this.sink.start(this.buf.subarray(0, end).toString("utf8"));
      this.buf = this.buf.subarray(end + 4);
      this.state = "body";
    }
  }

  finish(): void {
    if (this.state !== "done")
      throw new HttpError(400, "The multipart body ended before its closing boundary.");
  }
}

export async function readMultipart(
  stream: Readable,
  contentType: string | undefined,
  keepBytes: number,
): Promise<Multipart> {
  const out: Multipart = { fields: {}, files: [] };
  let current: {
    field: string;
    filename: string | null;
    contentType: string | null;
    chunks: Buffer[];
    bytes: number;
    hash: ReturnType<typeof createHash>;
  } | null = null;
  const parser = new MultipartParser(boundaryOf(contentType), {
    start(headers) {
      const disp = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? "";
      const field = /\bname="([^"]*)"/i.exec(disp)?.[1] ?? "";
      const filename = /\bfilename="([^"]*)"/i.exec(disp)?.[1] ?? null;
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? null;
      current = { field, filename, contentType: type, chunks: [], bytes: 0, hash: createHash("sha256") };
    },
    data(chunk) {
      if (!current) return;
      current.bytes += chunk.length;
      current.hash.update(chunk);
      if (current.filename === null || current.bytes <= keepBytes) current.chunks.push(Buffer.from(chunk));
      else current.chunks = [];
    },
    end() {
      if (!current) return;
      if (current.filename === null) {
        out.fields[current.field] = Buffer.concat(current.chunks).toString("utf8");
      } else {
        out.files.push({
          field: current.field,
          filename: current.filename,
          contentType: current.contentType,
          bytes: current.bytes,
          sha256: current.hash.digest("hex"),
          content: current.bytes <= keepBytes ? Buffer.concat(current.chunks) : null,
        });
      }
      current = null;
    },
  });
  for await (const chunk of stream) parser.push(chunk as Buffer);
  parser.finish();
  return out;
}
