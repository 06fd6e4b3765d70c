import { createTokenSchema } from "@/lib/schemas";
import { requirePrincipal } from "@/lib/server/auth/request";
import { createToken, listTokens } from "@/lib/server/auth/tokens";
import { json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const p = await requirePrincipal(req);
  return json({ data: await listTokens(p.user.id) });
});

export const POST = route(async (req) => {
  const p = await requirePrincipal(req);
  const body = await parseBody(req, createTokenSchema);
  const created = await createToken(p.user.id, {
    name: body.name,
    expiresAt: body.expires_at ? new Date(body.expires_at) : null,
  });
  return json(created, { status: 201 });
});
