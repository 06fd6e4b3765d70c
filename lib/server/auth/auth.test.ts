import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { useFreshDb } from "@/test/db";
import { resetConfigForTests } from "../config";
import { keyedHash } from "./crypto";
import { assertSameOrigin, authenticate, requireAdmin, requirePrincipal } from "./request";
import { createSession, revokeSession, SESSION_COOKIE } from "./sessions";
import { completeSetup, getSetupCode, isSetupOpen } from "./setup";
import { addressGroup, assertNotThrottled, delayAfter, recordFailure, unlockAccount } from "./throttle";
import { createToken, isTokenShaped, listTokens, revokeToken } from "./tokens";
import { createUser, type User, updateUser } from "./users";

let cleanup: () => Promise<void>;

beforeAll(async () => {
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
});
afterAll(() => cleanup());

const req = (headers: Record<string, string>, method = "GET", url = "http://localhost:3000/api/me") =>
  new Request(url, { method, headers });

async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

describe("setup", () => {
  it("is open with a stable code until the first admin exists, then closes", async () => {
    expect(await isSetupOpen()).toBe(true);
    const code = await getSetupCode();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await getSetupCode()).toBe(code);
    const wrong = await rejects(
      completeSetup({ code: "AAAA-BBBB-CCCC", email: "x@y.z", password: "long-enough-password" }),
    );
    expect(wrong.code).toBe("invalid_setup_code");
    const admin = await completeSetup({
      code: code ?? "",
      email: "Root@Example.com",
      password: "long-enough-password",
    });
    expect(admin.role).toBe("admin");
    expect(admin.email).toBe("root@example.com");
    expect(await getSetupCode()).toBeNull();
    const again = await rejects(
      completeSetup({ code: code ?? "", email: "b@y.z", password: "long-enough-password" }),
    );
    expect(again.code).toBe("setup_done");
  });
});

describe("users, sessions and tokens", () => {
  let alice: User;
  let admin: User;
  beforeAll(async () => {
    admin = await createUser({
      email: "admin2@example.com",
      password: "long-enough-password",
      role: "admin",
    });
    alice = await createUser({
      email: "alice@example.com",
      password: "long-enough-password",
      role: "member",
      name: "Alice",
    });
  });

  it("refuses duplicate emails and weak passwords", async () => {
    expect(
      (
        await rejects(
          createUser({ email: "ALICE@example.com", password: "long-enough-password", role: "member" }),
        )
      ).code,
    ).toBe("email_taken");
    expect(
      (await rejects(createUser({ email: "z@example.com", password: "short", role: "member" }))).param,
    ).toBe("password");
  });

  it("authenticates a session cookie until it is revoked", async () => {
    const s = await createSession(alice.id, {});
    const p = await authenticate(req({ cookie: `other=1; ${SESSION_COOKIE}=${s.id}` }));
    expect(p?.user.email).toBe("alice@example.com");
    expect(p?.via).toBe("session");
    await revokeSession(s.id);
    expect(await authenticate(req({ cookie: `${SESSION_COOKIE}=${s.id}` }))).toBeNull();
  });

  it("issues tokens shown once, stored hashed, usable until revoked or expired", async () => {
    const { token, info } = await createToken(alice.id, { name: "ci" });
    expect(isTokenShaped(token)).toBe(true);
    expect(token.startsWith("bt_pat_")).toBe(true);
    expect(info.displayPrefix).not.toContain(token.slice(11, -4));
    const list = await listTokens(alice.id);
    expect(JSON.stringify(list)).not.toContain(token);
    const p = await authenticate(req({ authorization: `Bearer ${token}` }));
    expect(p?.via).toBe("token");
    expect(p?.tokenId).toBe(info.id);
    await revokeToken(alice.id, info.id);
    expect(await authenticate(req({ authorization: `Bearer ${token}` }))).toBeNull();
    const err = await rejects(requirePrincipal(req({ authorization: `Bearer ${token}` })));
    expect(err.status).toBe(401);
    expect(err.message).toContain("revoked");
  });

  it("stores only keyed hashes", async () => {
    const { token } = await createToken(alice.id, { name: "hash-check" });
    const { getDb } = await import("../db");
    const rows = await (await getDb()).query<{ token_hash: string }>("select token_hash from tokens");
    expect(rows.map((r) => r.token_hash)).toContain(keyedHash(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("refuses expired tokens and past expiry dates", async () => {
    expect(
      (await rejects(createToken(alice.id, { name: "old", expiresAt: new Date(Date.now() - 1000) }))).param,
    ).toBe("expires_at");
    const { token, info } = await createToken(alice.id, {
      name: "soon",
      expiresAt: new Date(Date.now() + 60_000),
    });
    const { getDb } = await import("../db");
    await (await getDb()).query("update tokens set expires_at = now() - interval '1 second' where id = $1", [
      info.id,
    ]);
    expect(await authenticate(req({ authorization: `Bearer ${token}` }))).toBeNull();
  });

  it("never lets a foreign bearer fall back to the cookie", async () => {
    const s = await createSession(alice.id, {});
    expect(
      await authenticate(
        req({ authorization: "Bearer sk-proj-real-openai-key", cookie: `${SESSION_COOKIE}=${s.id}` }),
      ),
    ).toBeNull();
  });

  it("disabling a user ends sessions and tokens; re-enabling restores neither", async () => {
    const s = await createSession(alice.id, {});
    const { token } = await createToken(alice.id, { name: "script" });
    await updateUser(alice.id, { disabled: true }, admin.id);
    expect(await authenticate(req({ cookie: `${SESSION_COOKIE}=${s.id}` }))).toBeNull();
    expect(await authenticate(req({ authorization: `Bearer ${token}` }))).toBeNull();
    await updateUser(alice.id, { disabled: false }, admin.id);
    expect(await authenticate(req({ authorization: `Bearer ${token}` }))).toBeNull();
    expect(await authenticate(req({ cookie: `${SESSION_COOKIE}=${s.id}` }))).toBeNull();
  });

  it("keeps at least one admin and stops self-lockout", async () => {
    expect((await rejects(updateUser(admin.id, { role: "member" }, admin.id))).code).toBe("self_lockout");
    const users = await import("./users");
    const all = await users.listUsers();
    const admins = all.filter((u) => u.role === "admin");
    for (const a of admins.slice(1)) await updateUser(a.id, { role: "member" }, alice.id);
    expect((await rejects(updateUser(admins[0]?.id ?? "", { disabled: true }, alice.id))).code).toBe(
      "last_admin",
    );
    for (const a of admins.slice(1)) await updateUser(a.id, { role: "admin" }, alice.id);
  });

  it("requireAdmin refuses members", async () => {
    const s = await createSession(alice.id, {});
    expect((await rejects(requireAdmin(req({ cookie: `${SESSION_COOKIE}=${s.id}` })))).status).toBe(403);
  });
});

describe("same-origin rule for sessions", () => {
  it("allows same-origin writes and refuses foreign or missing origins", () => {
    expect(() =>
      assertSameOrigin(req({ origin: "http://localhost:3000", host: "localhost:3000" }, "POST")),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(req({ "sec-fetch-site": "same-origin", host: "localhost:3000" }, "POST")),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(req({ origin: "https://evil.example", host: "localhost:3000" }, "POST")),
    ).toThrow(ApiError);
    expect(() => assertSameOrigin(req({ host: "localhost:3000" }, "DELETE"))).toThrow(ApiError);
    expect(() => assertSameOrigin(req({ origin: "https://evil.example" }, "GET"))).not.toThrow();
  });
});

describe("sign-in throttle", () => {
  beforeEach(() => unlockAccount("victim@example.com"));
  it("delays an address after five failures against one account, growing to a cap", async () => {
    for (let i = 0; i < 5; i++) await recordFailure("victim@example.com", "192.0.2.1");
    await expect(assertNotThrottled("victim@example.com", "192.0.2.1")).resolves.toBeUndefined();
    await recordFailure("victim@example.com", "192.0.2.1");
    const e = await rejects(assertNotThrottled("victim@example.com", "192.0.2.1"));
    expect(e.status).toBe(429);
    expect(e.code).toBe("sign_in_throttled");
    expect(e.headers["retry-after"]).toBe("1");
    await expect(assertNotThrottled("victim@example.com", "192.0.2.2")).resolves.toBeUndefined();
    expect([6, 7, 8, 30].map((n) => delayAfter("pair", n))).toEqual([1000, 2000, 4000, 15 * 60_000]);
    expect(delayAfter("account", 40)).toBe(30_000);
  });

  it("groups IPv6 addresses by /64", () => {
    expect(addressGroup("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:0db8:0001:0002:ffff::9")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
    expect(addressGroup("192.0.2.1")).toBe("192.0.2.1");
  });
});
