import { requirePrincipal } from "@/lib/server/auth/request";
import { headroomFor } from "@/lib/server/budgets";
import { json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Anyone: their own limits and headroom; called with a token, what that token may still spend. */
export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  return json(await headroomFor(p.user.id, p.tokenId));
});
