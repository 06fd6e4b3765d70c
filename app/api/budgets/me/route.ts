import { requirePrincipal } from "@/lib/server/auth/request";
import { myHeadroom } from "@/lib/server/budget-admin";
import { json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Anyone: their own limits and headroom (their tokens' too); called with a token, that token's view. */
export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  return json(await myHeadroom(p.user.id, p.tokenId));
});
