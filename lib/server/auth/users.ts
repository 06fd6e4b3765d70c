import "server-only";
import { ApiError, errors } from "@/lib/errors";
import { emailSchema } from "@/lib/schemas";
import type { Role, UserDto as User } from "@/lib/types";
import { getConfig } from "../config";
import { getDb, type Queryable } from "../db";
import { revokeAllShares } from "../shares";
import { invalidateAuthCache } from "./cache";
import { randomId } from "./crypto";
import { hashPassword, passwordProblem } from "./passwords";
import { unlockAccount } from "./throttle";
import { revokeAllTokens } from "./tokens";

export type { Role, UserDto as User } from "@/lib/types";

/** A users row without its password hash: what joins from sessions and tokens select. */
export interface PublicUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled_at: Date | null;
  created_at: Date;
}

interface UserRow extends PublicUserRow {
  password_hash: string;
}

export function toUser(r: PublicUserRow): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

const COLUMNS = "id, email, name, role, disabled_at, created_at";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserForSignIn(email: string): Promise<(User & { passwordHash: string }) | null> {
  const db = await getDb();
  const [row] = await db.query<UserRow>(`select ${COLUMNS}, password_hash from users where email = $1`, [
    normaliseEmail(email),
  ]);
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function getUser(id: string, q?: Queryable): Promise<User | null> {
  const db = q ?? (await getDb());
  const [row] = await db.query<UserRow>(`select ${COLUMNS} from users where id = $1`, [id]);
  return row ? toUser(row) : null;
}

/** The user an admin route names in its path, or a 404 that says so. */
export async function getUserOrThrow(id: string): Promise<User> {
  const user = await getUser(id);
  if (!user) throw errors.notFound(`No user with id ${id}.`);
  return user;
}

export async function listUsers(): Promise<User[]> {
  const db = await getDb();
  return (await db.query<UserRow>(`select ${COLUMNS} from users order by created_at, email`)).map(toUser);
}

export async function countUsers(): Promise<number> {
  const db = await getDb();
  const [row] = await db.query<{ n: number }>("select count(*)::int as n from users");
  return row?.n ?? 0;
}

export interface NewUser {
  email: string;
  name?: string;
  password: string;
  role: Role;
}

export async function createUser(input: NewUser, q?: Queryable): Promise<User> {
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) throw errors.badRequest(parsed.error.issues[0]?.message ?? "Invalid email.", "email");
  const email = normaliseEmail(parsed.data);
  const problem = passwordProblem(input.password);
  if (problem) throw errors.badRequest(problem, "password");
  const db = q ?? (await getDb());
  const passwordHash = await hashPassword(input.password);
  const rows = await db.query<UserRow>(
    `insert into users (id, email, name, password_hash, role) values ($1, $2, $3, $4, $5)
     on conflict (email) do nothing returning ${COLUMNS}`,
    [randomId("usr"), email, input.name?.trim() ?? "", passwordHash, input.role],
  );
  const row = rows[0];
  if (!row) {
    throw new ApiError({
      type: "conflict_error",
      message: `A user with the email ${email} already exists.`,
      param: "email",
      code: "email_taken",
    });
  }
  return toUser(row);
}

export interface UserPatch {
  name?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
}

export async function updateUser(id: string, patch: UserPatch, actorId?: string): Promise<User> {
  const db = await getDb();
  const updated = await db.transaction(async (tx) => {
    const current = await getUser(id, tx);
    if (!current) throw errors.notFound(`No user with id ${id}.`);
    if (actorId === id && (patch.disabled === true || patch.role === "member")) {
      throw errors.badRequest(
        "You cannot disable or demote yourself; ask another admin.",
        null,
        "self_lockout",
      );
    }
    const losesAdmin = current.role === "admin" && (patch.role === "member" || patch.disabled === true);
    if (losesAdmin) {
      const [row] = await tx.query<{ n: number }>(
        "select count(*)::int as n from users where role = 'admin' and disabled_at is null and id <> $1",
        [id],
      );
      if (!row?.n) throw errors.badRequest("At least one active admin must remain.", "role", "last_admin");
    }
    if (patch.name !== undefined)
      await tx.query("update users set name = $2 where id = $1", [id, patch.name.trim()]);
    if (patch.role) await tx.query("update users set role = $2 where id = $1", [id, patch.role]);
    if (patch.disabled !== undefined) {
      await tx.query(
        "update users set disabled_at = case when $2::boolean then coalesce(disabled_at, now()) else null end where id = $1",
        [id, patch.disabled],
      );
      // A disabled user is signed out everywhere at once, and loses their tokens and share links
      // for good: re-enabling them later must not bring back what a leaver left behind.
      if (patch.disabled) {
        await tx.query("update sessions set revoked_at = now() where user_id = $1 and revoked_at is null", [
          id,
        ]);
        await revokeAllTokens(id, tx);
        await revokeAllShares(id, tx);
      }
    }
    if (patch.password !== undefined) {
      const problem = passwordProblem(patch.password);
      if (problem) throw errors.badRequest(problem, "password");
      await tx.query("update users set password_hash = $2 where id = $1", [
        id,
        await hashPassword(patch.password),
      ]);
      // A reset password ends existing sessions (but not tokens, which scripts depend on).
      await tx.query("update sessions set revoked_at = now() where user_id = $1 and revoked_at is null", [
        id,
      ]);
      // The owner must be able to use the new password at once, from wherever they were throttled.
      await unlockAccount(current.email, tx);
    }
    await tx.query("update users set updated_at = now() where id = $1", [id]);
    const after = await getUser(id, tx);
    if (!after) throw errors.notFound(`No user with id ${id}.`);
    return after;
  });
  // Roles, disabling and password resets must reach the proxy's credential cache at once.
  await invalidateAuthCache();
  return updated;
}

/** CONSOLE_ADMIN_EMAIL/PASSWORD create the first admin on an empty database; never overwrite an existing user. */
export async function ensureBootstrapAdmin(): Promise<User | null> {
  const admin = getConfig().admin;
  if (!admin) return null;
  if ((await countUsers()) > 0) return null;
  try {
    return await createUser({ email: admin.email, password: admin.password, role: "admin", name: "Admin" });
  } catch (e) {
    if (e instanceof ApiError && e.code === "email_taken") return null;
    throw e;
  }
}
