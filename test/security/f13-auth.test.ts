import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { POST as signOutRoute } from "@/app/api/auth/sign-out/route";
import { POST as postUsersRoute } from "@/app/api/users/route";
import { assertSameOrigin, authenticate } from "@/lib/server/auth/request";
import { resetConfigForTests } from "@/lib/server/config";
import { getDb } from "@/lib/server/db";
import { runCommand } from "@/lib/server/ops/commands";
import { asBrowser, fromAddress, type Stack, startStack } from "./harness";

const signIn = (req: Request) => signInRoute(req, {});
const signOut = (req: Request) => signOutRoute(req, {});
const postUsers = (req: Request) => postUsersRoute(req, {});

/**
 * F13 (auth): the origin check believed X-Forwarded-Host/-Proto from anyone, the session cookie had
 * no `__Host-` prefix, and the CLI trimmed passwords and checked emails by a looser rule than the API.
 */
const HOST = "console.test";
let stack: Stack;

beforeAll(async () => {
  // No CONSOLE_ORIGIN: the origin comes from the request.
  stack = await startStack({ CONSOLE_ORIGIN: "" });
}, 60_000);
afterAll(() => stack.close());
beforeEach(async () => {
  await (await getDb()).query("delete from sign_in_throttle");
});
afterEach(() => {
  delete process.env.CONSOLE_TRUST_PROXY;
  resetConfigForTests();
});

function post(url: string, headers: Record<string, string>, body?: unknown): Request {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const credentials = { email: "member@security.test", password: "correct-horse-battery" };

describe("F13: the origin check", () => {
  it("ignores X-Forwarded-Host/-Proto from a client that is not a trusted proxy", () => {
    const forged = post(`http://${HOST}/api/auth/sign-in`, {
      host: HOST,
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      ...fromAddress("10.0.0.7"),
    });
    expect(() => assertSameOrigin(forged)).toThrow(/Cross-site/);
    const own = post(`http://${HOST}/api/auth/sign-in`, {
      host: HOST,
      origin: `http://${HOST}`,
      "x-forwarded-proto": "https",
      ...fromAddress("10.0.0.7"),
    });
    expect(() => assertSameOrigin(own)).not.toThrow();
  });

  it("uses them behind a trusted proxy", () => {
    process.env.CONSOLE_TRUST_PROXY = "1";
    resetConfigForTests();
    const proxied = post(`http://${HOST}/api/auth/sign-in`, {
      host: "10.0.0.2:3000",
      origin: "https://benchtop.example.com",
      "x-forwarded-host": "benchtop.example.com",
      "x-forwarded-proto": "https",
      ...fromAddress("10.0.0.1"),
    });
    expect(() => assertSameOrigin(proxied)).not.toThrow();
  });
});

describe("F13: the session cookie", () => {
  it("over plain http a forged X-Forwarded-Proto gives neither Secure nor __Host-", async () => {
    const res = await signIn(
      post(
        `http://${HOST}/api/auth/sign-in`,
        { host: HOST, origin: `http://${HOST}`, "x-forwarded-proto": "https", ...fromAddress("10.0.0.7") },
        credentials,
      ),
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^benchtop_session=/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it("over https it is __Host-benchtop_session with Secure, Path=/ and no Domain", async () => {
    const res = await signIn(
      post(
        `https://${HOST}/api/auth/sign-in`,
        { host: HOST, origin: `https://${HOST}`, ...fromAddress("10.0.0.7", "https") },
        credentials,
      ),
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-benchtop_session=[^;]+;/);
    expect(cookie).toMatch(/; Secure\b/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);

    const out = await signOut(
      post(`https://${HOST}/api/auth/sign-out`, {
        host: HOST,
        origin: `https://${HOST}`,
        cookie: cookie.split(";")[0] ?? "",
        ...fromAddress("10.0.0.7", "https"),
      }),
    );
    expect(out.headers.get("set-cookie")).toMatch(/^__Host-benchtop_session=; .*Max-Age=0/);
  });

  it("on https a plain-named cookie never overrides (or stands in for) the __Host- one", async () => {
    const tls = fromAddress("10.0.0.7", "https");
    const admin = stack.admin.session;
    const member = stack.member.session;
    for (const cookie of [
      `benchtop_session=${member}; __Host-benchtop_session=${admin}`,
      `__Host-benchtop_session=${admin}; benchtop_session=${member}`,
    ]) {
      const p = await authenticate(new Request(`https://${HOST}/api/me`, { headers: { cookie, ...tls } }));
      expect(p?.user.email).toBe("admin@security.test");
    }
    expect(
      await authenticate(
        new Request(`https://${HOST}/api/me`, { headers: { cookie: `benchtop_session=${member}`, ...tls } }),
      ),
    ).toBeNull();
    const plain = await authenticate(
      new Request(`http://${HOST}/api/me`, {
        headers: { cookie: `benchtop_session=${member}`, ...fromAddress("10.0.0.7") },
      }),
    );
    expect(plain?.user.email).toBe("member@security.test");
  });
});

describe("F13: the CLI sets passwords and checks emails as the API does", () => {
  it("does not trim a password", async () => {
    const password = "  spaced out password  ";
    await runCommand("user:add", { email: "spaces@security.test", password });
    const attempt = (pw: string) =>
      signIn(
        post(
          `http://${HOST}/api/auth/sign-in`,
          { host: HOST, origin: `http://${HOST}`, ...fromAddress("10.0.0.9") },
          { email: "spaces@security.test", password: pw },
        ),
      );
    expect((await attempt(password)).status).toBe(200);
    expect((await attempt(password.trim())).status).toBe(401);

    await runCommand("user:set-password", { email: "spaces@security.test", password: " leading space pw" });
    expect((await attempt(" leading space pw")).status).toBe(200);
  });

  it("accepts and refuses the same emails as POST /api/users", async () => {
    const emails = ["a@b", "plain@example.com", "two words@example.com", "x@y.z", "no-at-sign.example.com"];
    for (const [i, email] of emails.entries()) {
      const viaApi = await postUsers(
        asBrowser(stack.admin, "/api/users", {
          headers: { host: "console.test", ...fromAddress("10.0.0.1") },
          body: JSON.stringify({ email: `api${i}.${email}`, password: "correct-horse-battery" }),
        }),
      );
      const viaCli = await runCommand("user:add", {
        email: `cli${i}.${email}`,
        password: "correct-horse-battery",
      }).then(
        () => 201,
        (e: { status?: number }) => e.status ?? 500,
      );
      expect({ email, cli: viaCli }).toEqual({ email, cli: viaApi.status });
    }
  });
});
