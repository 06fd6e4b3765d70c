import { requirePrincipal } from "@/lib/server/auth/request";
import { json, route } from "@/lib/server/http";
import { limitsReport } from "@/lib/server/limits-report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const { user } = await requirePrincipal(req);
  const only = new URL(req.url).searchParams.get("only");
  return json(await limitsReport(user, { rateLimitsOnly: only === "rate_limits" }));
});
