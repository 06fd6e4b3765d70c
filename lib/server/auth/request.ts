import "server-only";
import net from "node:net";
import { errors } from "@/lib/errors";
import { getConfig } from "../config";
import { readPeer } from "../peer";
import { cached, peekCached } from "./cache";
import { lookupHash } from "./crypto";
import { resolveSession, SESSION_TTL_MS, sessionCookieName } from "./sessions";
import { resolveToken } from "./tokens";
import type { User } from "./users";

export interface Principal {
  user: User;
  via: "session" | "token";
  tokenId: string | null;
  sessionHash: string | null;
}

/** A cookie's value; one that does not decode (`%E0%A4%A`) is no cookie, so a bad one means "signed out". */
export function readCookie(req: Pick<Request, "headers">, name: string): string | undefined {
  const header = req.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** What authentication reads of a request (the proxy's production entry passes no full Request). */
export type AuthRequest = Pick<Request, "headers" | "url" | "method">;

/** The auth cache's key for the request's credential and how to resolve it; null without one. */
function credential(req: AuthRequest): { key: string; load: () => Promise<Principal | null> } | null {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m?.[1]) return null;
    const bearer = m[1];
    return {
      key: `t:${lookupHash(bearer)}`,
      load: async () => {
        const t = await resolveToken(bearer);
        return t ? { user: t.user, via: "token", tokenId: t.tokenId, sessionHash: null } : null;
      },
    };
  }
  const cookie = readSessionCookie(req);
  if (!cookie) return null;
  return {
    key: `s:${lookupHash(cookie)}`,
    load: async () => {
      const s = await resolveSession(cookie);
      return s ? { user: s.user, via: "session", tokenId: null, sessionHash: s.idHash } : null;
    },
  };
}

/** A bearer personal token, else the session cookie. A bearer that is not ours never falls back to the cookie. */
export async function authenticate(req: AuthRequest): Promise<Principal | null> {
  const c = credential(req);
  return c ? cached(c.key, c.load) : null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The first value of a forwarding header, only when a trusted proxy set it. */
type RequestLike = Pick<Request, "headers" | "url">;

function forwarded(req: RequestLike, name: string): string | undefined {
  if (!getConfig().trustProxy) return undefined;
  return req.headers.get(name)?.split(",")[0]?.trim() || undefined;
}

/** `http` or `https` as the browser used it: a trusted proxy's word, else our own socket's. */
function requestScheme(req: RequestLike): string {
  const proto = forwarded(req, "x-forwarded-proto")?.toLowerCase();
  if (proto === "http" || proto === "https") return proto;
  // Without node-entry (next dev) the URL's scheme is all there is.
  return readPeer(req.headers)?.proto ?? (req.url.startsWith("https:") ? "https" : "http");
}

export function expectedOrigin(req: AuthRequest): string {
  const configured = getConfig().origin;
  if (configured) return configured;
  const host = forwarded(req, "x-forwarded-host") || req.headers.get("host") || new URL(req.url).host;
  return `${requestScheme(req)}://${host}`;
}

/**
 * Cookies ride along on cross-site requests, so a session may only change state from our own pages.
 * Browsers send Origin on every POST/PUT/PATCH/DELETE; a missing one is treated as foreign.
 */
export function assertSameOrigin(req: AuthRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (origin && origin === expectedOrigin(req)) return;
  if (!origin && req.headers.get("sec-fetch-site") === "same-origin") return;
  throw errors.forbidden(
    "Cross-site request refused: state-changing calls with a session cookie must come from the console itself. Scripts should use a personal access token.",
    "cross_origin",
  );
}

export async function requirePrincipal(req: AuthRequest): Promise<Principal> {
  return checkPrincipal(req, await authenticate(req));
}

/**
 * requirePrincipal without a promise, for the proxy's hot path: the principal when the request's
 * credential is in the auth cache (same checks), else undefined and the caller awaits
 * requirePrincipal (which hashes the credential again: a miss reads the database anyway).
 */
export function cachedPrincipal(req: AuthRequest): Principal | undefined {
  const c = credential(req);
  if (!c) return undefined;
  const hit = peekCached<Principal | null>(c.key);
  return hit ? checkPrincipal(req, hit) : undefined;
}

function checkPrincipal(req: AuthRequest, p: Principal | null): Principal {
  if (!p) {
    throw req.headers.get("authorization")
      ? errors.unauthenticated("Invalid, expired or revoked personal access token.")
      : errors.unauthenticated();
  }
  if (p.via === "session") assertSameOrigin(req);
  return p;
}

export async function requireAdmin(req: Request): Promise<Principal> {
  const p = await requirePrincipal(req);
  if (p.user.role !== "admin") throw errors.forbidden("Only admins can do this.", "admin_only");
  return p;
}

/**
 * The client's address. Behind CONSOLE_TRUST_PROXY=N proxies it is the X-Forwarded-For entry N hops
 * from the right (entries further left were written by the client and prove nothing); otherwise the
 * TCP peer node-entry.ts stamped. Null when unknown (next dev, or a proxy that is not trusted).
 */
export function clientIp(req: Request): string | null {
  const hops = getConfig().trustProxy;
  if (hops > 0) {
    const chain = req.headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (chain?.length) return normaliseIp(chain[Math.max(0, chain.length - hops)] ?? "");
    const real = req.headers.get("x-real-ip");
    if (real) return normaliseIp(real.trim());
  }
  return normaliseIp(readPeer(req.headers)?.address ?? "");
}

function normaliseIp(raw: string): string | null {
  let ip = raw;
  if (ip.startsWith("["))
    ip = ip.slice(1, ip.indexOf("]")); // [v6]:port
  else if (/^[\d.]+:\d+$/.test(ip)) ip = ip.slice(0, ip.indexOf(":")); // v4:port
  if (ip.toLowerCase().startsWith("::ffff:") && net.isIPv4(ip.slice(7))) ip = ip.slice(7);
  return net.isIP(ip) ? ip.toLowerCase() : null;
}

/** A configured https origin means browsers reach us over https, whatever the last hop was. */
export function isSecureRequest(req: RequestLike): boolean {
  const configured = getConfig().origin;
  if (configured) return configured.startsWith("https:");
  return requestScheme(req) === "https";
}

/**
 * Over https the cookie is `__Host-` prefixed: browsers then only accept it Secure, for Path=/ and
 * without Domain, so a sibling subdomain or a plain-http response cannot plant one for us.
 */
export function sessionCookieHeader(req: Request, value: string | null): string {
  const secure = isSecureRequest(req);
  const parts = [
    `${sessionCookieName(secure)}=${value ?? ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    value ? `Max-Age=${Math.floor(SESSION_TTL_MS / 1000)}` : "Max-Age=0",
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

/** The session cookie under the one name valid for this request; on https a plain-named one is ignored. */
export function readSessionCookie(req: Pick<Request, "headers" | "url">): string | undefined {
  return readCookie(req, sessionCookieName(isSecureRequest(req)));
}
