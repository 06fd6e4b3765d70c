import { requirePrincipal } from "@/lib/server/auth/request";
import { dismissNotice } from "@/lib/server/budgets";
import { checkId, json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Dismisses one of the caller's own notices; another person's is not found. */
export const POST = route(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "notice");
  await dismissNotice(p.user.id, id);
  return json({ id, dismissed: true });
});
