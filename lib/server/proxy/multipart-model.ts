import { stripControl } from "../text";

/**
 * Finds the `model` field of a multipart/form-data request body as it streams to the upstream, so
 * the ledger knows the model of an image edit or a transcription. File parts are skipped with
 * indexOf on the boundary and never kept: what it holds at any time is at most a part's headers
 * (8 KB) or the model's value (256 bytes), plus a boundary's length of carry-over between chunks.
 * It reads on to the closing boundary: a body naming two different models names none (which one the
 * upstream takes is its own business, and the ledger should not guess). Values with control
 * characters are refused (Postgres refuses NUL in text, and no model name has one).
 */
const MAX_HEADERS = 8 * 1024;
const MAX_VALUE = 256;
/** What may follow a boundary before its line end (RFC 2046 allows whitespace): past it, not a boundary. */
const MAX_AFTER = 1024;
const HEADERS_END = Buffer.from("\r\n\r\n");

/**
 * The multipart endpoints whose bodies carry a `model` field. Files and uploads (up to 512 MB) never
 * do, so their bodies are not scanned at all.
 */
const MODEL_FIELD_PATHS = /^(images\/(edits|variations)|audio\/(transcriptions|translations))$/;

export function hasModelField(path: string): boolean {
  return MODEL_FIELD_PATHS.test(path);
}

export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  // Exactly one boundary parameter of at most 70 characters (RFC 2046); anything else is not read.
  const all = [...contentType.matchAll(/;\s*boundary\s*=\s*(?:"([^"]*)"|([^\s;]*))/gi)];
  if (all.length !== 1) return null;
  const b = all[0]?.[1] ?? all[0]?.[2] ?? "";
  return b.length >= 1 && b.length <= 70 ? b : null;
}

export class MultipartModelReader {
  model: string | null = null;
  /** A model part has been read. */
  private seen = false;
  private readonly delimiter: Buffer;
  private state: "seek" | "after" | "headers" | "value" | "done" = "seek";
  // The body's first boundary has no CRLF before it; starting with one makes every boundary alike.
  private carry: Buffer = Buffer.from("\r\n");

  /** `field`: the form field to read (the budgets gate reads `n` too). */
  constructor(
    boundary: string,
    private readonly field = "model",
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  get finished(): boolean {
    return this.state === "done";
  }

  push(chunk: Uint8Array): void {
    if (this.state === "done") return;
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk);
    this.carry = Buffer.alloc(0);
    let pos = 0;
    while (this.state !== "done") {
      if (this.state === "seek") {
        const k = buf.indexOf(this.delimiter, pos);
        if (k === -1) {
          // Keep only what could be the start of a boundary cut by the chunk's end.
          this.carry = Buffer.from(buf.subarray(Math.max(pos, buf.length - this.delimiter.length + 1)));
          return;
        }
        pos = k + this.delimiter.length;
        this.state = "after";
        continue;
      }
      if (this.state === "after") {
        if (buf.length - pos < 2) {
          this.keep(buf, pos);
          return;
        }
        if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) {
          this.state = "done";
          return;
        }
        const eol = buf.indexOf("\r\n", pos);
        if (eol === -1 || eol - pos > MAX_AFTER) {
          if (eol === -1 && buf.length - pos <= MAX_AFTER) {
            this.keep(buf, pos);
            return;
          }
          // Not a boundary after all (the file's bytes merely began like one).
          this.state = "seek";
          continue;
        }
        pos = eol + 2;
        this.state = "headers";
        continue;
      }
      if (this.state === "headers") {
        const end = buf.indexOf(HEADERS_END, pos);
        if (end === -1) {
          if (buf.length - pos <= MAX_HEADERS) {
            this.keep(buf, pos);
            return;
          }
          this.state = "seek";
          continue;
        }
        const headers = buf.subarray(pos, end).toString("latin1");
        pos = end + HEADERS_END.length;
        this.state = isFieldPart(headers, this.field) ? "value" : "seek";
        continue;
      }
      // value
      const k = buf.indexOf(this.delimiter, pos);
      if (k === -1) {
        if (buf.length - pos <= MAX_VALUE + this.delimiter.length) {
          this.keep(buf, pos);
          return;
        }
        this.model = null;
        this.state = "done";
        continue;
      }
      const value = buf.subarray(pos, k).toString("utf8").trim();
      const ok = value && value.length <= MAX_VALUE && stripControl(value) === value ? value : null;
      if (this.seen && ok !== this.model) {
        // Named twice, differently.
        this.model = null;
        this.state = "done";
        continue;
      }
      this.seen = true;
      this.model = ok;
      pos = k;
      this.state = "seek";
    }
  }

  private keep(buf: Buffer, pos: number): void {
    this.carry = Buffer.from(buf.subarray(pos));
  }
}

function isFieldPart(headers: string, field: string): boolean {
  const cd = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? "";
  const name = /;\s*name\s*=\s*"?([^";]*)"?\s*(;|$)/i.exec(cd)?.[1];
  return name !== undefined && name.toLowerCase() === field && !/filename/i.test(cd);
}
