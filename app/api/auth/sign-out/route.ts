import { assertSameOrigin, readCookie, sessionCookieHeader } from "@/lib/server/auth/request";
import { revokeSession, SESSION_COOKIE } from "@/lib/server/auth/sessions";
import { route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(async (req) => {
  assertSameOrigin(req);
  const id = readCookie(req, SESSION_COOKIE);
  if (id) await revokeSession(id);
  return new Response(null, { status: 204, headers: { "set-cookie": sessionCookieHeader(req, null) } });
});
