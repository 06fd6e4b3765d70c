import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, route } from "@/lib/server/http";
import { getLineage } from "@/lib/server/images";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Parents and mask (null where deleted or not visible to the caller) and the children the caller can see. */
export const GET = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "image");
  return json(await getLineage(p.user.id, id));
});
