import { setupSchema } from "@/lib/schemas";
import { assertSameOrigin, clientIp, sessionCookieHeader } from "@/lib/server/auth/request";
import { createSession } from "@/lib/server/auth/sessions";
import { completeSetup } from "@/lib/server/auth/setup";
import { json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(async (req) => {
  assertSameOrigin(req);
  const body = await parseBody(req, setupSchema);
  const user = await completeSetup(body);
  console.log(`[setup] first admin created: ${user.email}`);
  const session = await createSession(user.id, {
    userAgent: req.headers.get("user-agent"),
    ip: clientIp(req),
  });
  return json({ user }, { headers: { "set-cookie": sessionCookieHeader(req, session.id) } });
});
