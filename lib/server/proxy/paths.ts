import { ApiError, errors } from "@/lib/errors";

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
  // Code-interpreter containers: only reading one (its files, a file's content) for the test chat's
  // downloads. Listing every container of the project, creating and deleting are not forwarded.
  containers: { admin: false, methods: ["GET"], needsId: true },
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
} as const satisfies Record<string, FamilySpec>;

interface FamilySpec {
  admin: boolean;
  /** The second path segments forwarded (`chat/completions` only); absent: any. */
  only?: readonly string[];
  /** The methods forwarded; absent: every method the API uses. */
  methods?: readonly Method[];
  /** The bare family (a listing of every object) is not forwarded, only paths under an id. */
  needsId?: boolean;
}

export type Family = keyof typeof FAMILIES;

/**
 * Paths that need the organization's admin key and so are for console admins only: the
 * `organization` family, and checkpoint permissions under `fine_tuning/checkpoints/` (an admin-key
 * API, unlike the rest of fine-tuning). `fine_tuning/alpha/graders/*` is an ordinary-key call.
 */
export function needsAdminKey(p: Pick<UpstreamPath, "family" | "path">): boolean {
  return FAMILIES[p.family].admin || p.path.startsWith("fine_tuning/checkpoints/");
}

/** The only methods the OpenAI API uses; only POST carries a body. */
export const METHODS = ["GET", "POST", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export function checkMethod(method: string): Method {
  if ((METHODS as readonly string[]).includes(method)) return method as Method;
  throw new ApiError({
    type: "invalid_request_error",
    status: 405,
    code: "method_not_allowed",
    message: `The API does not use ${method.slice(0, 20)} requests. Use ${METHODS.join(", ")}.`,
    headers: { allow: METHODS.join(", ") },
  });
}

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
// RFC 3986 query characters, with well-formed percent escapes that decode to no control character.
const QUERY = /^(?:\?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?[\]]|%(?![01][0-9a-f]|7f)[0-9a-f]{2})*)?$/i;

/**
 * Turns the part of our URL after `/api/v1/` into an upstream path, refusing anything that could
 * leave the configured upstream base: dot segments, encoded or back slashes, empty segments,
 * absolute URLs and unknown families; with `method`, one the family does not forward (405).
 */
export function resolveUpstreamPath(
  rawPathAfterPrefix: string,
  search: string,
  method?: Method,
): UpstreamPath {
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
  // An own property only: `constructor`, `__proto__` and `toString` are on every object's prototype.
  if (!first || !Object.hasOwn(FAMILIES, first)) {
    throw errors.notFound(
      `Unknown or unsupported API path: /v1/${segments.join("/")}. Benchtop forwards ${Object.keys(FAMILIES).join(", ")}.`,
      "unknown_path",
    );
  }
  const family = first as Family;
  // The method first: a POST to /v1/containers is told which methods work, not that the path is unknown.
  if (method) checkFamilyMethod(family, method);
  const spec: FamilySpec = FAMILIES[family];
  if ((spec.only && (!second || !spec.only.includes(second))) || (spec.needsId && !second)) {
    throw errors.notFound(`Unknown or unsupported API path: /v1/${segments.join("/")}.`, "unknown_path");
  }
  if (search.length > 8192) throw errors.badRequest("The query string is too long.", null, "invalid_path");
  if (!QUERY.test(search)) {
    throw errors.badRequest(
      "Refused: the query string has characters that are not allowed in a URL (spaces, quotes, control characters or broken % escapes). Percent-encode the values.",
      null,
      "invalid_query",
    );
  }
  return { family, path: segments.join("/"), search };
}

/** A method the family does not forward: a 405 in OpenAI's shape, with the methods it does. */
export function checkFamilyMethod(family: Family, method: Method): void {
  const allowed: readonly Method[] | undefined = (FAMILIES[family] as FamilySpec).methods;
  if (!allowed || allowed.includes(method)) return;
  throw new ApiError({
    type: "invalid_request_error",
    status: 405,
    code: "method_not_allowed",
    message: `Benchtop forwards only ${allowed.join(", ")} requests to /v1/${family}: ${family === "containers" ? "the files a code-interpreter run wrote can be read, but containers are not created or deleted" : `${method} is not offered`} through the console.`,
    headers: { allow: allowed.join(", ") },
  });
}

/** Joins a validated path onto the configured base; the origin can only come from configuration. */
/** What http.request needs to reach `p` under `base`; the request line is upstreamUrl's exactly. */
export interface UpstreamTarget {
  protocol: string;
  /** Without an IPv6 literal's brackets, as http.request takes it. */
  hostname: string;
  port: string;
  /** Path and query as upstreamUrl would serialise them. */
  path: string;
  /** `host[:port]`, for messages. */
  host: string;
}

/**
 * upstreamUrl without a URL per call (a parse, then urlToHttpOptions in http.request: ~50 us per
 * proxied call under the console's async hooks). Segments and query were checked by
 * resolveUpstreamPath against sets the URL setters leave as they are, except `'`, which the query
 * setter encodes for http(s); the base is a parsed URL already.
 */
export function upstreamTarget(base: URL, p: UpstreamPath): UpstreamTarget {
  const { hostname } = base;
  return {
    protocol: base.protocol,
    hostname: hostname.startsWith("[") ? hostname.slice(1, -1) : hostname,
    port: base.port,
    path: `${base.pathname.replace(/\/+$/, "")}/${p.path}${p.search.replaceAll("'", "%27")}`,
    host: base.host,
  };
}

export function upstreamUrl(base: URL, p: UpstreamPath): URL {
  const url = new URL(base.origin);
  url.pathname = `${base.pathname.replace(/\/+$/, "")}/${p.path}`;
  url.search = p.search;
  return url;
}
