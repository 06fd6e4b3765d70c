import { ApiError } from "@/lib/errors";
import { signInSchema } from "@/lib/schemas";
import { burnPasswordCheck, verifyPassword } from "@/lib/server/auth/passwords";
import { assertSameOrigin, clientIp, sessionCookieHeader } from "@/lib/server/auth/request";
import { createSession } from "@/lib/server/auth/sessions";
import {
  assertNotThrottled,
  recordFailure,
  recordSuccess,
  withAttemptSlot,
} from "@/lib/server/auth/throttle";
import { findUserForSignIn, normaliseEmail } from "@/lib/server/auth/users";
import { json, parseBody, route } from "@/lib/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const invalid = () =>
  new ApiError({
    type: "authentication_error",
    code: "invalid_credentials",
    message: "Wrong email or password.",
  });

export const POST = route(async (req) => {
  assertSameOrigin(req);
  const body = await parseBody(req, signInSchema);
  const email = normaliseEmail(body.email);
  const ip = clientIp(req);
  const user = await withAttemptSlot(ip, async () => {
    await assertNotThrottled(email, ip);
    const found = await findUserForSignIn(email);
    if (!found) await burnPasswordCheck(body.password);
    if (!found || !(await verifyPassword(found.passwordHash, body.password))) {
      await recordFailure(email, ip);
      throw invalid();
    }
    return found;
  });
  if (user.disabledAt) {
    throw new ApiError({
      type: "permission_error",
      code: "user_disabled",
      message: "This account is disabled. Ask an admin to re-enable it.",
    });
  }
  await recordSuccess(email, ip);
  const session = await createSession(user.id, { userAgent: req.headers.get("user-agent"), ip });
  const { passwordHash: _, ...dto } = user;
  return json({ user: dto }, { headers: { "set-cookie": sessionCookieHeader(req, session.id) } });
});
