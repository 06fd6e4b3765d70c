import { requireAdmin } from "@/lib/server/auth/request";
import { listTokens, revokeAllTokens } from "@/lib/server/auth/tokens";
import { getUserOrThrow } from "@/lib/server/auth/users";
import { checkId, json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** An admin's view of one user's personal access tokens (never their secrets). */
export const GET = route(async (req, ctx: Ctx) => {
  await requireAdmin(req);
  const user = await getUserOrThrow(checkId((await ctx.params).id, "user"));
  return json({ data: await listTokens(user.id) });
});

/** Revokes every live token of the user: "Revoke all". */
export const DELETE = route(async (req, ctx: Ctx) => {
  await requireAdmin(req);
  const user = await getUserOrThrow(checkId((await ctx.params).id, "user"));
  return json({ revoked: await revokeAllTokens(user.id) });
});
