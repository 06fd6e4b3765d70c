import { assertVisible, conversationTurns } from "@/lib/server/assistants";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; conv: string }> };

/** The caller's calls in this conversation, as the ledger recorded them (usage, cost, latency, version). */
export const GET = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const params = await ctx.params;
  const id = checkId(params.id, "assistant");
  const conv = checkId(params.conv, "conversation", "conv");
  await assertVisible(p.user, id);
  return json(await conversationTurns(p.user, conv));
});
