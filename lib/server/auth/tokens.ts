import "server-only";
import { errors } from "@/lib/errors";
import type { TokenDto as TokenInfo } from "@/lib/types";
import { getDb, type Queryable } from "../db";
import { invalidateAuthCache } from "./cache";
import { keyedHash, randomId, randomToken } from "./crypto";
import { type PublicUserRow, toUser, type User } from "./users";

/** Searchable prefix: a leaked token is easy to grep for and for secret scanners to match. */
export const TOKEN_PREFIX = "bt_pat_";
const TOKEN_PATTERN = /^bt_pat_[A-Za-z0-9_-]{43}$/;

export type { TokenDto as TokenInfo } from "@/lib/types";

interface TokenRow {
  id: string;
  name: string;
  display_prefix: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toInfo(r: TokenRow): TokenInfo {
  return {
    id: r.id,
    name: r.name,
    displayPrefix: r.display_prefix,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: iso(r.expires_at),
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  };
}

export function isTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** Returns the secret once; only its keyed hash is stored. */
export async function createToken(
  userId: string,
  input: { name: string; expiresAt?: Date | null },
): Promise<{ token: string; info: TokenInfo }> {
  const name = input.name.trim();
  if (!name)
    throw errors.badRequest("Give the token a name, e.g. the script or machine that will use it.", "name");
  if (name.length > 100) throw errors.badRequest("Token names are at most 100 characters.", "name");
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw errors.badRequest("The expiry date must be in the future.", "expires_at");
  }
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const db = await getDb();
  const [row] = await db.query<TokenRow>(
    `insert into tokens (id, user_id, name, display_prefix, token_hash, expires_at)
     values ($1, $2, $3, $4, $5, $6)
     returning id, name, display_prefix, created_at, expires_at, last_used_at, revoked_at`,
    [
      randomId("tok"),
      userId,
      name,
      `${token.slice(0, 11)}…${token.slice(-4)}`,
      keyedHash(token),
      input.expiresAt ?? null,
    ],
  );
  if (!row) throw new Error("token insert returned nothing");
  return { token, info: toInfo(row) };
}

export async function listTokens(userId: string): Promise<TokenInfo[]> {
  const db = await getDb();
  const rows = await db.query<TokenRow>(
    `select id, name, display_prefix, created_at, expires_at, last_used_at, revoked_at
       from tokens where user_id = $1 order by created_at desc`,
    [userId],
  );
  return rows.map(toInfo);
}

export async function revokeToken(userId: string, tokenId: string): Promise<TokenInfo> {
  const db = await getDb();
  const [row] = await db.query<TokenRow>(
    `update tokens set revoked_at = coalesce(revoked_at, now()) where id = $1 and user_id = $2
     returning id, name, display_prefix, created_at, expires_at, last_used_at, revoked_at`,
    [tokenId, userId],
  );
  if (!row) throw errors.notFound(`No token with id ${tokenId}.`);
  await invalidateAuthCache();
  return toInfo(row);
}

// last_used_at is for humans; minute precision saves a write per proxied call.
const lastTouched = new Map<string, number>();

export async function resolveToken(token: string): Promise<{ user: User; tokenId: string } | null> {
  if (!isTokenShaped(token)) return null;
  const db = await getDb();
  const [row] = await db.query<PublicUserRow & { token_id: string }>(
    `select t.id as token_id, u.id, u.email, u.name, u.role, u.disabled_at, u.created_at
       from tokens t join users u on u.id = t.user_id
      where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
        and u.disabled_at is null`,
    [keyedHash(token)],
  );
  if (!row) return null;
  const now = Date.now();
  if (now - (lastTouched.get(row.token_id) ?? 0) > 60_000) {
    lastTouched.set(row.token_id, now);
    void db.query("update tokens set last_used_at = now() where id = $1", [row.token_id]).catch(() => {});
  }
  return { user: toUser(row), tokenId: row.token_id };
}

const TOKEN_COLUMNS = "id, name, display_prefix, created_at, expires_at, last_used_at, revoked_at";

/** An admin's revoke from the ops CLI, where only the token's id is known. */
export async function revokeTokenById(tokenId: string): Promise<TokenInfo> {
  const db = await getDb();
  const [row] = await db.query<TokenRow>(
    `update tokens set revoked_at = coalesce(revoked_at, now()) where id = $1 returning ${TOKEN_COLUMNS}`,
    [tokenId],
  );
  if (!row) throw errors.notFound(`No token with id ${tokenId}.`);
  await invalidateAuthCache();
  return toInfo(row);
}

/**
 * Revokes every live (unrevoked, unexpired) token of a user and returns how many. Pass the
 * transaction that disables the user, so a disabled account never has a token that re-enabling
 * would bring back (the caller clears the credential cache after commit); without one it is cleared here.
 */
export async function revokeAllTokens(userId: string, q?: Queryable): Promise<number> {
  const db = q ?? (await getDb());
  const rows = await db.query<{ id: string }>(
    `update tokens set revoked_at = now()
      where user_id = $1 and revoked_at is null and (expires_at is null or expires_at > now())
      returning id`,
    [userId],
  );
  if (!q) await invalidateAuthCache();
  return rows.length;
}
