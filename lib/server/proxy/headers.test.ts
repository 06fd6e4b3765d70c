import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
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

  it("keeps content-type with its boundary, accept and allowed betas; never the client's framing", () => {
    expect(out["content-type"]).toBe("multipart/form-data; boundary=xyz");
    expect(out["content-length"]).toBeUndefined();
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

  it("refuses a forwarded header whose value is outside its grammar, naming it", () => {
    for (const [name, value] of [
      ["openai-beta", "assistants=v2; <script>"],
      ["x-client-request-id", "GET /assistants?smuggled=1 HTTP/1.1"],
      ["idempotency-key", "a b"],
      ["content-type", "application/json\u00a0x"],
      ["accept", "text/html, GET /x HTTP/1.1"],
      ["content-type", `multipart/form-data; boundary=${"x".repeat(300)}`],
    ] as const) {
      let err: unknown;
      try {
        upstreamRequestHeaders(new Headers({ [name]: value }), { bearer: "k" });
      } catch (e) {
        err = e;
      }
      expect(err, `${name}: ${value}`).toBeInstanceOf(ApiError);
      expect((err as ApiError).param).toBe(name);
      expect((err as ApiError).status).toBe(400);
    }
  });

  it("accepts what the official SDKs and browsers send", () => {
    const o = upstreamRequestHeaders(
      new Headers({
        "content-type": 'multipart/form-data; boundary="----WebKitFormBoundary7MA4YWxkTrZu0gW"',
        accept: "application/json, text/plain, */*;q=0.8",
        "idempotency-key": "stainless-node-retry-1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        "x-client-request-id": "0b9c1c9e-4c1a-4f7e-9b1e-5c1c2c3d4e5f",
        "openai-beta": "assistants=v2, responses_multi_agent=v1",
      }),
      { bearer: "k" },
    );
    expect(o.accept).toBe("application/json, text/plain, */*;q=0.8");
    expect(o["content-type"]).toContain("WebKitFormBoundary");
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
