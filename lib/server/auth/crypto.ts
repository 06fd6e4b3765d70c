import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
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

export function keyedHash(value: string): string {
  return createHmac("sha256", getSecret()).update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
