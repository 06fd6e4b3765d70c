import { requireAdmin } from "@/lib/server/auth/request";
import { checkId, json, route } from "@/lib/server/http";
import { revokeShareById } from "@/lib/server/shares";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Revokes one of the user's links; a link of someone else is a 404 here. */
export const DELETE = route(async (req, ctx: { params: Promise<{ id: string; shareId: string }> }) => {
  await requireAdmin(req);
  const { id, shareId } = await ctx.params;
  return json({
    share: await revokeShareById(checkId(shareId, "share link", "shareId"), checkId(id, "user")),
  });
});
