import { errors } from "@/lib/errors";
import { createPresetSchema, presetKindSchema } from "@/lib/schemas";
import { requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";
import { createPreset, listPresets, PRESET_BODY_MAX_BYTES } from "@/lib/server/presets";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  const kind = presetKindSchema.safeParse(new URL(req.url).searchParams.get("kind") ?? "playground");
  if (!kind.success) throw errors.badRequest("kind must be one of: playground.", "kind");
  return json({ data: await listPresets(p.user.id, kind.data) });
});

export const POST = route(async (req) => {
  const p = await requirePrincipal(req);
  const body = await parseBody(req, createPresetSchema, { maxBytes: PRESET_BODY_MAX_BYTES });
  return json({ preset: await createPreset(p.user.id, body) }, { status: 201 });
});
