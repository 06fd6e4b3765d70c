import { historyRetentionSchema } from "@/lib/history/schema";
import { requireAdmin, requirePrincipal } from "@/lib/server/auth/request";
import { getRetentionDays, setRetentionDays } from "@/lib/server/history";
import { json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Everyone reads the retention (the history page says how long runs stay); admins change it. */
export const GET = route(async (req) => {
  await requirePrincipal(req);
  return json({ retentionDays: await getRetentionDays() });
});

/** 0 turns history off and deletes every stored run; the settings page asks before sending it. */
export const PUT = route(async (req) => {
  await requireAdmin(req);
  const body = await parseBody(req, historyRetentionSchema);
  await setRetentionDays(body.retention_days);
  return json({ retentionDays: await getRetentionDays() });
});
