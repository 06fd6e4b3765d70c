import { assertSameOrigin, readSessionCookie, sessionCookieHeader } from "@/lib/server/auth/request";
import { revokeSession } from "@/lib/server/auth/sessions";
import { route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(async (req) => {
  assertSameOrigin(req);
  const id = readSessionCookie(req);
  if (id) await revokeSession(id);
  return new Response(null, { status: 204, headers: { "set-cookie": sessionCookieHeader(req, null) } });
});
