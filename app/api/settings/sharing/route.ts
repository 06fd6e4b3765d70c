import { sharingSettingsSchema } from "@/lib/schemas";
import { requireAdmin, requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";
import { getSharingSettings, setPublicShareLinks } from "@/lib/server/settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  await requirePrincipal(req);
  return json(await getSharingSettings());
});

export const PUT = route(async (req) => {
  await requireAdmin(req);
  const body = await parseBody(req, sharingSettingsSchema);
  await setPublicShareLinks(body.public_share_links);
  return json(await getSharingSettings());
});
