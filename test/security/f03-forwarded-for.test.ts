import type http from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { clientIp } from "@/lib/server/auth/request";
import { recordFailure, throttleLimits } from "@/lib/server/auth/throttle";
import { ConfigError, parseConfig, resetConfigForTests } from "@/lib/server/config";
import { getDb } from "@/lib/server/db";
import { PEER_HEADER, stampPeer } from "@/lib/server/peer";
import { fromAddress, ORIGIN, type Stack, startStack } from "./harness";

const signIn = (req: Request) => signInRoute(req, {});

/**
 * F3: X-Forwarded-For was believed from anyone, so rotating it gave unlimited password spraying,
 * wrote attacker-chosen addresses on sessions, and grew the throttle table without bound.
 */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(() => stack.close());
beforeEach(async () => {
  await (await getDb()).query("delete from sign_in_throttle");
});
afterEach(() => {
  delete process.env.CONSOLE_TRUST_PROXY;
  resetConfigForTests();
});

function trustProxy(value: string | undefined) {
  if (value === undefined) delete process.env.CONSOLE_TRUST_PROXY;
  else process.env.CONSOLE_TRUST_PROXY = value;
  resetConfigForTests();
}

const req = (headers: Record<string, string>) => new Request(`${ORIGIN}/api/auth/sign-in`, { headers });

function signInFrom(headers: Record<string, string>, email: string, password: string) {
  return signIn(
    new Request(`${ORIGIN}/api/auth/sign-in`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("F3: the peer address node-entry.ts stamps", () => {
  it("replaces any copy the client sent", () => {
    const incoming = {
      headers: { [PEER_HEADER]: "for=6.6.6.6;proto=https", host: "x" } as http.IncomingHttpHeaders,
      socket: { remoteAddress: "10.0.0.7" },
    };
    stampPeer(incoming as unknown as http.IncomingMessage);
    expect(incoming.headers[PEER_HEADER]).toBe("for=10.0.0.7;proto=http");
  });
});

describe("F3: forwarding headers only behind a trusted proxy", () => {
  const forged = { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" };

  it("without CONSOLE_TRUST_PROXY the address is the TCP peer", () => {
    trustProxy(undefined);
    expect(clientIp(req({ ...forged, ...fromAddress("10.0.0.7") }))).toBe("10.0.0.7");
    expect(clientIp(req({ ...fromAddress("::ffff:10.0.0.8") }))).toBe("10.0.0.8");
  });

  it("without a stamped peer (next dev, Vercel) and without trust the address is unknown", () => {
    trustProxy(undefined);
    expect(clientIp(req(forged))).toBeNull();
  });

  it("behind N trusted proxies it takes the address N hops from the right", () => {
    const chain = { "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2", ...fromAddress("10.0.0.1") };
    trustProxy("1");
    expect(clientIp(req(chain))).toBe("10.0.0.2");
    trustProxy("true");
    expect(clientIp(req(chain))).toBe("10.0.0.2");
    trustProxy("2");
    expect(clientIp(req(chain))).toBe("203.0.113.5");
    trustProxy("1");
    expect(clientIp(req({ "x-real-ip": "203.0.113.6", ...fromAddress("10.0.0.1") }))).toBe("203.0.113.6");
    expect(clientIp(req({ "x-forwarded-for": "not-an-address", ...fromAddress("10.0.0.1") }))).toBeNull();
  });

  it("CONSOLE_TRUST_PROXY is validated with a clear message", () => {
    for (const bad of ["yes please", "-1", "1.5", "100"]) {
      expect(() => parseConfig({ CONSOLE_TRUST_PROXY: bad })).toThrow(ConfigError);
      try {
        parseConfig({ CONSOLE_TRUST_PROXY: bad });
      } catch (e) {
        expect((e as ConfigError).problems.join()).toMatch(/CONSOLE_TRUST_PROXY .*number of proxies/);
      }
    }
    expect(parseConfig({ CONSOLE_TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(parseConfig({ CONSOLE_TRUST_PROXY: "3" }).trustProxy).toBe(3);
    expect(parseConfig({ CONSOLE_TRUST_PROXY: "false" }).trustProxy).toBe(0);
    expect(parseConfig({}).trustProxy).toBe(0);
  });

  it("rotating X-Forwarded-For does not escape the per-address limit on password spraying", async () => {
    trustProxy(undefined);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await signInFrom(
        { "x-forwarded-for": `198.18.0.${i}`, ...fromAddress("10.9.9.9") },
        `spray-${i}@security.test`,
        "wrong-password-guess",
      );
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
  });

  it("addresses in one IPv6 /64 count as one", async () => {
    trustProxy(undefined);
    const statuses: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const res = await signInFrom(
        fromAddress(`2001:db8:1:2::${i.toString(16)}`),
        `v6-${i}@security.test`,
        "wrong-password-guess",
      );
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
  });

  it("sessions record the peer, not a forged X-Forwarded-For", async () => {
    trustProxy(undefined);
    const res = await signInFrom(
      { "x-forwarded-for": "6.6.6.6", ...fromAddress("10.0.0.8") },
      stack.member.user.email,
      "correct-horse-battery",
    );
    expect(res.status).toBe(200);
    const rows = await (await getDb()).query<{ ip: string | null }>(
      "select ip from sessions where user_id = $1 order by created_at desc limit 1",
      [stack.member.user.id],
    );
    expect(rows[0]?.ip).toBe("10.0.0.8");
  });
});

describe("F3: the throttle table is bounded and expires", () => {
  const count = async () =>
    (await (await getDb()).query<{ n: number }>("select count(*)::int as n from sign_in_throttle"))[0]?.n;

  it("keeps at most throttleLimits.maxRows rows however many addresses fail", async () => {
    const cap = throttleLimits.maxRows;
    throttleLimits.maxRows = 40;
    try {
      for (let i = 0; i < 120; i++)
        await recordFailure(`flood-${i}@security.test`, `198.18.${i >> 8}.${i & 255}`);
      expect(await count()).toBeLessThanOrEqual(40);
    } finally {
      throttleLimits.maxRows = cap;
    }
  });

  it("deletes expired rows", async () => {
    await recordFailure("old@security.test", "198.18.1.1");
    expect(await count()).toBeGreaterThan(0);
    await (await getDb()).query("update sign_in_throttle set expires_at = now() - interval '1 minute'");
    await recordFailure("new@security.test", null);
    const left = await (await getDb()).query<{ email: string }>("select email from sign_in_throttle");
    expect(left.map((r) => r.email)).not.toContain("old@security.test");
  });
});
