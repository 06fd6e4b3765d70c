import "server-only";
import { onTold, tell } from "../threads";

/**
 * Resolved credentials, kept a few seconds so the proxy's hot path does not query the database on
 * every call. Any change to users, sessions or tokens in this process clears it in both of its
 * threads, so a revoke or disable here takes effect at once; other instances sharing a Postgres
 * database see it within the TTL.
 */
const TTL_MS = 5_000;
const MAX = 10_000;

interface Entry<T> {
  value: T;
  expires: number;
}

const store = globalThis as unknown as { __benchtopAuthCache?: Map<string, Entry<unknown>> };
store.__benchtopAuthCache ??= new Map();
const cache = store.__benchtopAuthCache;

/** The cached value without a promise, or undefined when it is not cached (or expired). */
export function peekCached<T>(key: string): T | undefined {
  const hit = cache.get(key);
  return hit && hit.expires > Date.now() ? (hit.value as T) : undefined;
}

export async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value as T;
  const value = await load();
  if (cache.size >= MAX) cache.clear();
  cache.set(key, { value, expires: now + TTL_MS });
  return value;
}

/** Clears the cache here and in the server's other thread (threads.ts) before it resolves. */
export function invalidateAuthCache(): Promise<void> {
  cache.clear();
  return tell({ kind: "auth" });
}

onTold("auth", () => cache.clear());
