import type { IncomingHttpHeaders } from "node:http";

/**
 * Request headers are forwarded from an allowlist: everything else (Authorization, Cookie, Host,
 * hop-by-hop, tracing, SDK telemetry) is dropped, and credentials are injected by the proxy.
 */
const FORWARD_REQUEST = [
  "content-type",
  "content-length",
  "accept",
  "openai-beta",
  "idempotency-key",
  "x-client-request-id",
];

const OPENAI_BETA = /^[a-z0-9_.=,\s-]{1,200}$/i;

export interface Credentials {
  bearer: string;
  organization?: string;
  project?: string;
}

export function upstreamRequestHeaders(inbound: Headers, creds: Credentials): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARD_REQUEST) {
    const v = inbound.get(name);
    if (v === null) continue;
    if (name === "openai-beta" && !OPENAI_BETA.test(v)) continue;
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
