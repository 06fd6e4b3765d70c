import { requirePrincipal } from "@/lib/server/auth/request";
import { noticesFor } from "@/lib/server/budgets";
import { json, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The caller's undismissed notices (a soft threshold crossed, a limit hit). */
export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  return json({ data: await noticesFor(p.user.id) });
});
