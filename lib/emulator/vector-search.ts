import type { VectorStoreSearchResponse } from "openai/resources/vector-stores/vector-stores";
import { asRecord, type Ctx, HttpError, sendJson } from "./http";
import type { Attributes, EmulatorState, StoredVectorStore, StoredVectorStoreFile } from "./state";
import { intInRange, invalidType, missing } from "./validate";
import { fileStatus, findStore, requireActive } from "./vector-store-model";

/**
 * Deterministic search: files are cut into chunks of `max_chunk_size_tokens` words overlapping by
 * `chunk_overlap_tokens`, and a chunk scores the share of the query's distinct terms it contains.
 */

const STOPWORDS = new Set(
  (
    "a an and are as at be but by can could did do does for from had has have how i if in into is it its " +
    "me my no not of on or our so such that the their them then there these they this to was we were what " +
    "when where which who whom why will with would you your about please tell"
  ).split(" "),
);

export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => !STOPWORDS.has(t));
}

/** The query as rewrite_query would send it: lowercased, without stopwords or punctuation. */
export function rewrite(query: string): string {
  return terms(query).join(" ");
}

export function chunkText(text: string, maxTokens: number, overlap: number): string[] {
  const words = [...text.matchAll(/\S+/g)];
  if (words.length === 0) return [];
  const step = Math.max(1, maxTokens - overlap);
  const out: string[] = [];
  for (let i = 0; ; i += step) {
    const first = words[i];
    const last = words[Math.min(words.length, i + maxTokens) - 1];
    if (!first || !last) break;
    out.push(text.slice(first.index, last.index + last[0].length));
    if (i + maxTokens >= words.length) break;
  }
  return out;
}

export function fileText(state: EmulatorState, fileId: string): string {
  return state.files.get(fileId)?.content?.toString("utf8") ?? "";
}

export type Filter =
  | { type: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "nin"; key: string; value: unknown }
  | { type: "and" | "or"; filters: Filter[] };

const COMPARISONS = ["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin"];

export function checkFilter(v: unknown, param: string): Filter {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw invalidType(param, "an object", v);
  const f = v as Record<string, unknown>;
  if (f.type === "and" || f.type === "or") {
    if (!Array.isArray(f.filters)) throw missing(`${param}.filters`);
    return { type: f.type, filters: f.filters.map((x, i) => checkFilter(x, `${param}.filters[${i}]`)) };
  }
  if (!COMPARISONS.includes(String(f.type)))
    throw new HttpError(
      400,
      `Invalid value: '${String(f.type)}'. Supported values are: ${[...COMPARISONS, "and", "or"].map((t) => `'${t}'`).join(", ")}.`,
      `${param}.type`,
      "invalid_value",
    );
  if (typeof f.key !== "string") throw missing(`${param}.key`);
  if (f.value === undefined) throw missing(`${param}.value`);
  return { type: f.type as "eq", key: f.key, value: f.value };
}

export function matches(filter: Filter, attrs: Attributes | null): boolean {
  if ("filters" in filter) {
    const each = (f: Filter) => matches(f, attrs);
    return filter.type === "and" ? filter.filters.every(each) : filter.filters.some(each);
  }
  const a = attrs?.[filter.key];
  const v = filter.value;
  switch (filter.type) {
    case "eq":
      return a === v;
    case "ne":
      return a !== v;
    case "in":
      return Array.isArray(v) && v.includes(a);
    case "nin":
      return Array.isArray(v) && !v.includes(a);
  }
  if (a === undefined || typeof a !== typeof v || typeof a === "boolean") return false;
  const [x, y] = [a as number | string, v as number | string];
  if (filter.type === "gt") return x > y;
  if (filter.type === "gte") return x >= y;
  if (filter.type === "lt") return x < y;
  return x <= y;
}

interface Hit {
  file: StoredVectorStoreFile;
  text: string;
  score: number;
  order: number;
}

export function searchStore(
  state: EmulatorState,
  vs: StoredVectorStore,
  queryTerms: string[],
  filter: Filter | null,
  threshold: number,
): Hit[] {
  const wanted = [...new Set(queryTerms)];
  const hits: Hit[] = [];
  if (wanted.length === 0) return hits;
  for (const f of vs.files.values()) {
    if (fileStatus(state, f) !== "completed") continue;
    if (filter && !matches(filter, f.attributes)) continue;
    const chunks = chunkText(
      fileText(state, f.id),
      f.chunking.max_chunk_size_tokens,
      f.chunking.chunk_overlap_tokens,
    );
    for (const text of chunks) {
      const have = new Set(terms(text));
      const found = wanted.filter((t) => have.has(t)).length;
      const score = Math.round((found / wanted.length) * 10_000) / 10_000;
      if (score > 0 && score >= threshold) hits.push({ file: f, text, score, order: hits.length });
    }
  }
  return hits.sort((a, b) => b.score - a.score || a.order - b.order);
}

export function search(ctx: Ctx): void {
  const { state } = ctx;
  const vs = findStore(state, ctx.params[0] ?? "");
  requireActive(vs);
  const body = asRecord(ctx.json);
  const q = body.query;
  if (q === undefined) throw missing("query");
  const queries = typeof q === "string" ? [q] : q;
  if (!Array.isArray(queries) || queries.length === 0 || queries.some((x) => typeof x !== "string"))
    throw invalidType("query", "a string or an array of strings", q);
  const max =
    body.max_num_results === undefined ? 10 : intInRange(body.max_num_results, "max_num_results", 1, 50);
  if (body.rewrite_query !== undefined && typeof body.rewrite_query !== "boolean")
    throw invalidType("rewrite_query", "a boolean", body.rewrite_query);
  const filter =
    body.filters === undefined || body.filters === null ? null : checkFilter(body.filters, "filters");
  let threshold = 0;
  if (body.ranking_options !== undefined) {
    const r = asRecord(body.ranking_options);
    if (r.ranker !== undefined && !["none", "auto", "default-2024-11-15"].includes(String(r.ranker)))
      throw new HttpError(
        400,
        `Invalid value: '${String(r.ranker)}'. Supported values are: 'none', 'auto' and 'default-2024-11-15'.`,
        "ranking_options.ranker",
        "invalid_value",
      );
    if (r.score_threshold !== undefined) {
      const t = r.score_threshold;
      if (typeof t !== "number" || t < 0 || t > 1)
        throw new HttpError(
          400,
          "Invalid 'ranking_options.score_threshold': expected a number between 0 and 1.",
          "ranking_options.score_threshold",
          "invalid_value",
        );
      threshold = t;
    }
  }
  const searchQuery = body.rewrite_query === true ? queries.map(rewrite) : (queries as string[]);
  const hits = searchStore(state, vs, searchQuery.flatMap(terms), filter, threshold).slice(0, max);
  vs.lastActiveAt = state.clock;
  const data: VectorStoreSearchResponse[] = hits.map((h) => ({
    file_id: h.file.id,
    filename: state.files.get(h.file.id)?.object.filename ?? "",
    score: h.score,
    attributes: h.file.attributes ?? {},
    content: [{ type: "text", text: h.text }],
  }));
  sendJson(ctx, 200, {
    object: "vector_store.search_results.page",
    search_query: searchQuery,
    data,
    has_more: false,
    next_page: null,
  });
}
