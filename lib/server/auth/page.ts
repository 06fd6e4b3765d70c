import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { isSecureRequest } from "./request";
import { resolveSession, sessionCookieName } from "./sessions";
import type { User } from "./users";

/**
 * For server components: the signed-in user, or null. Cached per request, so a layout and its page
 * asking both cost one session lookup.
 */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  // The URL a route handler would get: Next derives its scheme from X-Forwarded-Proto, as here.
  const url = `${h.get("x-forwarded-proto")?.includes("https") ? "https" : "http"}://${h.get("host") ?? "localhost"}/`;
  const session = await resolveSession(
    jar.get(sessionCookieName(isSecureRequest({ headers: h, url })))?.value,
  );
  return session?.user ?? null;
});

/** The signed-in user, or a redirect to sign-in that comes back to the page asked for. */
export async function requireUser(): Promise<User> {
  const user = await getCurrentUser();
  if (!user) {
    // Set by proxy.ts for page requests; a missing header just means "come back to the default page".
    const path = safeNext((await headers()).get("x-benchtop-path") ?? undefined, "");
    redirect(path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
  }
  return user;
}

/**
 * Only same-site relative paths: `next` must never send someone to another site after sign-in
 * (`//evil.example`, `/\evil.example`, `https://…`), nor to an API route.
 */
export function safeNext(next: string | string[] | null | undefined, fallback = "/playground"): string {
  const n = Array.isArray(next) ? next[0] : next;
  if (!n || !/^\/(?![/\\])[^\\\s]*$/.test(n)) return fallback;
  if (n === "/api" || n.startsWith("/api/") || n.startsWith("/sign-in") || n.startsWith("/setup")) {
    return fallback;
  }
  return n;
}
