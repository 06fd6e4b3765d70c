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
}

export interface Sniffer {
  push(chunk: Uint8Array): void;
  finish(): Sniffed;
}

const MAX_JSON_BYTES = 4 * 1024 * 1024;

export function createSniffer(kind: "sse" | "json" | "other"): Sniffer {
  const result: Sniffed = { usage: null, model: null, errorCode: null, fileId: null };
  if (kind === "other") return { push() {}, finish: () => result };
  const decoder = new TextDecoder();
  if (kind === "json") {
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
  let pending = "";
  let eventName = "";
  const line = (l: string) => {
    if (l === "") {
      eventName = "";
      return;
    }
    if (l.startsWith("event:")) {
      eventName = l.slice(6).trim();
      if (eventName === "error") result.errorCode ??= "stream_error";
      return;
    }
    if (!l.startsWith("data:")) return;
    // Parse only the events that can carry what we want: usage, the model, or an error.
    const data = l.slice(5).trimStart();
    const wantModel = result.model === null && data.includes('"model"');
    if (!wantModel && !data.includes('"usage":{') && !data.includes('"error"') && eventName !== "error")
      return;
    readJson(data, result);
  };
  return {
    push(chunk) {
      pending += decoder.decode(chunk, { stream: true });
      let nl = pending.indexOf("\n");
      while (nl !== -1) {
        line(pending.slice(0, nl).replace(/\r$/, ""));
        pending = pending.slice(nl + 1);
        nl = pending.indexOf("\n");
      }
      // A pathological line without newlines must not grow memory without bound.
      if (pending.length > MAX_JSON_BYTES) pending = "";
    },
    finish() {
      pending += decoder.decode();
      if (pending) line(pending.replace(/\r$/, ""));
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
