import "server-only";
import type * as z from "zod/mini";
import type { BudgetEntry, Headroom, LimitSettings, LimitSubject } from "@/lib/budgets/types";
import { EMPTY_LIMITS } from "@/lib/budgets/types";
import { errors } from "@/lib/errors";
import { getUser } from "./auth/users";
import { headroomFor, listBudgets, setLimits } from "./budgets";
import { getDb } from "./db";

/**
 * The admin's side of budgets for the `/api/budgets` routes and the ops CLI (docs/budgets-ui.md):
 * subjects are checked to exist before settings are stored, and each entry carries its current use.
 */

/** The user a subject's limits count against; 404 when the user or token does not exist. */
export async function subjectOwner(
  subject: LimitSubject,
): Promise<{ userId: string; tokenId: string | null } | null> {
  if (subject.kind === "team" || !subject.id) return null;
  if (subject.kind === "user") {
    if (!(await getUser(subject.id))) throw errors.notFound(`No user with id ${subject.id}.`);
    return { userId: subject.id, tokenId: null };
  }
  const db = await getDb();
  const [row] = await db.query<{ user_id: string }>("select user_id from tokens where id = $1", [subject.id]);
  if (!row) throw errors.notFound(`No token with id ${subject.id}.`);
  return { userId: row.user_id, tokenId: subject.id };
}

const sameSubject = (a: LimitSubject, b: LimitSubject) =>
  a.kind === b.kind && (a.id ?? null) === (b.id ?? null);

/** Every subject with settings, each with its own limits' use now (the team's use is per person, so none). */
export async function budgetsWithUse(): Promise<BudgetEntry[]> {
  const entries = await listBudgets();
  return Promise.all(
    entries.map(async (e) => {
      const owner = await subjectOwner(e.subject).catch(() => null);
      if (!owner) return e;
      const room = await headroomFor(owner.userId, owner.tokenId);
      return { ...e, usage: room.limits.filter((l) => sameSubject(l.subject, e.subject)) };
    }),
  );
}

export async function putLimits(
  subject: LimitSubject,
  settings: LimitSettings,
  by: string | null,
): Promise<void> {
  await subjectOwner(subject);
  await setLimits(subject, settings, by);
}

/** Clearing a subject: a user or token inherits the team default again; the team has no limits. */
export async function clearLimits(subject: LimitSubject, by: string | null): Promise<void> {
  await putLimits(subject, EMPTY_LIMITS, by);
}

/** A value through one of the budget schemas (zod/mini, shared with the browser), or a 400 naming the field. */
export function checkBudgetInput<S extends z.ZodMiniType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const at = issue?.path.join(".") ?? "";
  throw errors.badRequest(`${at ? `${at}: ` : ""}${issue?.message ?? "Invalid input."}`, at || null);
}

/**
 * A person's own view. Through a token: that token's. Signed in: their account's limits, and below
 * them each of their live tokens' own, so a script's budget is visible to the person who runs it.
 */
export async function myHeadroom(userId: string, tokenId: string | null): Promise<Headroom> {
  const room = await headroomFor(userId, tokenId);
  if (tokenId) return room;
  const db = await getDb();
  const tokens = await db.query<{ id: string; name: string }>(
    `select t.id, t.name from tokens t join budget_limits l on l.kind = 'token' and l.subject_id = t.id
      where t.user_id = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
      order by t.name`,
    [userId],
  );
  for (const t of tokens) {
    const theirs = await headroomFor(userId, t.id);
    const own = theirs.limits.filter((l) => l.subject.kind === "token");
    room.limits.push(...own.map((l) => ({ ...l, label: t.name })));
    room.tokens ??= [];
    room.tokens.push({
      id: t.id,
      name: t.name,
      models: theirs.models,
      expiresAt: theirs.expiresAt,
      softPercent: own[0]?.softPercent ?? theirs.softPercent,
    });
  }
  return room;
}
