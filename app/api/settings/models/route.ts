import { modelOverridesSchema } from "@/lib/schemas";
import { requireAdmin, requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";
import { getModelOverrides, setModelOverrides } from "@/lib/server/settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every signed-in user reads the overrides (the playground applies them); only admins change them. */
export const GET = route(async (req) => {
  await requirePrincipal(req);
  return json({ overrides: await getModelOverrides() });
});

export const PUT = route(async (req) => {
  await requireAdmin(req);
  const body = await parseBody(req, modelOverridesSchema);
  await setModelOverrides(body);
  return json({ overrides: await getModelOverrides() });
});
