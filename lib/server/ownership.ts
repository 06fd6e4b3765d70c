import "server-only";
import { errors } from "@/lib/errors";
import {
  DEFAULT_OWNERSHIP_POLICY,
  OWNERSHIP_POLICIES,
  type OwnedKind,
  type Owner,
  type Ownership,
  type OwnershipPolicy,
  type OwnershipTarget,
  refusal,
} from "@/lib/ownership";
import type { User } from "./auth/users";
import { getDb } from "./db";
import { getSetting, setSetting } from "./settings";

/**
 * Owners of the files, vector stores and fine-tuning jobs created through Benchtop, and the team's rule for who may
 * delete or change them (docs/ownership.md). The proxy records an owner when it sees a create call
 * succeed and checks the rule before it forwards a delete or a change.
 */

const POLICY = "ownership_policy";

export async function getOwnershipPolicy(): Promise<OwnershipPolicy> {
  const v = await getSetting<unknown>(POLICY, DEFAULT_OWNERSHIP_POLICY);
  return (OWNERSHIP_POLICIES as readonly unknown[]).includes(v)
    ? (v as OwnershipPolicy)
    : DEFAULT_OWNERSHIP_POLICY;
}

export async function setOwnershipPolicy(policy: OwnershipPolicy): Promise<void> {
  await setSetting(POLICY, policy);
}

/** The first creator wins: a replayed create response cannot move an object to someone else. */
export async function recordOwner(kind: OwnedKind, objectId: string, userId: string): Promise<void> {
  const db = await getDb();
  await db.query(
    "insert into owners (kind, object_id, user_id) values ($1, $2, $3) on conflict (kind, object_id) do nothing",
    [kind, objectId, userId],
  );
}

export async function ownersOf(kind: OwnedKind, objectIds: string[]): Promise<Record<string, Owner>> {
  const ids = [...new Set(objectIds)].slice(0, 1000);
  if (!ids.length) return {};
  const db = await getDb();
  const rows = await db.query<{ object_id: string; user_id: string; name: string; email: string }>(
    `select o.object_id, u.id as user_id, u.name, u.email
       from owners o join users u on u.id = o.user_id
      where o.kind = $1 and o.object_id = any($2::text[])`,
    [kind, ids],
  );
  return Object.fromEntries(
    rows.map((r) => [r.object_id, { userId: r.user_id, name: r.name, email: r.email }]),
  );
}

/** Each object's owner and whether `user` may delete or change it, for the pages. */
export async function ownershipFor(
  user: User,
  kind: OwnedKind,
  objectIds: string[],
): Promise<Record<string, Ownership>> {
  const [owners, policy] = await Promise.all([ownersOf(kind, objectIds), getOwnershipPolicy()]);
  return Object.fromEntries(
    objectIds.map((id) => {
      const owner = owners[id] ?? null;
      // What the pages offer: deleting files and stores, cancelling/pausing/resuming jobs.
      const reason = refusal(user, owner, policy, kind, kind === "fine_tuning_job" ? "change" : "delete");
      return [id, { owner, allowed: reason === null, reason }];
    }),
  );
}

/** Throws the 403 the proxy answers with when `user` may not do this to the object. */
export async function assertMayChange(user: User, target: OwnershipTarget): Promise<void> {
  // Admins pass without a database read.
  if (user.role === "admin") return;
  const [owners, policy] = await Promise.all([ownersOf(target.kind, [target.id]), getOwnershipPolicy()]);
  const reason = refusal(user, owners[target.id] ?? null, policy, target.kind, target.action);
  if (reason) throw errors.forbidden(reason, "not_owner");
}
