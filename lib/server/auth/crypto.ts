import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  type Hash,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getConfig } from "../config";

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("base64url")}`;
}

let secret: string | undefined;

/**
 * The key for hashing session ids and tokens. From CONSOLE_SECRET, or generated once into DATA_DIR
 * (embedded database only: config refuses DATABASE_URL without CONSOLE_SECRET).
 */
export function getSecret(): string {
  if (secret) return secret;
  const cfg = getConfig();
  if (cfg.secret) {
    secret = cfg.secret;
    return secret;
  }
  const file = path.join(cfg.dataDir, "console-secret");
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(cfg.dataDir, { recursive: true, mode: 0o700 });
    const generated = randomBytes(32).toString("hex");
    try {
      fs.writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
      secret = generated;
    } catch {
      // Another process wrote it first: use theirs.
      secret = fs.readFileSync(file, "utf8").trim();
    }
  }
  return secret;
}

let hashKey: KeyObject | undefined;

/**
 * HMAC-SHA256 of a token or session id under the console secret. The key is imported once: with a
 * string, every call (the proxy keys its auth cache with it on every request) imported it anew.
 */
export function keyedHash(value: string): string {
  hashKey ??= createSecretKey(Buffer.from(getSecret(), "utf8"));
  return createHmac("sha256", hashKey).update(value).digest("hex");
}

const lookup = globalThis as unknown as { __benchtopLookupHash?: Hash };

/**
 * A digest of a credential for in-memory lookups only (the auth cache's keys), never stored:
 * SHA-256 over a random per-process pepper and the value, so no plaintext token or session id is
 * kept. Not keyedHash: an HMAC's set-up costs ~40-55 us per call on a cold cache; a copy of a hash
 * already fed the pepper ~8 us (docs/proxy-hot-path.md), and the proxy pays it on every request.
 */
export function lookupHash(value: string): string {
  // On globalThis: Next's bundle and the production entry's share the auth cache, so its keys too.
  lookup.__benchtopLookupHash ??= createHash("sha256").update(randomBytes(32));
  return lookup.__benchtopLookupHash.copy().update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

let sealKey: Buffer | undefined;

/** A separate key for encryption, derived from the console secret so hashing and sealing never share one. */
function getSealKey(): Buffer {
  sealKey ??= createHmac("sha256", getSecret()).update("benchtop:seal:v1").digest();
  return sealKey;
}

/**
 * Encrypts a secret for storage (AES-256-GCM, a fresh IV each time). `context` is bound as
 * associated data: a value copied to another row (another assistant, header) no longer opens.
 */
export function sealSecret(plain: string, context: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", getSealKey(), iv);
  c.setAAD(Buffer.from(context));
  const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return `v1.${Buffer.concat([iv, c.getAuthTag(), body]).toString("base64url")}`;
}

/** The plain text of a sealed value; throws when the key, the context or the bytes do not match. */
export function openSecret(sealed: string, context: string): string {
  if (!sealed.startsWith("v1.")) throw new Error("unknown sealed-secret format");
  const raw = Buffer.from(sealed.slice(3), "base64url");
  // IV (12) + a full tag (16): a shorter value would let GCM check a truncated tag.
  if (raw.length < 28) throw new Error("sealed secret too short");
  const d = createDecipheriv("aes-256-gcm", getSealKey(), raw.subarray(0, 12), { authTagLength: 16 });
  d.setAAD(Buffer.from(context));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
}
