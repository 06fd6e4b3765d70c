import { getVersion, versionParam } from "@/lib/server/assistants";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; n: string }> };

export const GET = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const params = await ctx.params;
  const id = checkId(params.id, "assistant");
  return json(await getVersion(p.user, id, versionParam(params.n, "version")));
});
