import { z } from "zod";
import { requireAdmin, requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";
import { getImageSettings, setImageSettings } from "@/lib/server/images";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Everyone reads them (the gallery says how long images stay and how large they may be); admins change them. */
const settingsSchema = z.object({
  /** 0 keeps images for ever. */
  retention_days: z.number().int().min(0).max(3650),
  max_image_mb: z.number().min(1).max(200),
});

export const GET = route(async (req) => {
  await requirePrincipal(req);
  return json(await getImageSettings());
});

/** A shorter retention deletes every image past it at once; the settings page asks first. */
export const PUT = route(async (req) => {
  await requireAdmin(req);
  const body = await parseBody(req, settingsSchema);
  return json(await setImageSettings({ retentionDays: body.retention_days, maxImageMb: body.max_image_mb }));
});
