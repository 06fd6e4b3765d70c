import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@/lib/server/auth/sessions";
import { gateRequest } from "@/lib/server/request-gate";
import { asBrowser, assertNoKey, ORIGIN, type Person, rawHttp, type Stack, startStack } from "./harness";

/**
 * A seeded fuzz pass over every console JSON route under app/api (found by globbing, so a new route
 * is covered without touching this file; the proxy under /api/v1 has its own suite). Each exported
 * handler is called directly, as an admin, with random and boundary values: wrong types, NUL, lone
 * surrogates, huge strings, deep nesting, big bodies, odd methods, bad ids, bad cookies. No answer
 * may be a 5xx, carry a stack trace or a file path, or be an error outside our shape.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 9);
const CASES_PER_HANDLER = 30;
const ROOT = path.resolve(__dirname, "../..");
const API_DIR = path.join(ROOT, "app/api");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

interface Route {
  file: string;
  /** `/api/presets/[id]` */
  pattern: string;
  segments: { name: string; catchAll: boolean }[];
  handlers: Partial<Record<(typeof METHODS)[number], Handler>>;
}

function routeFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join(dir, f))
    .filter((f) => !f.startsWith(path.join(API_DIR, "v1") + path.sep));
}

async function loadRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const file of routeFiles(API_DIR).sort()) {
    const mod = (await import(file)) as Record<string, unknown>;
    const pattern = `/${path.relative(ROOT, path.dirname(file)).split(path.sep).join("/")}`.replace(
      /^\/app/,
      "",
    );
    const segments = [...pattern.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({
      name: m[2] as string,
      catchAll: Boolean(m[1]),
    }));
    const handlers: Route["handlers"] = {};
    for (const m of METHODS) if (typeof mod[m] === "function") handlers[m] = mod[m] as Handler;
    routes.push({ file, pattern, segments, handlers });
  }
  return routes;
}

/** mulberry32: small, seeded, the same sequence on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

const deep = (n: number, leaf: unknown = 1): unknown => {
  let v = leaf;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** JSON.stringify itself overflows the stack on 5,000 levels, so that value is written as text. */
const DEEP = "\u0001deep\u0001";
const DEEP_TEXT = `${'{"a":['.repeat(2500)}1${"]}".repeat(2500)}`;
const stringify = (v: unknown) => JSON.stringify(v).replaceAll(JSON.stringify(DEEP), DEEP_TEXT);

/** Values that have broken servers before: boundaries, wrong types, what the database refuses. */
const NASTY: readonly (() => unknown)[] = [
  () => null,
  () => true,
  () => false,
  () => 0,
  () => -1,
  () => 1e308,
  () => -1e-308,
  () => Number.MAX_SAFE_INTEGER + 2,
  () => 1.5,
  () => "",
  () => " ",
  () => "\u0000",
  () => "a\u0000b",
  () => "\ud800",
  () => "x\udfff",
  () => "😀",
  () => "\u202e\ufeff\u200b",
  () => "x".repeat(100_000),
  () => "<script>alert(1)</script>",
  () => "../../etc/passwd",
  () => "%00%E0%A4%A",
  () => "'; drop table users; --",
  () => "__proto__",
  () => "constructor",
  () => "sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX",
  () => "2026-13-45T99:99:99Z",
  () => "1970-01-01T00:00:00Z",
  () => "9999-12-31T23:59:59.999Z",
  () => [],
  () => ["a", 1, null],
  () => ({}),
  () => ({ __proto__: { polluted: true } }),
  () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'),
  () => deep(40),
  () => DEEP, // 5,000 levels, spliced in as text by `stringify`
  () => Array.from({ length: 5000 }, (_, i) => i),
];

/** Field names the console's bodies use, with a plausible value each, to get past the first check. */
const FIELDS: Record<string, (r: Rng, n: number) => unknown> = {
  email: (_, n) => `fuzz-${n}@fuzz.test`,
  password: () => "correct-horse-battery",
  name: (_, n) => `fuzz ${n}`,
  role: (r) => r.pick(["member", "admin"]),
  disabled: () => false,
  kind: (r) => r.pick(["playground", "tokenizer"]),
  title: () => "fuzz",
  snapshot: () => ({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }),
  state: () => ({ model: "gpt-4o-mini", messages: [] }),
  public: () => false,
  expires_at: () => "2099-01-01T00:00:00Z",
  code: () => "not-the-code",
  public_share_links: (r) => r.pick([true, false]),
  "gpt-4o-mini": () => ({ label: "Fuzz" }),
};
const FIELD_NAMES = Object.keys(FIELDS);

function nasty(r: Rng): unknown {
  return (r.pick(NASTY) as () => unknown)();
}

/** A body: near-valid with one field made nasty, random keys, or raw text that is not what we expect. */
function body(r: Rng, n: number): string | Uint8Array {
  const kind = r.int(10);
  if (kind < 5) {
    const o: Record<string, unknown> = {};
    for (const k of FIELD_NAMES)
      if (r.next() < 0.5) o[k] = (FIELDS[k] as (r: Rng, n: number) => unknown)(r, n);
    const target =
      r.next() < 0.8 ? r.pick(FIELD_NAMES) : r.pick(["\u0000", "\ud800", "x".repeat(300), "a.b"]);
    o[target] = nasty(r);
    return stringify(o);
  }
  if (kind < 7) {
    const v = nasty(r);
    return stringify(r.next() < 0.5 ? v : { [r.pick(FIELD_NAMES)]: v });
  }
  return r.pick<() => string | Uint8Array>([
    () => "",
    () => "{",
    () => "not json",
    () => "null",
    () => '"just a string"',
    () => '{"a":1}{"b":2}',
    () => `{"email":"\\ud800","password":"\\u0000"}`,
    () => `${"[".repeat(100_000)}`,
    () => new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), // {"\xff\xfe":1}: not UTF-8
    () => `{"pad":"${"x".repeat(3 * 1024 * 1024)}"}`,
  ])();
}

/** Path parameter values: real ids from the run, and everything an id must not be. */
function param(r: Rng, real: string[]): string {
  if (real.length && r.next() < 0.3) return r.pick(real);
  return r.pick([
    "",
    "a\u0000b",
    "\ud800",
    "x".repeat(5000),
    "../../etc/passwd",
    "%",
    "%E0%A4%A",
    "usr_AAAAAAAAAAAAAAAA",
    "pst_nope",
    "tok_nope",
    "a b",
    "__proto__",
    "constructor",
    "😀",
  ]);
}

function query(r: Rng): string {
  if (r.next() < 0.4) return "";
  const key = r.pick(["kind", "ids", "limit", "__proto__", "x"]);
  const v = nasty(r);
  const s = typeof v === "string" && v !== DEEP ? v : stringify(v);
  // Lone surrogates cannot be percent-encoded: send what a client with a broken encoder would.
  const encoded = Array.from(s, (c) =>
    /^[\ud800-\udfff]$/.test(c) ? "%ED%A0%80" : encodeURIComponent(c),
  ).join("");
  return `?${key}=${encoded.slice(0, 20_000)}`;
}

const STACK = /\n\s+at |\bat [^\s]+ \(|[\w/.-]+\.(ts|js|mjs|cjs):\d+|\/work\/|node_modules|\.next\//;

function checkResponse(what: string, status: number, text: string) {
  expect(status, `${what} → ${status} ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(text, `${what}: stack or path in the response`).not.toMatch(STACK);
  assertNoKey(text);
  if (status >= 400 && text) {
    const body = JSON.parse(text) as { error?: Record<string, unknown> };
    const e = body.error;
    expect(e, `${what}: error shape`).toBeTypeOf("object");
    expect(typeof e?.message === "string" && e.message.length > 0, `${what}: message`).toBe(true);
    expect(typeof e?.type, `${what}: type`).toBe("string");
    expect(e?.param === null || typeof e?.param === "string", `${what}: param`).toBe(true);
    expect(e?.code === null || typeof e?.code === "string", `${what}: code`).toBe(true);
  }
}

let stack: Stack;
let routes: Route[];
const realIds: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  routes = await loadRoutes();
  // Real ids for [id] segments: a preset, a share, a token and a user of the run.
  const call = async (p: string, body: unknown) => {
    const r = routes.find((x) => x.pattern === p)?.handlers.POST;
    if (!r) return;
    const res = await r(asBrowser(stack.admin, p, { body: JSON.stringify(body) }), {
      params: Promise.resolve({}),
    });
    const json = (await res.json()) as Record<string, { id?: string } | string | undefined>;
    for (const v of Object.values(json)) if (typeof v === "object" && v?.id) realIds.push(v.id);
  };
  await call("/api/presets", { name: "fuzz seed", state: {} });
  await call("/api/shares", { kind: "playground", snapshot: {} });
  await call("/api/tokens", { name: "fuzz seed" });
  realIds.push(stack.member.user.id);
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe("fuzz: console JSON routes", () => {
  it("finds the routes under app/api (and not the proxy)", () => {
    const patterns = routes.map((r) => r.pattern);
    expect(patterns).toContain("/api/auth/sign-in");
    expect(patterns).toContain("/api/presets/[id]");
    expect(patterns.some((p) => p.startsWith("/api/v1"))).toBe(false);
    for (const r of routes) expect(Object.keys(r.handlers).length, r.pattern).toBeGreaterThan(0);
  });

  it(`no 5xx, no stack, our error shape (seed ${SEED}, ${CASES_PER_HANDLER} cases a handler)`, async () => {
    const r = rng(SEED);
    let n = 0;
    const started = Date.now();
    for (const route of routes) {
      for (const [method, handler] of Object.entries(route.handlers) as [string, Handler][]) {
        for (let i = 0; i < CASES_PER_HANDLER; i++, n++) {
          // Signing out with the admin's session would sign the run out: a session of its own each time.
          const who: Person = route.pattern.endsWith("/sign-out")
            ? { ...stack.admin, session: (await createSession(stack.admin.user.id, {})).id }
            : stack.admin;
          const params: Record<string, string | string[]> = {};
          let url = route.pattern;
          for (const s of route.segments) {
            const v = param(r, realIds);
            params[s.name] = s.catchAll ? [v] : v;
            url = url.replace(`[${s.name}]`, encodeURIComponent(v.replace(/[\ud800-\udfff]/g, "")));
          }
          url += query(r);
          const withBody = !["GET", "HEAD"].includes(method) && r.next() < 0.85;
          const b = withBody ? body(r, n) : undefined;
          const headers: Record<string, string> =
            b === undefined ? {} : { "content-type": "application/json" };
          const h = r.int(12);
          if (h === 0) headers.cookie = "benchtop_session=%E0%A4%A";
          if (h === 1) headers["content-type"] = "text/plain";
          if (h === 2) headers.authorization = "Bearer bt_pat_\u00ff\u00fe";
          if (h === 3) headers["content-length"] = "99999999999";
          // Odd method names reach the handler only when Next is bypassed, but the handler must cope.
          const sentMethod = r.next() < 0.1 ? r.pick(["PROPFIND", "SEARCH", "M-SEARCH", "BREW"]) : method;
          const what = `${sentMethod} ${url.slice(0, 120)} ${typeof b === "string" ? b.slice(0, 80) : "(bytes)"}`;
          let req: Request;
          try {
            req = new Request(`${ORIGIN}${url}`, {
              method: sentMethod,
              headers: asBrowser(who, url, { headers }).headers,
              body: b as BodyInit | undefined,
            });
          } catch {
            continue; // a request the fetch API itself refuses never reaches a handler
          }
          const res = await handler(req, { params: Promise.resolve(params) });
          checkResponse(what, res.status, await res.text());
        }
      }
    }
    expect(n).toBeGreaterThan(300);
    // Bounded: the whole pass takes seconds, not minutes, so it runs with every suite.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

describe("fuzz: methods and paths Next would mishandle (request gate)", () => {
  it("odd methods and undecodable paths are 4xx in our shape; Allow comes from the route", async () => {
    // Next's part, as it behaves (status and headers set, then end): OPTIONS answered from the
    // route's exports, unexported methods an empty 405, unknown API paths 404.
    const exported: Record<string, string> = {
      "/api/me": "GET, HEAD, OPTIONS",
      "/api/users/x": "OPTIONS, PATCH",
    };
    const server = http.createServer((req, res) =>
      gateRequest(req, res, (q, s) => {
        const p = (q.url ?? "").split("?")[0] as string;
        const allow = exported[p];
        const answer = (status: number, headers: Record<string, string> = {}, text?: string) => {
          s.statusCode = status;
          for (const [k, v] of Object.entries(headers)) s.setHeader(k, v);
          s.end(text);
        };
        if (!allow && p.startsWith("/api/")) return answer(404);
        if (q.method === "OPTIONS") return answer(204, allow ? { allow } : {});
        if (allow && !allow.split(", ").includes(q.method ?? "")) return answer(405);
        answer(200, { "content-type": "text/plain" }, "ok");
      }),
    );
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const port = (server.address() as AddressInfo).port;
    const r = rng(SEED + 1);
    const methods = [
      "GET",
      "TRACE",
      "PROPFIND",
      "SEARCH",
      "PUT",
      "DELETE",
      "PATCH",
      "MKCOL",
      "LOCK",
      "PURGE",
      "BREW",
      "get",
    ];
    const paths = [
      "/api/me",
      "/api/users/x",
      "/api/nope",
      "/playground",
      "/",
      "/api/presets/%",
      "/s/%E0%A4%A",
      "/%",
    ];
    try {
      for (let i = 0; i < 60; i++) {
        const method = r.pick(methods);
        const p = r.pick(paths);
        const raw = await rawHttp(
          port,
          `${method} ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
          2000,
        );
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
        const [head = "", text = ""] = raw.split("\r\n\r\n");
        expect(status, `${method} ${p}: ${raw.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
        checkResponse(`${method} ${p}`, status, p.startsWith("/api/") && status >= 400 ? text : "");
        if (status === 405) expect(head.toLowerCase(), `${method} ${p}`).toMatch(/\r\nallow: /);
      }
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
