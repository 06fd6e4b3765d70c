import "server-only";
import { PassThrough, type Readable, Transform } from "node:stream";
import {
  configToResponsesBody,
  expandRequest,
  readPromptRef,
  substituteVariables,
} from "@/lib/assistants/expand";
import { ApiError } from "@/lib/errors";
import { noteCall, resolveForCall, type Viewer } from "../assistants";
import type { LedgerEntry } from "../ledger";
import type { ClientSignal } from "./client-signal";
import type { OutgoingBody } from "./forward";
import { type Prefix, readPrefix } from "./read-prefix";
import { TopLevelKeyScanner } from "./top-level-key";

/**
 * The proxy's `prompt` hook for `POST /v1/responses` (docs/assistants-proxy.md): a request naming a
 * saved assistant is expanded before a byte goes upstream. Bodies up to BUFFER_BYTES are read into
 * memory; one without the `"prompt"` token (nor a `\u` escape that could spell it) is forwarded as
 * it came, never parsed. Larger bodies stream as before while a scanner watches for a top-level
 * `prompt`.
 */

export const BUFFER_BYTES = 1024 * 1024;
/**
 * A request that names an assistant is parsed and expanded in memory (several copies of it: bytes,
 * text, the parsed object, the expanded JSON); past this it is refused (413). Large inputs belong in
 * the Files API, sent by file_id.
 */
export const PROMPT_BODY_MAX = 2 * 1024 * 1024;

const PROMPT_TOKEN = Buffer.from('"prompt"');
const ESCAPE_TOKEN = Buffer.from("\\u");
const TITLE_CHARS = 80;

export type PromptLedger = Pick<LedgerEntry, "assistantId" | "assistantVersion" | "conversationId">;

export interface PreparedBody {
  body: OutgoingBody;
  /** Set when the request named an assistant. */
  ledger: PromptLedger | null;
  /** After a successful call: the assistant's last use and conversation index. */
  onSuccess: (() => Promise<void>) | null;
  /** MCP header values the expanded body carries: never to be echoed back in an upstream error. */
  secrets?: string[];
}

/**
 * The call was refused (or its client left) while its body was read or expanded: nothing went
 * upstream. Carries what the ledger entry of the call needs.
 */
export class ExpansionRefused extends Error {
  constructor(
    readonly error: ApiError,
    readonly ledger: PromptLedger | null,
    readonly requestBytes: number,
    readonly model: string | null,
  ) {
    super(error.message);
  }
}

/** What is known of the call so far, for the ledger entry of a refusal. */
interface Progress {
  bytes: number;
  ledger: PromptLedger | null;
  model: string | null;
}

export async function prepareResponsesBody(
  body: OutgoingBody,
  viewer: Viewer,
  signal: ClientSignal,
): Promise<PreparedBody> {
  const progress: Progress = { bytes: 0, ledger: null, model: null };
  try {
    return await prepare(body, viewer, signal, progress);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    throw new ExpansionRefused(e, progress.ledger, progress.bytes, progress.model);
  }
}

async function prepare(
  body: OutgoingBody,
  viewer: Viewer,
  signal: ClientSignal,
  progress: Progress,
): Promise<PreparedBody> {
  const prefix = await readBody(body.stream, BUFFER_BYTES, signal, progress);
  if (prefix.ended) return fromBytes(Buffer.concat(prefix.chunks, prefix.size), viewer, progress);
  const scanner = new TopLevelKeyScanner("prompt");
  for (const chunk of prefix.chunks) scanner.push(chunk);
  if (scanner.found) {
    const rest = await readBody(body.stream, PROMPT_BODY_MAX - prefix.size, signal, progress);
    if (!rest.ended) {
      // Nothing of it went upstream; the rest of the upload is read and dropped so the connection survives.
      body.stream.resume();
      throw new ApiError({
        type: "invalid_request_error",
        status: 413,
        param: "prompt",
        code: "prompt_body_too_large",
        message: `A Responses request that names an assistant (\`prompt\`) is expanded in memory and may be at most ${PROMPT_BODY_MAX / 1024 / 1024} MB. Upload large inputs with the Files API and send them by file_id.`,
      });
    }
    return fromBytes(
      Buffer.concat([...prefix.chunks, ...rest.chunks], prefix.size + rest.size),
      viewer,
      progress,
    );
  }
  return {
    body: { stream: guarded(prefix.chunks, body.stream, scanner), length: body.length },
    ledger: null,
    onSuccess: null,
  };
}

async function fromBytes(bytes: Buffer, viewer: Viewer, progress: Progress): Promise<PreparedBody> {
  const unchanged = (): PreparedBody => ({ body: bufferBody(bytes), ledger: null, onSuccess: null });
  // The hot path: most calls never mention a prompt, and are not parsed.
  if (bytes.indexOf(PROMPT_TOKEN) === -1 && bytes.indexOf(ESCAPE_TOKEN) === -1) return unchanged();
  let request: unknown;
  try {
    request = JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    // Not JSON (a BOM, NaN, a cut body): it might still carry a `prompt` a lenient upstream would
    // read, so it is refused here rather than forwarded unexpanded.
    throw new ApiError({
      type: "invalid_request_error",
      status: 400,
      code: "invalid_json",
      param: null,
      message: `We could not parse the JSON body of your request (${(e as Error).message.slice(0, 120)}). Send plain JSON (UTF-8, no byte order mark, no NaN or Infinity).`,
    });
  }
  if (
    typeof request !== "object" ||
    request === null ||
    Array.isArray(request) ||
    !Object.hasOwn(request, "prompt")
  ) {
    return unchanged();
  }
  const fields = request as Record<string, unknown>;
  const ref = readPromptRef(fields);
  if (!ref) {
    // `prompt: null`: nothing to expand, and nothing the upstream should see.
    const { prompt: _, ...rest } = fields;
    return { body: bufferBody(Buffer.from(JSON.stringify(rest))), ledger: null, onSuccess: null };
  }
  const assistant = await resolveForCall(viewer, ref.id, ref.version);
  progress.ledger = {
    assistantId: assistant.id,
    assistantVersion: assistant.version,
    conversationId: conversationOf(fields.conversation),
  };
  progress.model = typeof fields.model === "string" ? fields.model : assistant.config.model;
  const instructions = substituteVariables(assistant.config, ref.variables);
  const expanded = expandRequest(
    fields,
    configToResponsesBody(assistant.config, instructions, assistant.mcpHeaders),
  );
  const conversationId = conversationOf(fields.conversation);
  const title = firstUserText(fields.input);
  return {
    body: bufferBody(Buffer.from(JSON.stringify(expanded))),
    ledger: { assistantId: assistant.id, assistantVersion: assistant.version, conversationId },
    secrets: mcpHeaderValues(expanded.tools),
    onSuccess: () =>
      noteCall({
        assistantId: assistant.id,
        version: assistant.version,
        userId: viewer.id,
        conversationId,
        title,
      }),
  };
}

/** The header values of the MCP tools in a body (the assistant's stored ones and the request's own). */
function mcpHeaderValues(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  const out: string[] = [];
  for (const t of tools) {
    if (typeof t !== "object" || t === null) continue;
    const { type, headers } = t as { type?: unknown; headers?: unknown };
    if (type !== "mcp" || typeof headers !== "object" || headers === null) continue;
    for (const v of Object.values(headers)) {
      if (typeof v !== "string") continue;
      out.push(v);
      // `Bearer <token>`: the token alone may be what an error quotes.
      const token = v.replace(/^\s*(?:bearer|basic|token)\s+/i, "");
      if (token !== v) out.push(token);
    }
  }
  return out;
}

function bufferBody(bytes: Buffer): OutgoingBody {
  return { stream: new PassThrough().end(bytes), length: bytes.length, whole: bytes };
}

/** The request's `conversation`: an id, or `{ id }`. */
export function conversationOf(v: unknown): string | null {
  if (typeof v === "string" && v) return v;
  if (typeof v === "object" && v !== null && typeof (v as { id?: unknown }).id === "string") {
    return (v as { id: string }).id || null;
  }
  return null;
}

/** The first user text of `input`, trimmed, for a new conversation's title. */
export function firstUserText(input: unknown): string {
  const cut = (s: string) => {
    const t = s.trim().replace(/\s+/g, " ");
    return t.length > TITLE_CHARS ? `${t.slice(0, TITLE_CHARS - 1).trimEnd()}…` : t;
  };
  if (typeof input === "string") return cut(input);
  if (!Array.isArray(input)) return "";
  for (const item of input) {
    if (typeof item !== "object" || item === null) continue;
    const { role, content } = item as { role?: unknown; content?: unknown };
    if (role !== "user") continue;
    if (typeof content === "string") return cut(content);
    if (!Array.isArray(content)) continue;
    for (const part of content) {
      const p = part as { type?: unknown; text?: unknown } | null;
      if (p && p.type === "input_text" && typeof p.text === "string") return cut(p.text);
    }
  }
  return "";
}

/** A prefix of the body; each byte read counts in `progress`, for the ledger entry of a refusal. */
function readBody(
  stream: Readable,
  limit: number,
  signal: ClientSignal,
  progress: Progress,
): Promise<Prefix> {
  return readPrefix(stream, limit, signal, {
    closed: clientClosed,
    onChunk: (chunk) => {
      progress.bytes += chunk.length;
    },
  });
}

function clientClosed(): ApiError {
  return new ApiError({
    status: 499,
    type: "invalid_request_error",
    code: "client_closed_request",
    message: "The client closed the request before it was sent in full.",
  });
}

/**
 * The large body as it streams upstream: the buffered prefix (already scanned), then each chunk
 * scanned before it is passed on. A top-level `prompt` this late fails the stream with the error the
 * caller gets, before the body's last byte has gone upstream.
 */
function guarded(prefix: Buffer[], source: Readable, scanner: TopLevelKeyScanner): Readable {
  const guard = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (scanner.push(chunk)) {
        source.unpipe(guard);
        source.resume();
        cb(
          new ApiError({
            type: "invalid_request_error",
            status: 400,
            param: "prompt",
            code: "prompt_body_too_large",
            message: `\`prompt\` came after the first ${BUFFER_BYTES / 1024 / 1024} MB of a large request body, which had already begun streaming upstream, so the call was stopped. Put \`prompt\` first, or upload large inputs with the Files API and send them by file_id.`,
          }),
        );
        return;
      }
      cb(null, chunk);
    },
  });
  for (const chunk of prefix) guard.push(chunk);
  // The refusal is read by forward(), which listens once it starts sending; should the call fail
  // before that (a bad header), nothing else listens and the error must not become an uncaught one.
  guard.on("error", () => {
    source.unpipe(guard);
    source.resume();
  });
  source.on("error", (e) => guard.destroy(e));
  source.pipe(guard);
  return guard;
}
