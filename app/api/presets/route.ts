import { createPresetSchema } from "@/lib/schemas";
import { requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";
import { createPreset, listPresets, PRESET_BODY_MAX_BYTES } from "@/lib/server/presets";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  const kind = new URL(req.url).searchParams.get("kind") ?? "playground";
  return json({ data: await listPresets(p.user.id, kind) });
});

export const POST = route(async (req) => {
  const p = await requirePrincipal(req);
  const body = await parseBody(req, createPresetSchema, { maxBytes: PRESET_BODY_MAX_BYTES });
  return json({ preset: await createPreset(p.user.id, body) }, { status: 201 });
});
