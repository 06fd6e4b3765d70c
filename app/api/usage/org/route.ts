import { requireAdmin } from "@/lib/server/auth/request";
import { json, route } from "@/lib/server/http";
import { orgUsageReport } from "@/lib/server/org-usage";
import { parseUsageQuery } from "@/lib/server/usage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Admins: the ledger beside the OpenAI Usage and Costs APIs (`?from&to&bucket`). */
export const GET = route(async (req) => {
  const { user } = await requireAdmin(req);
  const q = parseUsageQuery(new URL(req.url).searchParams);
  return json(await orgUsageReport(user, { from: q.from, to: q.to, bucket: q.bucket }));
});
