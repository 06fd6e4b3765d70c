import { createShareSchema } from "@/lib/schemas";
import { requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";
import { createShare, listShares } from "@/lib/server/shares";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  return json({ data: await listShares(p.user.id) });
});

export const POST = route(async (req) => {
  const p = await requirePrincipal(req);
  const body = await parseBody(req, createShareSchema);
  return json({ share: await createShare(p.user.id, body) }, { status: 201 });
});
