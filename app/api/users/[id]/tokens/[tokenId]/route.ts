import { requireAdmin } from "@/lib/server/auth/request";
import { revokeToken } from "@/lib/server/auth/tokens";
import { checkId, json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Revokes one of the user's tokens; a token of someone else is a 404 here. */
export const DELETE = route(async (req, ctx: { params: Promise<{ id: string; tokenId: string }> }) => {
  await requireAdmin(req);
  const { id, tokenId } = await ctx.params;
  return json({ info: await revokeToken(checkId(id, "user"), checkId(tokenId, "token", "tokenId")) });
});
