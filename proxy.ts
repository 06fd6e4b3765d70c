import { type NextRequest, NextResponse } from "next/server";
import { newNonce, pageSecurityHeaders } from "@/lib/security-headers";

/**
 * Every page: a fresh CSP nonce and the security headers (issue 9, F7). The CSP goes on the request
 * too, which is where Next reads the nonce to put on its own scripts; the root layout reads `x-nonce`
 * for ours. Also tells server layouts which page was asked for, so sign-in can return there afterwards.
 */
export function proxy(req: NextRequest): NextResponse {
  const nonce = newNonce();
  const security = pageSecurityHeaders({
    nonce,
    share: req.nextUrl.pathname.startsWith("/s/"),
    https: isHttps(req),
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(req.headers);
  headers.set("x-benchtop-path", req.nextUrl.pathname + req.nextUrl.search);
  headers.set("content-security-policy", security["content-security-policy"] ?? "");
  headers.set("x-nonce", nonce);
  const res = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) res.headers.set(name, value);
  return res;
}

/**
 * Whether the browser reached us over HTTPS. A forged `X-Forwarded-Proto: https` on a plain-HTTP
 * console only changes that one response, and browsers ignore HSTS received over HTTP.
 */
function isHttps(req: NextRequest): boolean {
  const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : req.nextUrl.protocol === "https:";
}

export const config = {
  // Pages only: the API and the proxy never pay for this (next.config.js gives them static headers).
  matcher: ["/((?!api/|_next/|favicon.ico).*)"],
};
