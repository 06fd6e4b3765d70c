import { normaliseUsage, type TokenUsage } from "@/lib/usage";
import { JsonReader } from "./json-prune";

/**
 * Reads usage and model from a copy of the response bytes as they pass. It never holds the
 * stream back: the proxy enqueues each chunk first and feeds the sniffer after.
 */
export interface Sniffed {
  usage: TokenUsage | null;
  model: string | null;
  /** An in-stream `error` event or a `response.failed`. */
  errorCode: string | null;
  /** The id of a file a JSON response created or returned (`file`, or an upload's nested `file`). */
  fileId: string | null;
  /** The id of a vector store a JSON response returned. */
  vectorStoreId: string | null;
  /** The id of a fine-tuning job a JSON response returned. */
  fineTuningJobId: string | null;
  /** Images an images answer carried: its `data` length, or its streamed `…completed` events. */
  images: number | null;
}

export interface Sniffer {
  push(chunk: Uint8Array): void;
  finish(): Sniffed;
}

/**
 * JSON bodies and each SSE event's data go through a JsonReader (json-prune.ts): JSON.parse up to
 * 1 MB, and past that a JsonPruner, which keeps the structure and drops long strings as they pass:
 * a tens-of-MB image answer, whose usage sits after its base64, is read with a footprint of a few KB.
 */
export function createSniffer(kind: "sse" | "json" | "other"): Sniffer {
  const result: Sniffed = {
    usage: null,
    model: null,
    errorCode: null,
    fileId: null,
    vectorStoreId: null,
    fineTuningJobId: null,
    images: null,
  };
  if (kind === "other") return { push() {}, finish: () => result };
  if (kind === "json") {
    const reader = new JsonReader();
    return {
      push: (chunk) => reader.push(chunk),
      finish() {
        const p = reader.finish();
        readValue(p.value, result);
        const o = p.value as Record<string, unknown> | null;
        // An ImagesResponse: `created` and `data`, and no `object` (lists have one).
        if (o && typeof o === "object" && o.object === undefined && typeof o.created === "number")
          result.images = p.lengths.data ?? null;
        return result;
      },
    };
  }
  const scanner = new SseScanner(
    (event, value) => {
      if (event === "error") result.errorCode ??= "stream_error";
      readValue(value, result);
    },
    // Parse only the events that can carry what we want (most chat chunks carry none of it).
    (text) =>
      (result.model === null && text.includes('"model"')) ||
      text.includes('"usage":{') ||
      text.includes('"usage": {') ||
      text.includes('"error"') ||
      text.includes('.completed"'),
  );
  return {
    push: (chunk) => scanner.push(chunk),
    finish() {
      scanner.end();
      return result;
    },
  };
}

const IMAGE_COMPLETED = /^image_(generation|edit)\.completed$/;

function readValue(obj: unknown, into: Sniffed): void {
  if (typeof obj !== "object" || obj === null) return;
  const o = obj as Record<string, unknown>;
  // Responses events wrap the response object; chat chunks and JSON bodies carry fields at the top.
  const inner = (typeof o.response === "object" && o.response !== null ? o.response : o) as Record<
    string,
    unknown
  >;
  if (typeof inner.model === "string") into.model ??= inner.model;
  // Who uploaded a file is known only here: the id exists once the upstream answers.
  const file =
    o.object === "file" ? o : o.object === "upload" ? (o.file as Record<string, unknown> | null) : null;
  if (file && typeof file.id === "string") into.fileId = file.id;
  if (o.object === "vector_store" && typeof o.id === "string") into.vectorStoreId = o.id;
  if (o.object === "fine_tuning.job") {
    if (typeof o.id === "string") into.fineTuningJobId = o.id;
    // A failed job's `error` describes the job, not this call: the call itself succeeded.
    return;
  }
  const usage = normaliseUsage(inner.usage);
  if (typeof o.type === "string" && IMAGE_COMPLETED.test(o.type)) {
    // One completed event per image; each carries its own usage.
    into.images = (into.images ?? 0) + 1;
    if (usage) into.usage = addUsage(into.usage, usage);
  } else if (usage) into.usage = usage;
  const err = (inner.error ?? (o.type === "error" ? o : undefined)) as
    | Record<string, unknown>
    | null
    | undefined;
  if (err && typeof err === "object")
    into.errorCode = typeof err.code === "string" ? err.code : "stream_error";
}

function addUsage(a: TokenUsage | null, b: TokenUsage): TokenUsage {
  if (!a) return b;
  return {
    input: a.input + b.input,
    cached: a.cached + b.cached,
    output: a.output + b.output,
    reasoning: a.reasoning + b.reasoning,
  };
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Server-Sent Events over bytes, for the sniffer: `data:` lines stream into a JsonReader instead of
 * being collected, so an event of any size (a partial image is megabytes) costs a few KB. Handles
 * LF, CRLF and CR line ends, comments, multi-line data, and a last event without its blank line.
 */
export class SseScanner {
  private mode: "field" | "data" | "event" | "skip" = "field";
  private field = "";
  private event = "";
  private pruner: JsonReader | null = null;
  private skipSpace = false;
  private afterCr = false;
  /** The next LF and CR in the current chunk (-1: none left; -2, below any index: not looked yet). */
  private lfAt = -2;
  private crAt = -2;

  constructor(
    private readonly onEvent: (event: string | null, value: unknown) => void,
    /** For an event whose data is one short line: whether it is worth parsing at all. */
    private readonly wants: (text: string) => boolean = () => true,
  ) {}

  push(bytes: Uint8Array): void {
    const chunk = Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const n = chunk.length;
    this.lfAt = -2;
    this.crAt = -2;
    let i = 0;
    while (i < n) {
      if (this.afterCr) {
        this.afterCr = false;
        if (chunk[i] === LF) {
          i++;
          continue;
        }
      }
      if (this.mode === "field") {
        // The line nearly every event is made of, without building its name byte by byte.
        if (this.field === "" && isDataField(chunk, i)) {
          this.field = "data";
          i += 5;
          this.startValue();
          continue;
        }
        const b = chunk[i] as number;
        i++;
        if (b === LF || b === CR) this.endLine(b);
        else if (b === 0x3a) this.startValue();
        else if (this.field.length < 16) this.field += String.fromCharCode(b);
        else this.mode = "skip";
        continue;
      }
      // Each line end is searched for once per chunk, not once per line (LF-only streams have no CR).
      if (this.lfAt !== -1 && this.lfAt < i) this.lfAt = chunk.indexOf(LF, i);
      if (this.crAt !== -1 && this.crAt < i) this.crAt = chunk.indexOf(CR, i);
      const lf = this.lfAt;
      const cr = this.crAt;
      const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
      const stop = end === -1 ? n : end;
      let from = i;
      if (this.skipSpace && from < stop) {
        if (chunk[from] === 0x20) from++;
        this.skipSpace = false;
      }
      if (this.mode === "data" && stop > from) {
        if (end === -1) this.pruner?.push(chunk.subarray(from, stop));
        else this.pruner?.pushLine(chunk, from, stop);
      } else if (this.mode === "event" && this.event.length < 200)
        this.event += chunk.subarray(from, Math.min(stop, from + 200)).toString("utf8");
      if (end === -1) return;
      this.endLine(chunk[end] as number);
      i = end + 1;
    }
  }

  /** The end of the stream: an event still open is delivered. */
  end(): void {
    if (this.pruner) this.dispatch();
  }

  private startValue(): void {
    this.skipSpace = true;
    if (this.field === "data") {
      if (this.pruner) this.pruner.push(NEWLINE);
      else this.pruner = new JsonReader();
      this.mode = "data";
    } else if (this.field === "event") {
      this.event = "";
      this.mode = "event";
    } else {
      this.mode = "skip";
    }
  }

  private endLine(b: number): void {
    if (b === CR) this.afterCr = true;
    if (this.mode === "field") {
      if (this.field === "") this.dispatch();
      else if (this.field === "data") {
        // `data` without a colon: an empty data line.
        if (this.pruner) this.pruner.push(NEWLINE);
        else this.pruner = new JsonReader();
      }
    }
    this.mode = "field";
    this.field = "";
    this.skipSpace = false;
  }

  private dispatch(): void {
    const pruner = this.pruner;
    const event = this.event || null;
    this.pruner = null;
    this.event = "";
    if (!pruner) return;
    const text = pruner.shortText;
    if (text !== null && event !== "error" && !this.wants(text)) return;
    this.onEvent(event, pruner.finish().value);
  }
}

const NEWLINE = new Uint8Array([LF]);

function isDataField(chunk: Buffer, i: number): boolean {
  return (
    i + 4 < chunk.length &&
    chunk[i] === 0x64 &&
    chunk[i + 1] === 0x61 &&
    chunk[i + 2] === 0x74 &&
    chunk[i + 3] === 0x61 &&
    chunk[i + 4] === 0x3a
  );
}

// No control characters: JSON forbids them raw, and Postgres refuses NUL in text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: they are what it excludes.
const MODEL_IN_BODY = /"model"\s*:\s*"([^"\\\u0000-\u001f]{1,200})"/;

/** The model named in a JSON request body's first bytes (the body itself streams on untouched). */
export function modelFromRequestPrefix(prefix: string): string | null {
  return MODEL_IN_BODY.exec(prefix)?.[1] ?? null;
}
