import { updateUserSchema } from "@/lib/schemas";
import { requireAdmin } from "@/lib/server/auth/request";
import { updateUser } from "@/lib/server/auth/users";
import { json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = route(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const admin = await requireAdmin(req);
  const { id } = await ctx.params;
  const body = await parseBody(req, updateUserSchema);
  return json({ user: await updateUser(id, body, admin.user.id) });
});
