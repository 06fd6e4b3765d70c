import { z } from "zod";
import { limitSubjectSchema, putBudgetSchema } from "@/lib/budgets/schema";
import { requireAdmin } from "@/lib/server/auth/request";
import { budgetsWithUse, checkBudgetInput, clearLimits, putLimits } from "@/lib/server/budget-admin";
import { json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Admins: every subject with settings (team defaults, users, tokens), labelled, with current use. */
export const GET = route(async (req) => {
  await requireAdmin(req);
  return json({ data: await budgetsWithUse() });
});

/** Admins: a subject's settings, replaced whole. */
export const PUT = route(async (req) => {
  const p = await requireAdmin(req);
  const { subject, settings } = checkBudgetInput(putBudgetSchema, await parseBody(req, z.unknown()));
  await putLimits(subject, settings, p.user.id);
  return json({ subject, settings });
});

/** Admins: `?kind=user&id=…` back to the team default (`?kind=team`: no team default). */
export const DELETE = route(async (req) => {
  const p = await requireAdmin(req);
  const q = new URL(req.url).searchParams;
  const subject = checkBudgetInput(limitSubjectSchema, { kind: q.get("kind"), id: q.get("id") });
  await clearLimits(subject, p.user.id);
  return json({ subject, cleared: true });
});
