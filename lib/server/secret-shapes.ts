import "server-only";
import { getConfig, maskKey } from "./config";

/**
 * What counts as a secret in text users store (share snapshots, run history): the configured keys,
 * OpenAI keys (`sk-…`, `sk-proj-…`, `sk-admin-…`) and the console's own personal access tokens.
 */
const SECRET_SHAPES = [/sk-[A-Za-z0-9_-]{16,}/, /bt_pat_[A-Za-z0-9_-]{16,}/];
const SECRET_SHAPES_ALL = SECRET_SHAPES.map((re) => new RegExp(re.source, "g"));

const maskShaped = (s: string) => `${s.slice(0, s.startsWith("bt_pat_") ? 7 : 3)}…${s.slice(-4)}`;

function configuredKeys(): string[] {
  const { apiKey, adminKey } = getConfig().openai;
  return [apiKey, adminKey].filter((k): k is string => !!k && k.length >= 8);
}

/** The first secret in `text`, masked for an error message; null when there is none. */
export function findSecret(text: string): string | null {
  for (const key of configuredKeys()) if (text.includes(key)) return maskKey(key) ?? "a key";
  for (const re of SECRET_SHAPES) {
    const m = re.exec(text);
    if (m) return maskShaped(m[0]);
  }
  return null;
}

/** JSON text with every secret in it masked (the configured keys as they appear inside a string). */
export function maskSecrets(json: string): string {
  let out = json;
  for (const key of configuredKeys())
    out = out.split(JSON.stringify(key).slice(1, -1)).join(maskKey(key) ?? "[key]");
  for (const re of SECRET_SHAPES_ALL) out = out.replace(re, (m) => `${maskShaped(m)} [masked]`);
  return out;
}
