import { exportAssistant } from "@/lib/server/assistants";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Every version as a `benchtop.assistant` file (MCP header values never leave the server). */
export const GET = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "assistant");
  return json(await exportAssistant(p.user, id), {
    headers: { "content-disposition": `attachment; filename="${id}.json"` },
  });
});
