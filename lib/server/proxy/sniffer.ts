import { type SseEvent, SseParser } from "@/lib/sse";
import { normaliseUsage, type TokenUsage } from "@/lib/usage";

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
}

export interface Sniffer {
  push(chunk: Uint8Array): void;
  finish(): Sniffed;
}

const MAX_JSON_BYTES = 4 * 1024 * 1024;

export function createSniffer(kind: "sse" | "json" | "other"): Sniffer {
  const result: Sniffed = { usage: null, model: null, errorCode: null, fileId: null, vectorStoreId: null };
  if (kind === "other") return { push() {}, finish: () => result };
  if (kind === "json") {
    const decoder = new TextDecoder();
    const parts: string[] = [];
    let size = 0;
    return {
      push(chunk) {
        size += chunk.byteLength;
        if (size <= MAX_JSON_BYTES) parts.push(decoder.decode(chunk, { stream: true }));
      },
      finish() {
        if (size > MAX_JSON_BYTES) return result;
        parts.push(decoder.decode());
        readJson(parts.join(""), result);
        return result;
      },
    };
  }
  let parser = new SseParser();
  let sinceEvent = 0;
  const onEvent = (e: SseEvent) => {
    if (e.event === "error") result.errorCode ??= "stream_error";
    // Parse only the events that can carry what we want: usage, the model, or an error.
    const wantModel = result.model === null && e.data.includes('"model"');
    if (!wantModel && !e.data.includes('"usage":{') && !e.data.includes('"error"') && e.event !== "error")
      return;
    readJson(e.data, result);
  };
  return {
    push(chunk) {
      const events = parser.push(chunk);
      for (const e of events) onEvent(e);
      // A stream that never ends an event must not grow memory without bound: past 4 MiB without
      // one, what the parser holds is dropped and it starts over.
      sinceEvent = events.length ? 0 : sinceEvent + chunk.byteLength;
      if (sinceEvent > MAX_JSON_BYTES) {
        parser = new SseParser();
        sinceEvent = 0;
      }
    },
    finish() {
      for (const e of parser.end()) onEvent(e);
      return result;
    },
  };
}

function readJson(text: string, into: Sniffed): void {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return;
  }
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
  const usage = normaliseUsage(inner.usage);
  if (usage) into.usage = usage;
  const err = (inner.error ?? (o.type === "error" ? o : undefined)) as
    | Record<string, unknown>
    | null
    | undefined;
  if (err && typeof err === "object")
    into.errorCode = typeof err.code === "string" ? err.code : "stream_error";
}

const MODEL_IN_BODY = /"model"\s*:\s*"([^"\\]{1,200})"/;

/** The model named in a JSON request body's first bytes (the body itself streams on untouched). */
export function modelFromRequestPrefix(prefix: string): string | null {
  return MODEL_IN_BODY.exec(prefix)?.[1] ?? null;
}
