import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { POST as signOut } from "@/app/api/auth/sign-out/route";
import { GET as me } from "@/app/api/me/route";
import { GET as owners } from "@/app/api/owners/route";
import { DELETE as deletePreset, PATCH as updatePreset } from "@/app/api/presets/[id]/route";
import { POST as createPreset } from "@/app/api/presets/route";
import { GET as getShare, DELETE as revokeShare } from "@/app/api/shares/[id]/route";
import { POST as createShare } from "@/app/api/shares/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { PATCH as updateUser } from "@/app/api/users/[id]/route";
import { POST as createUser } from "@/app/api/users/route";
import { SESSION_COOKIE } from "@/lib/server/auth/sessions";
import { BODY_MAX_DEPTH } from "@/lib/server/http";
import { asBrowser, ORIGIN, type Stack, startStack } from "./harness";
import { validSnapshot } from "./snapshot-shapes";

/**
 * F9: malformed input answered 500. NUL and lone surrogates reached PostgreSQL (which stores
 * neither), deep JSON overflowed the stack, and a cookie that does not percent-decode threw on every
 * API call. Each must be a 4xx in our error shape with a message that says what to fix.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const noCtx = undefined as never;
const params = (id: string) => ({ params: Promise.resolve({ id }) });

interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

async function expectError(res: Response, status: number, match: Partial<ErrorBody["error"]> = {}) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error).toMatchObject(match);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

/** A valid playground setup: preset state must parse (F8) once its characters are allowed. */
const setup = () => validSnapshot().setup as Record<string, unknown>;

describe("F9: NUL and lone surrogates in bodies", () => {
  it.each([
    [
      "user name",
      () => createUser,
      "/api/users",
      { email: "nul@x.test", name: "a\u0000b", password: "p".repeat(12) },
      "name",
    ],
    ["token name", () => createToken, "/api/tokens", { name: "a\u0000" }, "name"],
    ["preset name", () => createPreset, "/api/presets", { name: "p\u0000", state: {} }, "name"],
    [
      "preset state (lone high surrogate)",
      () => createPreset,
      "/api/presets",
      { name: "s1", state: { a: { b: ["ok", "x\ud800"] } } },
      "state.a.b.1",
    ],
    [
      "preset state (lone low surrogate)",
      () => createPreset,
      "/api/presets",
      { name: "s2", state: { a: "\udc00" } },
      "state.a",
    ],
    [
      "preset state (NUL in a key)",
      () => createPreset,
      "/api/presets",
      { name: "s3", state: { "k\u0000": 1 } },
      "state.k\\u0000",
    ],
    [
      "share title",
      () => createShare,
      "/api/shares",
      { kind: "playground", title: "t\u0000", snapshot: {} },
      "title",
    ],
    [
      "share snapshot (lone surrogate)",
      () => createShare,
      "/api/shares",
      { kind: "playground", snapshot: { m: "\ud83d" } },
      "snapshot.m",
    ],
  ] as const)("%s → 400 naming the field", async (_, handler, path, body, param) => {
    const who = path === "/api/users" ? stack.admin : stack.member;
    const res = await handler()(asBrowser(who, path, { body: JSON.stringify(body) }), noCtx);
    const e = await expectError(res, 400, {
      type: "invalid_request_error",
      code: "invalid_characters",
      param,
    });
    expect(e.message).toMatch(/NUL|surrogate/);
  });

  it("a NUL in the sign-in email → 400, not a database error", async () => {
    const req = asBrowser(stack.member, "/api/auth/sign-in", {
      body: JSON.stringify({ email: "member@security.test\u0000", password: "x" }),
    });
    await expectError(await signIn(req, noCtx), 400, { param: "email", code: "invalid_characters" });
  });

  it("a valid surrogate pair (an emoji) is fine", async () => {
    const res = await createPreset(
      asBrowser(stack.member, "/api/presets", {
        body: JSON.stringify({ name: "emoji 😀", state: { setup: { ...setup(), instructions: "😀" } } }),
      }),
      noCtx,
    );
    expect(res.status).toBe(201);
  });
});

describe("F9: deep JSON", () => {
  it("5,000-deep objects and arrays → 400 too_deep", async () => {
    const objects = `{"name":"deep","state":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`;
    const arrays = `{"name":"deep2","state":{"a":${"[".repeat(5000)}${"]".repeat(5000)}}}`;
    for (const body of [objects, arrays]) {
      const res = await createPreset(asBrowser(stack.member, "/api/presets", { body }), noCtx);
      const e = await expectError(res, 400, { code: "too_deep" });
      expect(e.message).toContain(String(BODY_MAX_DEPTH));
    }
  });

  it("ordinary nesting (a tool's JSON schema, 21 levels) passes the depth check", async () => {
    let schema: unknown = { type: "string" };
    for (let i = 0; i < 20; i++) schema = { type: "object", properties: { x: schema } };
    const res = await createPreset(
      asBrowser(stack.member, "/api/presets", {
        body: JSON.stringify({ name: "nested", state: { setup: setup(), schema } }),
      }),
      noCtx,
    );
    // The preset schema keeps what it knows and drops the rest; depth alone never refused it.
    expect(res.status).toBe(201);
  });
});

describe("F9: ids in paths", () => {
  const ids = ["a\u0000b", "x".repeat(5000), "../etc", "a b", "\ud800"];
  it.each(ids.map((id) => [JSON.stringify(id).slice(0, 20), id]))(
    "%s → 400 invalid_id on every [id] route",
    async (_, id) => {
      const a = stack.admin;
      const responses = [
        await updateUser(asBrowser(a, "/api/users/x", { method: "PATCH", body: '{"name":"n"}' }), params(id)),
        await updatePreset(
          asBrowser(a, "/api/presets/x", { method: "PATCH", body: '{"name":"n"}' }),
          params(id),
        ),
        await deletePreset(asBrowser(a, "/api/presets/x", { method: "DELETE" }), params(id)),
        await revokeToken(asBrowser(a, "/api/tokens/x", { method: "DELETE" }), params(id)),
        await getShare(asBrowser(a, "/api/shares/x"), params(id)),
        await revokeShare(asBrowser(a, "/api/shares/x", { method: "DELETE" }), params(id)),
      ];
      for (const res of responses) await expectError(res, 400, { param: "id", code: "invalid_id" });
    },
  );

  it("a well-formed unknown id is still 404", async () => {
    const res = await deletePreset(
      asBrowser(stack.member, "/api/presets/x", { method: "DELETE" }),
      params("pst_nope"),
    );
    await expectError(res, 404);
  });

  it("file ids in ?ids= are checked the same way", async () => {
    const res = await owners(
      asBrowser(stack.member, `/api/owners?kind=file&ids=file-ok,${encodeURIComponent("a\u0000")}`),
      noCtx,
    );
    await expectError(res, 400, { param: "ids", code: "invalid_id" });
  });
});

describe("F9: a session cookie that does not percent-decode is no session", () => {
  const badCookies = ["%E0%A4%A", "%zz", "%", "%C0%80"];
  it.each(badCookies)("cookie %s → 401 on /api/me, not 500", async (value) => {
    const req = new Request(`${ORIGIN}/api/me`, { headers: { cookie: `${SESSION_COOKIE}=${value}` } });
    await expectError(await me(req, noCtx), 401, { type: "authentication_error" });
  });

  it("a bad cookie next to a token does not get in the token's way", async () => {
    const req = new Request(`${ORIGIN}/api/me`, {
      headers: { cookie: `${SESSION_COOKIE}=%E0%A4%A`, authorization: `Bearer ${stack.member.token}` },
    });
    expect((await me(req, noCtx)).status).toBe(200);
  });

  it("signing out with a bad cookie clears it (204)", async () => {
    const req = new Request(`${ORIGIN}/api/auth/sign-out`, {
      method: "POST",
      headers: { origin: ORIGIN, cookie: `${SESSION_COOKIE}=%E0%A4%A` },
    });
    expect((await signOut(req, noCtx)).status).toBe(204);
  });

  it("through the proxy too: 401, not 500", async () => {
    const res = await fetch(`${stack.proxyUrl}/api/v1/models`, {
      headers: { cookie: `${SESSION_COOKIE}=%E0%A4%A` },
    });
    await expectError(res, 401);
  });
});
