import type { StaticFileChunkingStrategy } from "openai/resources/vector-stores/vector-stores";
import { HttpError } from "./http";
import type { Attributes } from "./state";

/** Request validation with OpenAI's wording ("Invalid 'x': …", codes like integer_above_max_value). */

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "number") return Number.isInteger(v) ? "an integer" : "a decimal";
  return typeof v === "string" ? "a string" : typeof v === "boolean" ? "a boolean" : typeof v;
}

export function invalidType(param: string, expected: string, v: unknown): HttpError {
  return new HttpError(
    400,
    `Invalid type for '${param}': expected ${expected}, but got ${typeName(v)} instead.`,
    param,
    "invalid_type",
  );
}

export function missing(param: string): HttpError {
  return new HttpError(400, `Missing required parameter: '${param}'.`, param, "missing_required_parameter");
}

export function intInRange(v: unknown, param: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw invalidType(param, "an integer", v);
  if (v < min)
    throw new HttpError(
      400,
      `Invalid '${param}': integer below minimum value. Expected a value >= ${min}, but got ${v} instead.`,
      param,
      "integer_below_min_value",
    );
  if (v > max)
    throw new HttpError(
      400,
      `Invalid '${param}': integer above maximum value. Expected a value <= ${max}, but got ${v} instead.`,
      param,
      "integer_above_max_value",
    );
  return v;
}

export function optionalString(v: unknown, param: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") throw invalidType(param, "a string", v);
  return v;
}

function record(v: unknown, param: string, max: number): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw invalidType(param, "an object", v);
  const n = Object.keys(v).length;
  if (n > max)
    throw new HttpError(
      400,
      `Invalid '${param}': too many properties. Expected an object with at most ${max} properties, but got an object with ${n} properties instead.`,
      param,
      "object_above_max_properties",
    );
  for (const k of Object.keys(v)) {
    if (k.length > 64)
      throw new HttpError(
        400,
        `Invalid '${param}': property name too long. Expected a property name with maximum length 64, but got a property name with length ${k.length} instead.`,
        param,
        "invalid_value",
      );
  }
  return v as Record<string, unknown>;
}

function shortString(v: string, param: string): string {
  if (v.length > 512)
    throw new HttpError(
      400,
      `Invalid '${param}': string too long. Expected a string with maximum length 512, but got a string with length ${v.length} instead.`,
      param,
      "string_above_max_length",
    );
  return v;
}

/** Metadata: up to 16 keys of at most 64 characters, string values of at most 512. */
export function metadata(v: unknown): Record<string, string> | null {
  if (v === undefined || v === null) return null;
  const r = record(v, "metadata", 16);
  for (const [k, val] of Object.entries(r)) {
    if (typeof val !== "string") throw invalidType(`metadata.${k}`, "a string", val);
    shortString(val, `metadata.${k}`);
  }
  return r as Record<string, string>;
}

/** File attributes: up to 16 keys; strings of at most 512, numbers or booleans. */
export function attributes(v: unknown, param = "attributes"): Attributes | null {
  if (v === undefined || v === null) return null;
  const r = record(v, param, 16);
  for (const [k, val] of Object.entries(r)) {
    if (typeof val === "string") shortString(val, `${param}.${k}`);
    else if (typeof val !== "number" && typeof val !== "boolean")
      throw invalidType(`${param}.${k}`, "one of a string, a number, or a boolean", val);
  }
  return r as Attributes;
}

/** `auto` (or nothing) is 800-token chunks overlapping by 400; `static` is checked and kept. */
export function chunking(v: unknown, param = "chunking_strategy"): StaticFileChunkingStrategy {
  if (v === undefined || v === null) return { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 };
  if (typeof v !== "object" || Array.isArray(v)) throw invalidType(param, "an object", v);
  const c = v as { type?: unknown; static?: unknown };
  if (c.type === "auto") return { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 };
  if (c.type !== "static")
    throw new HttpError(
      400,
      `Invalid value: '${String(c.type)}'. Supported values are: 'auto' and 'static'.`,
      `${param}.type`,
      "invalid_value",
    );
  if (typeof c.static !== "object" || c.static === null) throw missing(`${param}.static`);
  const s = c.static as Record<string, unknown>;
  const max = intInRange(s.max_chunk_size_tokens, `${param}.static.max_chunk_size_tokens`, 100, 4096);
  const overlap = intInRange(s.chunk_overlap_tokens, `${param}.static.chunk_overlap_tokens`, 0, 4096);
  if (overlap > max / 2)
    throw new HttpError(
      400,
      `Invalid '${param}.static.chunk_overlap_tokens': chunk_overlap_tokens (${overlap}) must not exceed half of max_chunk_size_tokens (${max}).`,
      `${param}.static.chunk_overlap_tokens`,
      "invalid_value",
    );
  return { max_chunk_size_tokens: max, chunk_overlap_tokens: overlap };
}

export function expiresAfter(v: unknown): { anchor: "last_active_at"; days: number } | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object" || Array.isArray(v)) throw invalidType("expires_after", "an object", v);
  const e = v as { anchor?: unknown; days?: unknown };
  if (e.anchor === undefined) throw missing("expires_after.anchor");
  if (e.anchor !== "last_active_at")
    throw new HttpError(
      400,
      `Invalid value: '${String(e.anchor)}'. Supported values are: 'last_active_at'.`,
      "expires_after.anchor",
      "invalid_value",
    );
  if (e.days === undefined) throw missing("expires_after.days");
  return { anchor: "last_active_at", days: intInRange(e.days, "expires_after.days", 1, 365) };
}

/** Cursor paging as the list endpoints do it: limit 1–100 (20), order desc, after/before ids. */
export function paginate<T extends { id: string; created_at: number }>(items: T[], query: URLSearchParams) {
  const rawLimit = query.get("limit");
  const limit = rawLimit === null ? 20 : intInRange(Number(rawLimit), "limit", 1, 100);
  const orderRaw = query.get("order") ?? "desc";
  if (orderRaw !== "asc" && orderRaw !== "desc")
    throw new HttpError(
      400,
      `Invalid value: '${orderRaw}'. Supported values are: 'asc' and 'desc'.`,
      "order",
      "invalid_value",
    );
  const sign = orderRaw === "asc" ? 1 : -1;
  let all = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => sign * (a.item.created_at - b.item.created_at || a.i - b.i))
    .map((x) => x.item);
  const after = query.get("after");
  const before = query.get("before");
  let data: T[];
  let hasMore: boolean;
  if (after) {
    const i = all.findIndex((x) => x.id === after);
    all = i === -1 ? [] : all.slice(i + 1);
    data = all.slice(0, limit);
    hasMore = all.length > limit;
  } else if (before) {
    const i = all.findIndex((x) => x.id === before);
    all = i === -1 ? [] : all.slice(0, i);
    data = all.slice(Math.max(0, all.length - limit));
    hasMore = all.length > limit;
  } else {
    data = all.slice(0, limit);
    hasMore = all.length > limit;
  }
  return {
    object: "list" as const,
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: hasMore,
  };
}
