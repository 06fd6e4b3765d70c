import { createShareSchema } from "@/lib/schemas";
import { requirePrincipal } from "@/lib/server/auth/request";
import { json, parseBody, route } from "@/lib/server/http";
import { createShare, listShares, SHARE_SNAPSHOT_MAX_BYTES } from "@/lib/server/shares";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The snapshot's own cap is checked after parsing; this leaves room for the title and JSON framing.
const SHARE_BODY_MAX_BYTES = SHARE_SNAPSHOT_MAX_BYTES + 64 * 1024;

export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  return json({ data: await listShares(p.user.id) });
});

export const POST = route(async (req) => {
  const p = await requirePrincipal(req);
  const body = await parseBody(req, createShareSchema, { maxBytes: SHARE_BODY_MAX_BYTES });
  return json({ share: await createShare(p.user.id, body) }, { status: 201 });
});
