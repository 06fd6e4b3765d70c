import { describe, expect, it } from "vitest";
import { clientResponseHeaders, upstreamRequestHeaders } from "./headers";

describe("upstreamRequestHeaders", () => {
  const inbound = new Headers({
    authorization: "Bearer bt_pat_usertoken",
    cookie: "benchtop_session=abc",
    host: "console.example.com",
    connection: "keep-alive",
    "keep-alive": "timeout=5",
    "transfer-encoding": "chunked",
    "proxy-authorization": "Basic x",
    "x-forwarded-for": "10.0.0.1",
    traceparent: "00-abc",
    "openai-organization": "org-from-client",
    "openai-project": "proj-from-client",
    "content-type": "multipart/form-data; boundary=xyz",
    "content-length": "1234",
    accept: "text/event-stream",
    "openai-beta": "responses_multi_agent=v1",
    "idempotency-key": "abc-123",
    "x-stainless-os": "Linux",
  });
  const out = upstreamRequestHeaders(inbound, {
    bearer: "sk-server",
    organization: "org-1",
    project: "proj-1",
  });

  it("injects the server's credentials and the configured org/project", () => {
    expect(out.authorization).toBe("Bearer sk-server");
    expect(out["openai-organization"]).toBe("org-1");
    expect(out["openai-project"]).toBe("proj-1");
  });

  it("drops cookies, host, hop-by-hop, tracing and client-chosen org headers", () => {
    for (const h of [
      "cookie",
      "host",
      "connection",
      "keep-alive",
      "transfer-encoding",
      "proxy-authorization",
      "x-forwarded-for",
      "traceparent",
      "x-stainless-os",
    ]) {
      expect(out[h]).toBeUndefined();
    }
  });

  it("keeps content-type with its boundary, length, accept and allowed betas", () => {
    expect(out["content-type"]).toBe("multipart/form-data; boundary=xyz");
    expect(out["content-length"]).toBe("1234");
    expect(out.accept).toBe("text/event-stream");
    expect(out["openai-beta"]).toBe("responses_multi_agent=v1");
    expect(out["idempotency-key"]).toBe("abc-123");
  });

  it("asks for an uncompressed body and omits org/project when unset", () => {
    const o = upstreamRequestHeaders(new Headers(), { bearer: "k" });
    expect(o["accept-encoding"]).toBe("identity");
    expect(o["openai-organization"]).toBeUndefined();
    expect(o["openai-project"]).toBeUndefined();
  });

  it("refuses header injection through openai-beta", () => {
    const o = upstreamRequestHeaders(new Headers({ "openai-beta": "assistants=v2; <script>" }), {
      bearer: "k",
    });
    expect(o["openai-beta"]).toBeUndefined();
  });
});

describe("clientResponseHeaders", () => {
  it("passes API metadata and rate limits, never cookies or server details", () => {
    const h = clientResponseHeaders({
      "content-type": "application/json",
      "content-length": "10",
      "x-request-id": "req_1",
      "openai-processing-ms": "12",
      "openai-version": "2020-10-01",
      "x-ratelimit-limit-requests": "5000",
      "x-ratelimit-reset-tokens": "6m0s",
      "retry-after": "20",
      "retry-after-ms": "20000",
      "set-cookie": ["__cf_bm=abc"],
      server: "cloudflare",
      "cf-ray": "abc",
      "openai-organization": "org-secret-ish",
    });
    expect(h.get("x-request-id")).toBe("req_1");
    expect(h.get("x-ratelimit-limit-requests")).toBe("5000");
    expect(h.get("x-ratelimit-reset-tokens")).toBe("6m0s");
    expect(h.get("retry-after")).toBe("20");
    expect(h.get("retry-after-ms")).toBe("20000");
    expect(h.get("openai-version")).toBe("2020-10-01");
    expect(h.get("content-length")).toBe("10");
    expect(h.get("set-cookie")).toBeNull();
    expect(h.get("server")).toBeNull();
    expect(h.get("cf-ray")).toBeNull();
    expect(h.get("cache-control")).toBe("no-store");
  });

  it("marks event streams as unbufferable and drops their length", () => {
    const h = clientResponseHeaders({
      "content-type": "text/event-stream; charset=utf-8",
      "content-length": "5",
    });
    expect(h.get("cache-control")).toBe("no-cache, no-transform");
    expect(h.get("x-accel-buffering")).toBe("no");
    expect(h.get("content-length")).toBeNull();
  });

  it("keeps content-disposition for downloads", () => {
    const h = clientResponseHeaders({
      "content-type": "application/octet-stream",
      "content-disposition": 'attachment; filename="a.jsonl"',
    });
    expect(h.get("content-disposition")).toBe('attachment; filename="a.jsonl"');
  });
});
