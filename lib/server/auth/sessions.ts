import "server-only";
import { getDb } from "../db";
import { invalidateAuthCache } from "./cache";
import { keyedHash, randomToken } from "./crypto";
import { type PublicUserRow, toUser, type User } from "./users";

export const SESSION_COOKIE = "benchtop_session";
const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** One name per scheme, never both: see sessionCookieHeader in request.ts. */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
// Touching last_seen on every request would write on every proxied call.
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface SessionInfo {
  user: User;
  idHash: string;
}

export async function createSession(userId: string, meta: { userAgent?: string | null; ip?: string | null }) {
  const db = await getDb();
  const id = randomToken(32);
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.query(
    "insert into sessions (id_hash, user_id, expires_at, user_agent, ip) values ($1, $2, $3, $4, $5)",
    [keyedHash(id), userId, expiresAt, meta.userAgent?.slice(0, 300) ?? null, meta.ip ?? null],
  );
  return { id, expiresAt };
}

/** A session joined with its user's public columns. */
interface Row extends PublicUserRow {
  id_hash: string;
  last_seen_at: Date;
}

export async function resolveSession(id: string | undefined): Promise<SessionInfo | null> {
  if (!id || id.length > 100) return null;
  const db = await getDb();
  const idHash = keyedHash(id);
  const [row] = await db.query<Row>(
    `select s.id_hash, s.last_seen_at, u.id, u.email, u.name, u.role, u.disabled_at, u.created_at
       from sessions s join users u on u.id = s.user_id
      where s.id_hash = $1 and s.revoked_at is null and s.expires_at > now() and u.disabled_at is null`,
    [idHash],
  );
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    void db.query("update sessions set last_seen_at = now() where id_hash = $1", [idHash]).catch(() => {});
  }
  return { idHash, user: toUser(row) };
}

export async function revokeSession(id: string): Promise<void> {
  const db = await getDb();
  await db.query("update sessions set revoked_at = now() where id_hash = $1 and revoked_at is null", [
    keyedHash(id),
  ]);
  await invalidateAuthCache();
}
