import { updatePresetSchema } from "@/lib/schemas";
import { requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";
import { deletePreset, updatePreset } from "@/lib/server/presets";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const { id } = await ctx.params;
  const body = await parseBody(req, updatePresetSchema);
  return json({ preset: await updatePreset(p.user.id, id, body) });
});

export const DELETE = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const { id } = await ctx.params;
  await deletePreset(p.user.id, id);
  return json({ id, deleted: true });
});
