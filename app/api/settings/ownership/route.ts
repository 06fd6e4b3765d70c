import { ownershipSettingsSchema } from "@/lib/schemas";
import { requireAdmin, requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";
import { getOwnershipPolicy, setOwnershipPolicy } from "@/lib/server/ownership";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  await requirePrincipal(req);
  return json({ policy: await getOwnershipPolicy() });
});

export const PUT = route(async (req) => {
  await requireAdmin(req);
  const body = await parseBody(req, ownershipSettingsSchema);
  await setOwnershipPolicy(body.policy);
  return json({ policy: await getOwnershipPolicy() });
});
