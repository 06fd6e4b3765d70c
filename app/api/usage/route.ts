import { requirePrincipal } from "@/lib/server/auth/request";
import { json, route } from "@/lib/server/http";
import { parseUsageQuery, usageReport } from "@/lib/server/usage";
import { usageCsv } from "@/lib/usage/csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const { user } = await requirePrincipal(req);
  const { format, ...query } = parseUsageQuery(new URL(req.url).searchParams);
  const report = await usageReport(user, query);
  if (format !== "csv") return json(report);
  const day = (iso: string) => iso.slice(0, 10);
  return new Response(usageCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="usage-${day(query.from)}-${day(query.to)}-${query.group}.csv"`,
      "cache-control": "no-store",
    },
  });
});
