import type { IncomingHttpHeaders } from "node:http";
import { errors } from "@/lib/errors";

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
  const out = new Headers();
  for (const [name, value] of Object.entries(upstream)) {
    if (value === undefined) continue;
    if (!PASS_RESPONSE.has(name) && !name.startsWith("x-ratelimit-")) continue;
    out.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  if (isEventStream(out.get("content-type"))) {
    out.delete("content-length");
    out.set("cache-control", "no-cache, no-transform");
    out.set("x-accel-buffering", "no");
  } else {
    out.set("cache-control", "no-store");
  }
  return out;
}

export function isEventStream(contentType: string | null | undefined): boolean {
  return Boolean(contentType?.toLowerCase().startsWith("text/event-stream"));
}

export function isJson(contentType: string | null | undefined): boolean {
  return Boolean(contentType?.toLowerCase().includes("json"));
}
