import { z } from "zod";
import { IMAGE_VISIBILITIES } from "@/lib/images/schema";
import { requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, parseBody, route } from "@/lib/server/http";
import { deleteImage, getImage, setVisibility } from "@/lib/server/images";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const visibilitySchema = z.object({ visibility: z.enum(IMAGE_VISIBILITIES) });

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "image");
  return json({ image: await getImage(p.user.id, id) });
});

/** Changes who sees the image (its owner only). */
export const PATCH = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "image");
  const body = await parseBody(req, visibilitySchema);
  return json({ image: await setVisibility(p.user.id, id, body.visibility) });
});

export const DELETE = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "image");
  await deleteImage(p.user, id);
  return json({ id, deleted: true });
});
