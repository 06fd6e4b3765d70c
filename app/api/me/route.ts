import { requirePrincipal } from "@/lib/server/auth/request";
import { json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  return json({ user: p.user, via: p.via });
});
