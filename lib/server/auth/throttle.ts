import "server-only";
import { ApiError } from "@/lib/errors";
import { getDb } from "../db";

/**
 * Failed sign-ins are counted per email and per client address in the database, so the limit holds
 * across restarts and instances. A success clears the email's count.
 */
const WINDOW_MS = 15 * 60 * 1000;
const LIMITS = { email: 5, ip: 30 } as const;

type Kind = keyof typeof LIMITS;

function keys(email: string, ip: string | null): [Kind, string][] {
  const k: [Kind, string][] = [["email", `email:${email}`]];
  if (ip) k.push(["ip", `ip:${ip}`]);
  return k;
}

export async function assertNotThrottled(email: string, ip: string | null): Promise<void> {
  const db = await getDb();
  for (const [, key] of keys(email, ip)) {
    const [row] = await db.query<{ locked_until: Date | null }>(
      "select locked_until from sign_in_throttle where key = $1 and locked_until > now()",
      [key],
    );
    if (row?.locked_until) {
      const seconds = Math.max(1, Math.ceil((new Date(row.locked_until).getTime() - Date.now()) / 1000));
      throw new ApiError({
        type: "rate_limit_error",
        code: "sign_in_throttled",
        message: `Too many failed sign-in attempts. Try again in ${formatWait(seconds)}, or ask an admin to reset your password.`,
        headers: { "retry-after": String(seconds) },
      });
    }
  }
}

export async function recordFailure(email: string, ip: string | null): Promise<void> {
  const db = await getDb();
  for (const [kind, key] of keys(email, ip)) {
    await db.query(
      `insert into sign_in_throttle (key, failures, window_started_at) values ($1, 1, now())
       on conflict (key) do update set
         failures = case when sign_in_throttle.window_started_at < now() - $2::interval then 1 else sign_in_throttle.failures + 1 end,
         window_started_at = case when sign_in_throttle.window_started_at < now() - $2::interval then now() else sign_in_throttle.window_started_at end`,
      [key, `${WINDOW_MS} milliseconds`],
    );
    await db.query(
      "update sign_in_throttle set locked_until = now() + $2::interval, failures = 0, window_started_at = now() where key = $1 and failures >= $3",
      [key, `${WINDOW_MS} milliseconds`, LIMITS[kind]],
    );
  }
}

export async function clearFailures(email: string): Promise<void> {
  const db = await getDb();
  await db.query("delete from sign_in_throttle where key = $1", [`email:${email}`]);
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
