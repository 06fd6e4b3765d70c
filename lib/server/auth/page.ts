import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { resolveSession, SESSION_COOKIE } from "./sessions";
import type { User } from "./users";

/** For server components: the signed-in user, or a redirect to sign-in. */
export async function getCurrentUser(): Promise<User | null> {
  const jar = await cookies();
  const session = await resolveSession(jar.get(SESSION_COOKIE)?.value);
  return session?.user ?? null;
}

export async function requireUser(): Promise<User> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-benchtop-path") ?? "";
    redirect(path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
  }
  return user;
}

/** Only same-site relative paths: `next` must never send someone to another site after sign-in. */
export function safeNext(next: string | string[] | undefined): string {
  const n = Array.isArray(next) ? next[0] : next;
  return n && /^\/(?!\/)[^\\\s]*$/.test(n) && !n.startsWith("/api/") ? n : "/playground";
}
