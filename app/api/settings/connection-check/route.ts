import { requirePrincipal } from "@/lib/server/auth/request";
import { json, route } from "@/lib/server/http";
import { checkConnection } from "@/lib/server/upstream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(async (req) => {
  await requirePrincipal(req);
  return json(await checkConnection());
});
