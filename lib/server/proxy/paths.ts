import { errors } from "@/lib/errors";

/**
 * Which upstream resource families the proxy forwards. Anything else is a 404, so a new upstream
 * endpoint is exposed only when someone adds it here on purpose.
 */
export const FAMILIES = {
  models: { admin: false },
  chat: { admin: false, only: ["completions"] },
  completions: { admin: false },
  responses: { admin: false },
  conversations: { admin: false },
  files: { admin: false },
  uploads: { admin: false },
  vector_stores: { admin: false },
  fine_tuning: { admin: false },
  images: { admin: false },
  batches: { admin: false },
  moderations: { admin: false },
  embeddings: { admin: false },
  audio: { admin: false },
  organization: { admin: true },
} as const satisfies Record<string, { admin: boolean; only?: readonly string[] }>;

export type Family = keyof typeof FAMILIES;

export interface UpstreamPath {
  family: Family;
  /** Normalised, without a leading slash: `chat/completions`, `files/file-abc/content`. */
  path: string;
  /** The query string exactly as sent (including `?`), so `include[]=…` and `metadata[k]=…` survive. */
  search: string;
}

// Ids and names seen in the API: `ft:gpt-4o-mini:org::abc`, `file-AbC_1`, `vs_…`, `gpt-4.1`.
const SEGMENT = /^[A-Za-z0-9._~:@+=,-]+$/;
// Percent-encoded separators, dots and control bytes could change the path once decoded upstream.
const DANGEROUS_ENCODING = /%(2f|5c|2e|00|25|0a|0d|09)/i;

/**
 * Turns the part of our URL after `/api/v1/` into an upstream path, refusing anything that could
 * leave the configured upstream base: dot segments, encoded or back slashes, empty segments,
 * absolute URLs and unknown families.
 */
export function resolveUpstreamPath(rawPathAfterPrefix: string, search: string): UpstreamPath {
  const refuse = () =>
    errors.badRequest(
      "Refused: the path contains characters or segments that could escape the API base (.., encoded or back slashes, empty segments).",
      null,
      "invalid_path",
    );
  if (rawPathAfterPrefix.includes("\\") || DANGEROUS_ENCODING.test(rawPathAfterPrefix)) throw refuse();
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathAfterPrefix);
  } catch {
    throw refuse();
  }
  const segments = decoded.replace(/\/+$/, "").split("/");
  for (const s of segments) {
    if (s === "" || s === "." || s === ".." || !SEGMENT.test(s)) throw refuse();
  }
  const [first, second] = segments;
  if (!first || !(first in FAMILIES)) {
    throw errors.notFound(
      `Unknown or unsupported API path: /v1/${segments.join("/")}. Benchtop forwards ${Object.keys(FAMILIES).join(", ")}.`,
      "unknown_path",
    );
  }
  const family = first as Family;
  const spec: { admin: boolean; only?: readonly string[] } = FAMILIES[family];
  if (spec.only && (!second || !spec.only.includes(second))) {
    throw errors.notFound(`Unknown or unsupported API path: /v1/${segments.join("/")}.`, "unknown_path");
  }
  if (search.length > 8192) throw errors.badRequest("The query string is too long.", null, "invalid_path");
  return { family, path: segments.join("/"), search };
}

/** Joins a validated path onto the configured base; the origin can only come from configuration. */
export function upstreamUrl(base: URL, p: UpstreamPath): URL {
  const url = new URL(base.origin);
  url.pathname = `${base.pathname.replace(/\/+$/, "")}/${p.path}`;
  url.search = p.search;
  return url;
}
