import { modelOverridesSchema } from "@/lib/models/schema";
import { requireAdmin, requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";
import { getModelOverrides, setModelOverrides } from "@/lib/server/settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The schema's worst case, 500 overrides with every field at its longest, is about 450 KB.
const OVERRIDES_BODY_MAX_BYTES = 512 * 1024;

/** Every signed-in user reads the overrides (the playground applies them); only admins change them. */
export const GET = route(async (req) => {
  await requirePrincipal(req);
  return json({ overrides: await getModelOverrides() });
});

export const PUT = route(async (req) => {
  await requireAdmin(req);
  const body = await parseBody(req, modelOverridesSchema, { maxBytes: OVERRIDES_BODY_MAX_BYTES });
  await setModelOverrides(body);
  return json({ overrides: await getModelOverrides() });
});
