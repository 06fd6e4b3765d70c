import { updatePresetSchema } from "@/lib/schemas";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, parseBody, route } from "@/lib/server/http";
import { deletePreset, PRESET_BODY_MAX_BYTES, updatePreset } from "@/lib/server/presets";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "preset");
  const body = await parseBody(req, updatePresetSchema, { maxBytes: PRESET_BODY_MAX_BYTES });
  return json({ preset: await updatePreset(p.user.id, id, body) });
});

export const DELETE = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "preset");
  await deletePreset(p.user.id, id);
  return json({ id, deleted: true });
});
