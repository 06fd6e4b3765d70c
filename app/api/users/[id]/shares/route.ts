import { requireAdmin } from "@/lib/server/auth/request";
import { getUserOrThrow } from "@/lib/server/auth/users";
import { checkId, json, route } from "@/lib/server/http";
import { listShares, revokeAllShares } from "@/lib/server/shares";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** An admin's view of the share links one user created (without their snapshots). */
export const GET = route(async (req, ctx: Ctx) => {
  await requireAdmin(req);
  const user = await getUserOrThrow(checkId((await ctx.params).id, "user"));
  return json({ data: await listShares(user.id) });
});

/** Revokes every live link of the user: "Revoke all". */
export const DELETE = route(async (req, ctx: Ctx) => {
  await requireAdmin(req);
  const user = await getUserOrThrow(checkId((await ctx.params).id, "user"));
  return json({ revoked: await revokeAllShares(user.id) });
});
