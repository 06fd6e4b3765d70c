import "server-only";
import type { z } from "zod";
import { ApiError, errors } from "@/lib/errors";
import { API_SECURITY_HEADERS } from "@/lib/security-headers";

/** Every console route handler: parse → authorize → call → map errors, with one catch. */
export function route<C>(handler: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await handler(req, ctx);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Our errors as they are; anything else as a generic 500, since its message may carry internals. */
export function errorResponse(e: unknown): Response {
  if (e instanceof ApiError) return e.toResponse();
  console.error("[server] unexpected error", e instanceof Error ? e.stack : e);
  return new ApiError({
    type: "server_error",
    message: "Internal error in the console. See the server log.",
  }).toResponse();
}

/**
 * The largest JSON body a console route reads unless it asks for more. Sign-in, users, tokens and
 * settings bodies are a few hundred bytes; a cap keeps one client from holding the server's memory.
 */
export const DEFAULT_BODY_MAX_BYTES = 64 * 1024;
/** Deeper than any form or playground state nests; deep enough to stop recursion in what follows. */
export const BODY_MAX_DEPTH = 64;

export interface BodyOptions {
  /** Bytes of body this route accepts (default DEFAULT_BODY_MAX_BYTES). */
  maxBytes?: number;
}

export async function parseBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  opts: BodyOptions = {},
): Promise<z.infer<S>> {
  const text = await readBodyText(req, opts.maxBytes ?? DEFAULT_BODY_MAX_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw errors.badRequest("The request body must be JSON.", null, "invalid_json");
  }
  checkJsonValue(body);
  return parseValue(schema, body);
}

/** `value` through `schema`, or a 400 naming the field: `param` (when given) and the path inside it. */
export function parseValue<S extends z.ZodType>(schema: S, value: unknown, param?: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const inner = issue?.path.join(".") ?? "";
  throw errors.badRequest(
    issue ? `${inner ? `${inner}: ` : ""}${issue.message}` : "Invalid request body.",
    [param, inner].filter(Boolean).join(".") || null,
  );
}

const bodyTooLarge = (max: number) =>
  new ApiError({
    type: "invalid_request_error",
    status: 413,
    code: "body_too_large",
    message: `The request body is larger than this route accepts (${formatBytes(max)}).`,
  });

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(n / 1024)} KiB`;
}

/**
 * The body as UTF-8 text, refusing more than `maxBytes`: by Content-Length before reading anything,
 * and by counting while reading, since a chunked body has no length and a length can lie.
 */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const bytes = await readBodyBytes(req, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw errors.badRequest("The request body must be UTF-8 encoded JSON.", null, "invalid_json");
  }
}

/** The body's bytes, refusing more than `maxBytes` the same way (`tooLarge` lets a route say what was too large). */
export async function readBodyBytes(
  req: Request,
  maxBytes: number,
  tooLarge: (max: number) => ApiError = bodyTooLarge,
): Promise<Buffer> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// A lone surrogate half (one not part of a pair), or NUL: JSON allows both, PostgreSQL stores neither.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A container still to visit; its path is rebuilt from the parents only when something is wrong. */
interface Pending {
  value: object;
  depth: number;
  key: string;
  parent: Pending | null;
}

function pathOf(node: Pending | null, last?: string): string[] {
  const path = last === undefined ? [] : [last];
  for (let n = node; n?.parent; n = n.parent) path.unshift(n.key);
  return path;
}

/**
 * One walk over a parsed body: no string (value or key) holds what the database cannot store, and
 * nothing nests deeper than BODY_MAX_DEPTH. Iterative, so depth cannot overflow the stack; strings
 * and numbers are checked where they stand and only containers are queued, with no per-item copy of
 * their path, so the walk costs time and memory in proportion to the body.
 */
export function checkJsonValue(root: unknown): void {
  const check = (v: unknown, parent: Pending | null, key: string, depth: number, stack: Pending[]) => {
    if (typeof v === "string") {
      if (UNSTORABLE.test(v)) throw unstorable(v, pathOf(parent, key));
    } else if (typeof v === "object" && v !== null) {
      stack.push({ value: v, depth, key, parent });
    }
  };
  const stack: Pending[] = [];
  check(root, null, "", 0, stack);
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.depth >= BODY_MAX_DEPTH) {
      throw errors.badRequest(
        `The request body nests deeper than ${BODY_MAX_DEPTH} levels.`,
        paramOf(pathOf(node)),
        "too_deep",
      );
    }
    const value = node.value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) check(value[i], node, String(i), node.depth + 1, stack);
      continue;
    }
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      if (UNSTORABLE.test(k)) throw unstorable(k, pathOf(node, k));
      check((value as Record<string, unknown>)[k], node, k, node.depth + 1, stack);
    }
  }
}

function unstorable(s: string, path: string[]): ApiError {
  const what = s.includes("\u0000")
    ? "a NUL character (\\u0000)"
    : "an unpaired UTF-16 surrogate (invalid Unicode)";
  const param = paramOf(path);
  return errors.badRequest(
    `${param ? `${param} contains` : "The request body contains"} ${what}, which cannot be stored. Remove it and try again.`,
    param,
    "invalid_characters",
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point.
const UNPRINTABLE = /[\u0000-\u001f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The JSON path as zod reports it (`state.messages.0`), with unprintable characters escaped. */
function paramOf(path: string[]): string | null {
  if (!path.length) return null;
  return path.join(".").replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Ids in paths and queries are ours (`usr_…`, `pst_…`, share ids) or OpenAI's (`file-…`): letters,
 * digits, `_` and `-`. Anything else is refused here and never reaches the database.
 */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export function checkId(id: string, what: string, param = "id"): string {
  if (!ID_PATTERN.test(id)) {
    throw errors.badRequest(
      `That is not a valid ${what} id: ids are 1–128 letters, digits, "_" and "-".`,
      param,
      "invalid_id",
    );
  }
  return id;
}

export function json(data: unknown, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set("cache-control", "no-store");
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) headers.set(name, value);
  return Response.json(data, { ...init, headers });
}
