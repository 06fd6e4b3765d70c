import type { IncomingHttpHeaders } from "node:http";
import { errors } from "@/lib/errors";
import { API_SECURITY_HEADERS } from "@/lib/security-headers";

/**
 * Request headers are forwarded from an allowlist: everything else (Authorization, Cookie, Host,
 * hop-by-hop, tracing, SDK telemetry) is dropped, and credentials are injected by the proxy.
 * Content-Length and Transfer-Encoding are never among them: the proxy frames the body it sends
 * itself (forward.ts), so a client cannot make the upstream read a different request boundary.
 */
// RFC 9110 grammar, restricted to printable ASCII: tokens, quoted strings without escapes, optional
// white space as spaces and tabs only.
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
const QUOTED = '"[ !#-\\[\\]-~]*"';
const OWS = "[ \\t]*";
const PARAM = `${OWS};${OWS}${TOKEN}=(?:${TOKEN}|${QUOTED})`;
const MEDIA_TYPE = `${TOKEN}/${TOKEN}(?:${PARAM})*`;

/**
 * Each forwarded header with the grammar its value must match. Values are also kept short; nothing
 * outside these grammars (spaces in ids, CR, LF, NUL, non-ASCII) reaches the upstream.
 */
const FORWARD_REQUEST: Record<string, { pattern: RegExp; max: number; example: string }> = {
  "content-type": {
    pattern: new RegExp(`^${MEDIA_TYPE}${OWS}$`),
    max: 256,
    example: "application/json or multipart/form-data; boundary=…",
  },
  accept: {
    pattern: new RegExp(`^${MEDIA_TYPE}(?:${OWS},${OWS}${MEDIA_TYPE})*${OWS}$`),
    max: 512,
    example: "application/json, text/event-stream",
  },
  "openai-beta": {
    pattern: /^[A-Za-z0-9_.=-]+(?: *, *[A-Za-z0-9_.=-]+)*$/,
    max: 200,
    example: "assistants=v2",
  },
  "idempotency-key": { pattern: /^[A-Za-z0-9._:~+/=-]+$/, max: 256, example: "a UUID" },
  "x-client-request-id": { pattern: /^[A-Za-z0-9._:~+/=-]+$/, max: 512, example: "a UUID" },
};

export interface Credentials {
  bearer: string;
  organization?: string;
  project?: string;
}

/** Headers for the upstream request; a forwarded header whose value is malformed is refused (400). */
export function upstreamRequestHeaders(inbound: Headers, creds: Credentials): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, rule] of Object.entries(FORWARD_REQUEST)) {
    const v = inbound.get(name);
    if (v === null) continue;
    if (v.length > rule.max || !rule.pattern.test(v)) {
      throw errors.badRequest(
        `The ${name} header has a value the proxy does not forward (expected ${rule.example}, at most ${rule.max} characters of the allowed set). Remove it or fix its value.`,
        name,
        "invalid_header",
      );
    }
    out[name] = v;
  }
  // Usage is read from the stream, which must arrive uncompressed.
  out["accept-encoding"] = "identity";
  out.authorization = `Bearer ${creds.bearer}`;
  if (creds.organization) out["openai-organization"] = creds.organization;
  if (creds.project) out["openai-project"] = creds.project;
  out["user-agent"] = "benchtop-proxy/0.1";
  return out;
}

const PASS_RESPONSE = new Set([
  "content-type",
  "content-length",
  "content-encoding",
  "content-disposition",
  "x-request-id",
  "openai-processing-ms",
  "openai-version",
  "retry-after",
  "retry-after-ms",
  "x-should-retry",
]);

/** Response headers from an allowlist; never set-cookie, never the upstream's server details. */
export function clientResponseHeaders(upstream: IncomingHttpHeaders): Headers {
  return new Headers(clientResponseHeaderRecord(upstream));
}

/**
 * The same headers as a plain object (lower-case names), as `writeHead` takes them: the production
 * entry writes a streamed answer without building web Headers (docs/proxy-hot-path.md).
 */
export function clientResponseHeaderRecord(upstream: IncomingHttpHeaders): Record<string, string> {
  // The upstream's bytes are served on the console's origin: nothing may render them as a page there.
  const type = inertContentType(upstream["content-type"]?.trim());
  const sse = isEventStream(type);
  const out: Record<string, string> = {};
  let disposition: string | null = null;
  for (const name of Object.keys(upstream)) {
    const value = upstream[name];
    if (value === undefined) continue;
    if (!PASS_RESPONSE.has(name) && !name.startsWith("x-ratelimit-")) continue;
    // A stream has no length; the type and the disposition are rewritten below.
    if (name === "content-type" || (sse && name === "content-length")) continue;
    // As web Headers would store it: leading and trailing white space dropped.
    const v = (Array.isArray(value) ? value.join(", ") : value).trim();
    if (name === "content-disposition") disposition = v;
    else out[name] = v;
  }
  out["content-type"] = type;
  if (!sse && !isJsonType(type)) {
    out["content-disposition"] = attachmentDisposition(dispositionFilename(disposition));
  }
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) out[name] = value;
  if (sse) {
    out["cache-control"] = "no-cache, no-transform";
    out["x-accel-buffering"] = "no";
  } else {
    out["cache-control"] = "no-store";
  }
  return out;
}

/** Types a browser shows as data (text, images, media, downloads), never as a document that runs script. */
const INERT_TYPES = new Set([
  "application/json",
  "application/jsonl",
  "application/x-ndjson",
  "application/x-jsonlines",
  "application/octet-stream",
  "application/pdf",
  "application/zip",
  "application/gzip",
  "text/plain",
  "text/csv",
  "text/tab-separated-values",
  "text/markdown",
  "text/event-stream",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
]);
const ESSENCE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;
const CHARSET = /;\s*charset\s*=\s*"?([A-Za-z0-9._-]{1,40})"?\s*(?:;|$)/i;

/**
 * The upstream's content type if it is inert, else a type that is: HTML, SVG, XML and script become
 * text/plain (still readable as text; the Files page previews by fetch, which ignores the type) and
 * anything else unknown becomes application/octet-stream. With nosniff, the browser takes it as given.
 */
export function inertContentType(value: string | null | undefined): string {
  // A handful of types recur (JSON, SSE): the regexes below run once per distinct value.
  const key = value ?? "";
  let known = inertTypes.get(key);
  if (known === undefined) {
    known = computeInertContentType(key);
    if (key.length > 200) return known;
    if (inertTypes.size >= 256) inertTypes.clear();
    inertTypes.set(key, known);
  }
  return known;
}

const inertTypes = new Map<string, string>();

function computeInertContentType(value: string): string {
  const essence = value.split(";")[0]?.trim().toLowerCase() ?? "";
  if (ESSENCE.test(essence)) {
    if (INERT_TYPES.has(essence) || isJsonType(essence) || /^(audio|video)\//.test(essence)) {
      const charset = CHARSET.exec(value)?.[1];
      return charset ? `${essence}; charset=${charset}` : essence;
    }
    if (essence.startsWith("text/") || /xml|javascript|ecmascript/.test(essence))
      return "text/plain; charset=utf-8";
  }
  return "application/octet-stream";
}

function isJsonType(type: string): boolean {
  const essence = type.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || /^application\/[a-z0-9.-]+\+json$/.test(essence);
}

/** The file name the upstream suggested (RFC 6266: `filename*` first), decoded; null when none. */
export function dispositionFilename(value: string | null): string | null {
  if (!value) return null;
  const star = /(?:^|;)\s*filename\*\s*=\s*([^;]*)/i.exec(value)?.[1]?.trim();
  const encoded = star ? /^utf-8'[^']*'(.*)$/i.exec(star)?.[1] : undefined;
  if (encoded !== undefined) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // Not valid UTF-8 percent-encoding: fall back to the plain filename.
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/i.exec(value)?.[1]?.trim();
  if (!plain) return null;
  return plain.startsWith('"') ? plain.slice(1, -1).replace(/\\(.)/g, "$1") : plain;
}

/**
 * `attachment`, with the name rebuilt from safe characters only: nothing the upstream (or whoever
 * named the file) wrote can add parameters, break the header, hide an extension or climb a path.
 */
export function attachmentDisposition(name: string | null): string {
  // Control and format characters (bidi overrides that hide an extension), lone surrogates, and the
  // characters that end a parameter or name a path.
  const chars = Array.from((name ?? "").replace(/[\p{Cc}\p{Cf}\p{Cs}"\\/:*?<>|;]/gu, "_"));
  const clean = chars.slice(0, 200).join("").trim().replace(/^\.+/, "");
  if (!clean) return "attachment";
  const ascii = clean.replace(/[^A-Za-z0-9._ ()+,-]/g, "_");
  if (ascii === clean) return `attachment; filename="${ascii}"`;
  const utf8 = encodeURIComponent(clean).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

export function isEventStream(contentType: string | null | undefined): boolean {
  return Boolean(contentType?.toLowerCase().startsWith("text/event-stream"));
}

export function isJson(contentType: string | null | undefined): boolean {
  return Boolean(contentType?.toLowerCase().includes("json"));
}
