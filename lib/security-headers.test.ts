import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import {
  API_SECURITY_HEADERS,
  ASSET_SECURITY_HEADERS,
  newNonce,
  pageSecurityHeaders,
} from "./security-headers";

const base = { nonce: "abc", share: false, https: false, dev: false };

function directive(csp: string, name: string): string | undefined {
  return csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
}

describe("page headers", () => {
  it("script-src allows only the nonce (and what it loads) and WASM, never eval or inline", () => {
    const csp = pageSecurityHeaders(base)["content-security-policy"] ?? "";
    expect(directive(csp, "script-src")).toBe(
      "script-src 'self' 'nonce-abc' 'strict-dynamic' 'wasm-unsafe-eval'",
    );
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("share pages load images only from themselves and send no referrer", () => {
    const app = pageSecurityHeaders(base);
    const share = pageSecurityHeaders({ ...base, share: true });
    expect(directive(app["content-security-policy"] ?? "", "img-src")).toContain("https:");
    expect(directive(share["content-security-policy"] ?? "", "img-src")).toBe("img-src 'self' data: blob:");
    expect(app["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(share["referrer-policy"]).toBe("no-referrer");
  });

  it("HSTS and upgrades only over HTTPS", () => {
    expect(pageSecurityHeaders(base)["strict-transport-security"]).toBeUndefined();
    const tls = pageSecurityHeaders({ ...base, https: true });
    expect(tls["strict-transport-security"]).toBe("max-age=31536000");
    expect(tls["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it("nonces are fresh, 128-bit and valid nonce-sources", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe("proxy.ts (the middleware)", () => {
  it("puts the nonce'd CSP on the request, for Next, and on the response", () => {
    const res = proxy(new NextRequest("http://console.test/s/abc?x=1"));
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(res.headers.get("x-middleware-request-x-benchtop-path")).toBe("/s/abc?x=1");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const again = proxy(new NextRequest("http://console.test/playground"));
    expect(again.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
    expect(again.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends HSTS when the request came over HTTPS", () => {
    expect(proxy(new NextRequest("https://console.test/")).headers.get("strict-transport-security")).toBe(
      "max-age=31536000",
    );
    const forwarded = new NextRequest("http://console.test/", { headers: { "x-forwarded-proto": "https" } });
    expect(proxy(forwarded).headers.get("strict-transport-security")).toBe("max-age=31536000");
  });
});

describe("next.config.js", () => {
  it("gives API routes and static assets the same headers as the code does", async () => {
    const config = createRequire(import.meta.url)("../next.config.js") as {
      headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
    };
    const rules = await config.headers();
    const of = (source: string) =>
      Object.fromEntries(
        (rules.find((r) => r.source === source)?.headers ?? []).map((h) => [h.key.toLowerCase(), h.value]),
      );
    expect(of("/api/:path*")).toEqual(API_SECURITY_HEADERS);
    expect(of("/_next/:path*")).toEqual(ASSET_SECURITY_HEADERS);
    expect(of("/favicon.ico")).toEqual(ASSET_SECURITY_HEADERS);
  });
});
