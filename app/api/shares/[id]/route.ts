import { errors } from "@/lib/errors";
import { authenticate, requirePrincipal } from "@/lib/server/auth/request";
import { checkId, json, route } from "@/lib/server/http";
import { getShare, revokeShare } from "@/lib/server/shares";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Signing in is optional here: public shares open without a session when an admin allows it. */
export const GET = route(async (req, ctx: Ctx) => {
  const p = await authenticate(req);
  // A bad bearer is an error to report, not a reason to treat the caller as signed out.
  if (!p && req.headers.get("authorization")) {
    throw errors.unauthenticated("Invalid, expired or revoked personal access token.");
  }
  const id = checkId((await ctx.params).id, "share");
  const share = await getShare(id, p ? p.user : null);
  return json(
    { share },
    { headers: { "x-robots-tag": "noindex, nofollow", "referrer-policy": "no-referrer" } },
  );
});

export const DELETE = route(async (req, ctx: Ctx) => {
  const p = await requirePrincipal(req);
  const id = checkId((await ctx.params).id, "share");
  return json({ share: await revokeShare(id, p.user.id) });
});
