import { deleteConversation } from "@/lib/server/assistants";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; conv: string }> };

/** Deletes the conversation upstream and drops it from the index. */
export const DELETE = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const params = await ctx.params;
  const id = checkId(params.id, "assistant");
  const conv = checkId(params.conv, "conversation", "conv");
  await deleteConversation(p.user, id, conv);
  return json({ id: conv, deleted: true });
});
