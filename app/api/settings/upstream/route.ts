import { requirePrincipal } from "@/lib/server/auth/request";
import { json, route } from "@/lib/server/http";
import { upstreamInfo } from "@/lib/server/upstream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  await requirePrincipal(req);
  return json(upstreamInfo());
});
