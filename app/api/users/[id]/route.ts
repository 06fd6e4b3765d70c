import { updateUserSchema } from "@/lib/schemas";
import { requireAdmin } from "@/lib/server/auth/request";
import { updateUser } from "@/lib/server/auth/users";
import { checkId, json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = route(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const admin = await requireAdmin(req);
  const id = checkId((await ctx.params).id, "user");
  const body = await parseBody(req, updateUserSchema);
  return json({ user: await updateUser(id, body, admin.user.id) });
});
