import { requirePrincipal } from "@/lib/server/auth/request";
import { revokeToken } from "@/lib/server/auth/tokens";
import { checkId, json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const DELETE = route(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "token");
  return json({ info: await revokeToken(p.user.id, id) });
});
