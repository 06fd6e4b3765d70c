import { readFileSync } from "node:fs";
import { request } from "node:http";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { cli } from "./support/cli";
import { E2E } from "./support/env";

/**
 * F9 on the built server, where Next itself answers first: TRACE was a 500 ("'TRACE' HTTP method is
 * unsupported", stack in the log) on every page and API route, other odd methods rendered pages or
 * got an empty 400, a path that does not percent-decode was a 500, and a session cookie that does
 * not percent-decode made every API and proxy call a 500.
 */

const STACK = /\n\s+at |\.next\/|node_modules|\.js:\d+/;

async function expectOurError(res: APIResponse, status: number, code?: string) {
  const text = await res.text();
  expect(res.status(), text).toBe(status);
  expect(text).not.toMatch(STACK);
  const body = JSON.parse(text) as { error: { message: string; type: string; code: string | null } };
  expect(body.error.message.length).toBeGreaterThan(10);
  if (code) expect(body.error.code).toBe(code);
}

/** The session cookie's name as the server sets it (so a rename elsewhere does not break this). */
async function sessionCookieName(request: APIRequestContext): Promise<string> {
  const res = await request.post("/api/auth/sign-in", {
    headers: { origin: E2E.consoleUrl },
    data: { email: E2E.admin.email, password: E2E.admin.password },
  });
  expect(res.status()).toBe(200);
  const setCookie = res.headers()["set-cookie"] ?? "";
  const name = setCookie.split("=")[0];
  expect(name).toBeTruthy();
  return name as string;
}

test("TRACE and other odd methods: 405 with Allow, on API routes and pages, no 500", async ({ request }) => {
  const logBefore = readFileSync(E2E.logFile, "utf8").length;
  for (const method of ["TRACE", "PROPFIND", "SEARCH", "PUT"]) {
    const api = await request.fetch("/api/me", { method });
    await expectOurError(api, 405, "method_not_allowed");
    expect(api.headers().allow).toBe("GET, HEAD, OPTIONS");

    const dynamic = await request.fetch("/api/users/usr_x", { method });
    await expectOurError(dynamic, 405, "method_not_allowed");
    expect(dynamic.headers().allow).toBe("OPTIONS, PATCH");

    for (const page of ["/", "/playground", "/sign-in"]) {
      const res = await request.fetch(page, { method, maxRedirects: 0 });
      expect(res.status(), `${method} ${page}`).toBe(405);
      expect(res.headers().allow).toBe("GET, HEAD");
      expect(await res.text()).not.toMatch(STACK);
    }
  }
  // Next no longer throws for them.
  expect(readFileSync(E2E.logFile, "utf8").slice(logBefore)).not.toContain("HTTP method is unsupported");
});

test("ordinary methods still reach their routes", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  expect((await request.head("/api/health")).status()).toBe(200);
  expect((await request.fetch("/api/me", { method: "OPTIONS" })).status()).toBe(204);
  expect((await request.get("/sign-in")).status()).toBe(200);
});

test("a path that does not percent-decode is 400, not 500", async ({ request }) => {
  for (const path of ["/api/presets/%", "/api/shares/%E0%A4%A"]) {
    await expectOurError(
      await request.delete(path, { headers: { origin: E2E.consoleUrl } }),
      400,
      "invalid_path",
    );
  }
  const page = await request.get("/s/%E0%A4%A", { maxRedirects: 0 });
  expect(page.status()).toBe(400);
  expect(await page.text()).not.toMatch(STACK);
});

test("a malformed session cookie is no session: 401 on the API and the proxy, sign-in on pages", async ({
  playwright,
}) => {
  const signedIn = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
  const name = await sessionCookieName(signedIn);
  await signedIn.dispose();

  const bad = await playwright.request.newContext({
    baseURL: E2E.consoleUrl,
    extraHTTPHeaders: { cookie: `${name}=%E0%A4%A` },
  });
  await expectOurError(await bad.get("/api/me"), 401);
  await expectOurError(await bad.get("/api/presets"), 401);
  await expectOurError(await bad.get("/api/v1/models"), 401);

  for (const page of ["/playground", "/settings"]) {
    const res = await bad.get(page, { maxRedirects: 0 });
    expect(res.status(), page).toBe(307);
    expect(res.headers().location).toMatch(/^\/sign-in/);
  }
  const followed = await bad.get("/settings");
  expect(followed.status()).toBe(200);
  expect(followed.url()).toContain("/sign-in");
  await bad.dispose();
});

/** A GET with its path exactly as given: no client normalises the dot segments away. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = request({ host: "127.0.0.1", port: E2E.consolePort, path, headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString("utf8");
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    r.on("error", reject);
    r.end();
  });
}

test("the API spelled with dot segments or escapes is refused, never proxied from Next's thread", async () => {
  const token = cli("token:create", "--email", E2E.admin.email, "--name", "dot-segments");
  const auth = { authorization: `Bearer ${token}` };
  expect((await rawGet("/api/v1/models", auth)).status).toBe(200);
  for (const path of ["/api/./v1/models", "/api/%2e/v1/models", "/api/%2E/v1/chat/completions"]) {
    const res = await rawGet(path, auth);
    expect(res.status, path).toBe(404);
    expect(JSON.parse(res.body).error.message).toContain("/api/v1/… exactly");
  }
});
