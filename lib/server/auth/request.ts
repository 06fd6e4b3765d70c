import "server-only";
import { errors } from "@/lib/errors";
import { getConfig } from "../config";
import { cached } from "./cache";
import { keyedHash } from "./crypto";
import { resolveSession, SESSION_COOKIE, SESSION_TTL_MS } from "./sessions";
import { resolveToken } from "./tokens";
import type { User } from "./users";

export interface Principal {
  user: User;
  via: "session" | "token";
  tokenId: string | null;
  sessionHash: string | null;
}

/** A cookie's value; one that does not decode (`%E0%A4%A`) is no cookie, so a bad one means "signed out". */
export function readCookie(req: Request, name: string): string | undefined {
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

/** A bearer personal token, else the session cookie. A bearer that is not ours never falls back to the cookie. */
export async function authenticate(req: Request): Promise<Principal | null> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m?.[1]) return null;
    const bearer = m[1];
    return cached(`t:${keyedHash(bearer)}`, async (): Promise<Principal | null> => {
      const t = await resolveToken(bearer);
      return t ? { user: t.user, via: "token", tokenId: t.tokenId, sessionHash: null } : null;
    });
  }
  const cookie = readCookie(req, SESSION_COOKIE);
  if (!cookie) return null;
  return cached(`s:${keyedHash(cookie)}`, async (): Promise<Principal | null> => {
    const s = await resolveSession(cookie);
    return s ? { user: s.user, via: "session", tokenId: null, sessionHash: s.idHash } : null;
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function expectedOrigin(req: Request): string {
  const configured = getConfig().origin;
  if (configured) return configured;
  const url = new URL(req.url);
  const host =
    req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host") || url.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

/**
 * Cookies ride along on cross-site requests, so a session may only change state from our own pages.
 * Browsers send Origin on every POST/PUT/PATCH/DELETE; a missing one is treated as foreign.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (origin && origin === expectedOrigin(req)) return;
  if (!origin && req.headers.get("sec-fetch-site") === "same-origin") return;
  throw errors.forbidden(
    "Cross-site request refused: state-changing calls with a session cookie must come from the console itself. Scripts should use a personal access token.",
    "cross_origin",
  );
}

export async function requirePrincipal(req: Request): Promise<Principal> {
  const p = await authenticate(req);
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

export function clientIp(req: Request): string | null {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || null;
}

export function isSecureRequest(req: Request): boolean {
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (proto ?? new URL(req.url).protocol.replace(":", "")) === "https";
}

export function sessionCookieHeader(req: Request, value: string | null): string {
  const parts = [
    `${SESSION_COOKIE}=${value ?? ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    value ? `Max-Age=${Math.floor(SESSION_TTL_MS / 1000)}` : "Max-Age=0",
  ];
  if (isSecureRequest(req)) parts.push("Secure");
  return parts.join("; ");
}
