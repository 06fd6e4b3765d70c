import { z } from "zod";
import { duplicateAssistant } from "@/lib/server/assistants";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

const bodySchema = z.object({ version: z.number().int().positive().optional() });

/** A new assistant owned by the caller from one version (default the latest). */
export const POST = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "assistant");
  const body = await parseBody(req, bodySchema);
  return json(await duplicateAssistant(p.user, id, body.version), { status: 201 });
});
