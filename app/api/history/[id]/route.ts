import { requirePrincipal } from "@/lib/server/auth/request";
import { deleteRun, getRun } from "@/lib/server/history";
import { checkId, json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "run");
  return json({ run: await getRun(p.user.id, id) });
});

export const DELETE = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "run");
  await deleteRun(p.user.id, id);
  return json({ id, deleted: true });
});
