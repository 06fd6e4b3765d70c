import { z } from "zod";
import { addConversation, listConversations } from "@/lib/server/assistants";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

const bodySchema = z.object({ conversationId: z.string(), title: z.string().max(2000) });

/** The caller's own conversations with this assistant, most recent first. */
export const GET = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "assistant");
  return json(await listConversations(p.user, id));
});

/** Indexes a conversation the test chat created (`POST /v1/conversations`), before its first turn. */
export const POST = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "assistant");
  const body = await parseBody(req, bodySchema);
  const conv = checkId(body.conversationId, "conversation", "conversationId");
  return json(await addConversation(p.user, id, conv, body.title), { status: 201 });
});
