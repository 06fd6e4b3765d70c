import "server-only";
import { ApiError } from "@/lib/errors";
import { getDb, type Queryable } from "../db";

/**
 * Failed sign-ins slow down whoever makes them, never lock an account by email alone
 * (docs/security-sign-in.md). Three counters, each with a few free failures and then a delay that
 * doubles per failure up to a cap: one per client address (across all accounts), one per address and
 * account, and a mild one per account (against attacks from many addresses) that does not apply at
 * addresses the owner has signed in from. An attempt refused during a delay is not counted, so
 * waiting always works. Counts are kept in the database so they hold across restarts and instances.
 */
type Scope = "address" | "pair" | "account";

const RULES: Record<Scope, { free: number; capMs: number }> = {
  pair: { free: 5, capMs: 15 * 60_000 },
  address: { free: 20, capMs: 15 * 60_000 },
  // Low: a delay here also meets the owner at a new address.
  account: { free: 10, capMs: 30_000 },
};
/** A counter is forgotten (its row deleted) this long after its last failure. */
const FORGET_MS = 60 * 60_000;
/** An address the owner signed in from stays exempt from the account-wide delay this long. */
const KNOWN_MS = 30 * 24 * 3600_000;

/** Past this many rows the ones expiring soonest are dropped, so a flood of addresses cannot grow the table. */
export const throttleLimits = { maxRows: 20_000 };

export function delayAfter(scope: Scope, failures: number): number {
  const { free, capMs } = RULES[scope];
  return failures <= free ? 0 : Math.min(capMs, 1000 * 2 ** (failures - free - 1));
}

/**
 * IPv4 addresses as they are; IPv6 by /64, which one subscriber usually holds in full, so that
 * rotating through it does not buy fresh counters.
 */
export function addressGroup(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head = "", tail] = ip.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

const ms = (n: number) => `${n} milliseconds`;

export async function assertNotThrottled(email: string, ip: string | null): Promise<void> {
  const db = await getDb();
  const address = ip ? addressGroup(ip) : null;
  const rows = await db.query<{ scope: Scope | "known"; wait_ms: number | null }>(
    `select scope, case when blocked_until > now()
                        then (extract(epoch from blocked_until - now()) * 1000)::float8 end as wait_ms
       from sign_in_throttle
      where expires_at > now()
        and ((scope = 'account' and address = '' and email = $1)
          or (scope = 'address' and address = $2 and email = '')
          or (scope in ('pair', 'known') and address = $2 and email = $1))`,
    [email, address ?? ""],
  );
  const known = address !== null && rows.some((r) => r.scope === "known");
  let worst: { scope: Scope; waitMs: number } | undefined;
  for (const r of rows) {
    // At an address where the owner has signed in, only this pair's own counter applies: strangers
    // behind the same office address, or many addresses at once, cannot keep the owner out.
    if (r.scope === "known" || !r.wait_ms || (r.scope !== "pair" && known)) continue;
    if (!worst || r.wait_ms > worst.waitMs) worst = { scope: r.scope, waitMs: r.wait_ms };
  }
  if (!worst) return;
  const seconds = Math.max(1, Math.ceil(worst.waitMs / 1000));
  const wait = formatWait(seconds);
  const message = {
    pair: `Too many failed sign-in attempts for this account from your address. Try again in ${wait}, or ask an admin to unlock your account or reset your password.`,
    address: `Too many failed sign-in attempts from your address (${ip}). Try again in ${wait}, or ask an admin to unlock this address.`,
    account: `Too many failed sign-in attempts for this account from several addresses. Try again in ${wait}, or ask an admin to unlock your account; signing in from an address you have used before is not delayed.`,
  }[worst.scope];
  throw new ApiError({
    type: "rate_limit_error",
    code: "sign_in_throttled",
    message,
    headers: { "retry-after": String(seconds) },
  });
}

const signIns = globalThis as { __benchtopSignIns?: Set<string> };
signIns.__benchtopSignIns ??= new Set();
const inFlight = signIns.__benchtopSignIns;

/**
 * One password check at a time per client address in this process. The counters are read before and
 * written after a check, so attempts sent in parallel would all pass the same check; serialised, each
 * one sees the failures before it. (Several instances each allow one at a time.)
 */
export async function withAttemptSlot<T>(ip: string | null, fn: () => Promise<T>): Promise<T> {
  const key = ip ? addressGroup(ip) : null;
  if (key !== null) {
    if (inFlight.has(key)) {
      throw new ApiError({
        type: "rate_limit_error",
        code: "sign_in_in_progress",
        message: "Another sign-in attempt from your address is still being checked. Try again in a moment.",
        headers: { "retry-after": "1" },
      });
    }
    inFlight.add(key);
  }
  try {
    return await fn();
  } finally {
    if (key !== null) inFlight.delete(key);
  }
}

/** Counts a failed password check (never a refused attempt) against each counter that applies. */
export async function recordFailure(email: string, ip: string | null): Promise<void> {
  const db = await getDb();
  const address = ip ? addressGroup(ip) : null;
  const counters: [Scope, string, string][] = [["account", "", email]];
  if (address) counters.push(["address", address, ""], ["pair", address, email]);
  for (const [scope, addr, mail] of counters) {
    const [row] = await db.query<{ failures: number }>(
      `insert into sign_in_throttle (scope, address, email, failures, expires_at)
       values ($1, $2, $3, 1, now() + $4::interval)
       on conflict (scope, address, email) do update set
         failures = case when sign_in_throttle.expires_at <= now() then 1 else sign_in_throttle.failures + 1 end,
         expires_at = now() + $4::interval
       returning failures`,
      [scope, addr, mail, ms(FORGET_MS)],
    );
    const delay = delayAfter(scope, row?.failures ?? 1);
    if (delay) {
      await db.query(
        "update sign_in_throttle set blocked_until = now() + $4::interval where scope = $1 and address = $2 and email = $3",
        [scope, addr, mail, ms(delay)],
      );
    }
  }
  await prune(db);
}

/**
 * A success clears this address's count for the account and marks the address as the owner's.
 * It does not clear the address's count across accounts, or one's own account would reset a spray.
 */
export async function recordSuccess(email: string, ip: string | null): Promise<void> {
  if (!ip) return;
  const db = await getDb();
  const address = addressGroup(ip);
  await db.query("delete from sign_in_throttle where scope = 'pair' and address = $1 and email = $2", [
    address,
    email,
  ]);
  await db.query(
    `insert into sign_in_throttle (scope, address, email, expires_at) values ('known', $1, $2, now() + $3::interval)
     on conflict (scope, address, email) do update set expires_at = excluded.expires_at`,
    [address, email, ms(KNOWN_MS)],
  );
}

/** Lifts every delay on an account: from each address and account-wide. */
export async function unlockAccount(email: string, q?: Queryable): Promise<number> {
  const db = q ?? (await getDb());
  const rows = await db.query(
    "delete from sign_in_throttle where email = $1 and scope in ('pair', 'account') returning 1",
    [email],
  );
  return rows.length;
}

/** Lifts every delay on an address (or its IPv6 /64): across accounts and per account. */
export async function unlockAddress(ip: string): Promise<number> {
  const db = await getDb();
  const rows = await db.query(
    "delete from sign_in_throttle where address = $1 and scope in ('address', 'pair') returning 1",
    [addressGroup(ip)],
  );
  return rows.length;
}

async function prune(db: Queryable): Promise<void> {
  await db.query("delete from sign_in_throttle where expires_at <= now()");
  await db.query(
    `delete from sign_in_throttle where (scope, address, email) in (
       select scope, address, email from sign_in_throttle order by expires_at desc offset $1)`,
    [throttleLimits.maxRows],
  );
}

function formatWait(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
