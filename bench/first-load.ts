/**
 * First-load JavaScript of every page route (`npm run bench:first-load`, after `npm run build`); CI
 * runs it in quick mode through `bench/quick.ts`.
 *
 * Each route opens in a fresh browser context (empty cache): console pages signed in, the sign-in
 * and setup pages signed out, and /s/[id] once for a playground share and once for a tokenizer share
 * the bench creates. "First load" is what Next counts: the scripts the server's HTML names. Scripts
 * the page fetches after that until the network is idle (lazy panels, workers) are reported apart.
 * Sizes are the bytes as served (the server does not compress) and their gzip -6 size. Each route's
 * first load is checked for code that should load only on demand: zod, shiki, tiktoken's ranks,
 * react-markdown and the openai SDK.
 *
 * Routes come from the page files under app/, so a new page is measured without editing this file.
 * Full runs write bench/results/first-load.json. BENCH_BUILD=<checkout> measures another checkout's
 * build (e.g. a worktree of an older commit) with this bench; results go to first-load-<commit>.json.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { bytesBySource } from "./source-map-sizes";
import { KEEP_NAMES, runOnOwnStack, type Stack, signedInPage } from "./stack";
import { BUILD_ROOT, mustHaveRun, QUICK, round } from "./support";

/** Attribute each route's bytes to modules (needs a build with browser source maps). */
const MODULES = process.env.BENCH_MODULES === "1";

const kb = (bytes: number) => round(bytes / 1024);

/** Code that should not be in a first load unless it was before; each test runs on a script's text. */
const MARKERS = {
  // zod 4 names its classes with strings that survive minification; mini's are ZodMini*.
  zod: (s: string) => /["'`]Zod(Type|Object)["'`]/.test(s),
  zodMini: (s: string) => /["'`]ZodMini(Type|Object)["'`]/.test(s),
  // shiki's core defines ShikiError; grammars carry TextMate `repository` objects.
  shiki: (s: string) => s.includes("ShikiError") || s.includes("repository:{"),
  // An encoding's ranks: hundreds of KB of "base64 rank" lines.
  tiktokenRanks: (s: string) => s.length > 500_000 && /[A-Za-z0-9+/=]{20} \d+/.test(s.slice(0, 5000)),
  reactMarkdown: (s: string) => s.includes("remarkjs/react-markdown"),
  openaiSdk: (s: string) => s.includes("X-Stainless-Lang"),
} as const;
export type Marker = keyof typeof MARKERS;

export interface Script {
  url: string;
  bytes: number;
  gzip: number;
  body: string;
}

export interface RouteLoad {
  route: string;
  /** Where the page ended up (a redirect, e.g. /setup → /sign-in once an admin exists). */
  landed: string;
  scripts: number;
  kb: number;
  gzipKb: number;
  /** The first load's script paths with their KB. */
  files: Record<string, number>;
  /** Scripts fetched after the HTML's, until the network was idle. */
  later: { scripts: number; kb: number; urls: string[] };
  has: Record<Marker, boolean>;
  /** Only in the later scripts. */
  laterHas: Marker[];
  /** With BENCH_MODULES=1 and source maps in the build: KB of the first load by package or file. */
  modules?: Record<string, number>;
}

function markers(scripts: Script[]): Record<Marker, boolean> {
  return Object.fromEntries(
    (Object.keys(MARKERS) as Marker[]).map((m) => [m, scripts.some((s) => MARKERS[m](s.body))]),
  ) as Record<Marker, boolean>;
}

/** The script URLs the document names (`<script src>`), as absolute paths without the origin. */
function scriptsInHtml(html: string): Set<string> {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    found.add(new URL(m[1]?.replaceAll("&amp;", "&") ?? "", "http://x").pathname);
  }
  return found;
}

/**
 * Opens `route` in a new context of `browser` (signed in when `storageState` is given) with an
 * empty cache, and returns the scripts it loaded: those its HTML names, and those that came later.
 */
export async function firstLoadJs(
  browser: Browser,
  base: string,
  route: string,
  storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>,
): Promise<RouteLoad & { bodies: Script[] }> {
  const ctx = await browser.newContext(storageState ? { storageState } : {});
  const page = await ctx.newPage();
  await page.addInitScript(KEEP_NAMES);
  const scripts: Script[] = [];
  const reading: Promise<void>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() !== "script") return;
    reading.push(
      r
        .body()
        .then((raw) => {
          // A build with source maps ends each script with a comment naming its map: not counted, so
          // the figures are those of the same build without maps.
          const text = raw.toString();
          const code = Buffer.from(text.replace(SOURCE_MAP_COMMENT, ""));
          scripts.push({ url: r.url(), bytes: code.length, gzip: gzipSync(code).length, body: text });
        })
        .catch(() => {}),
    );
  });
  const res = await page.goto(`${base}${route}`);
  const html = (await res?.text()) ?? "";
  await page.waitForLoadState("networkidle");
  await Promise.all(reading);
  const landed = new URL(page.url()).pathname;
  await ctx.close();

  const named = scriptsInHtml(html);
  const first = scripts.filter((s) => named.has(new URL(s.url).pathname));
  const later = scripts.filter((s) => !named.has(new URL(s.url).pathname));
  const has = markers(first);
  const laterMarks = markers(later);
  const sum = (xs: Script[], k: "bytes" | "gzip") => xs.reduce((a, s) => a + s[k], 0);
  return {
    route,
    landed,
    scripts: first.length,
    kb: kb(sum(first, "bytes")),
    gzipKb: kb(sum(first, "gzip")),
    files: Object.fromEntries(first.map((s) => [new URL(s.url).pathname, kb(s.bytes)])),
    later: {
      scripts: later.length,
      kb: kb(sum(later, "bytes")),
      urls: later.map((s) => new URL(s.url).pathname),
    },
    has,
    laterHas: (Object.keys(laterMarks) as Marker[]).filter((m) => laterMarks[m] && !has[m]),
    bodies: first,
  };
}

const SOURCE_MAP_COMMENT = /\n?\/\/# sourceMappingURL=\S+\s*$/;

/** KB of the scripts by module, from the source maps the server serves beside them. */
async function modulesOf(scripts: Script[]): Promise<Record<string, number>> {
  const total = new Map<string, number>();
  for (const s of scripts) {
    const ref = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(s.body)?.[1];
    const res = ref ? await fetch(new URL(ref, s.url)) : null;
    if (!res?.ok) {
      total.set("(no source map)", (total.get("(no source map)") ?? 0) + s.bytes);
      continue;
    }
    for (const [k, n] of bytesBySource(s.body, await res.json())) total.set(k, (total.get(k) ?? 0) + n);
  }
  return Object.fromEntries([...total].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, kb(n)]));
}

/** Page routes from app/**\/page.tsx: route groups dropped, dynamic segments kept as written. */
export function pageRoutes(appDir = path.join(BUILD_ROOT, "app")): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name === "api" || entry.name.startsWith("_")) continue;
        const group = entry.name.startsWith("(") && entry.name.endsWith(")");
        walk(path.join(dir, entry.name), group ? segments : [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return routes.sort();
}

/** A share of each kind, created through the API as the share dialogs do; the routes to open them. */
async function createShares(page: Page): Promise<{ label: string; path: string }[]> {
  const post = (kind: string, snapshot: unknown) =>
    page.evaluate(
      async ({ kind, snapshot }) => {
        const res = await fetch("/api/shares", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ kind, title: `First-load ${kind}`, snapshot }),
        });
        if (res.status !== 201)
          throw new Error(`POST /api/shares (${kind}): ${res.status} ${await res.text()}`);
        return ((await res.json()) as { share: { id: string } }).share.id;
      },
      { kind, snapshot },
    );
  const choice = {
    index: 0,
    text: "Hello **there**. A list:\n\n- one\n- two\n\n```js\nconsole.log(1)\n```",
    refusal: "",
    reasoning: "",
    toolCalls: [],
    logprobs: [],
    finishReason: "stop",
  };
  const playground = await post("playground", {
    version: 1,
    setup: { messages: [{ id: "m1", role: "user", content: "Say hello.", images: [] }] },
    compare: false,
    columns: [],
    outputs: { main: { model: "gpt-4o-mini", choices: [choice], usage: null, error: null } },
  });
  const tokenizer = await post("tokenizer", {
    version: 1,
    mode: "text",
    encoding: "o200k_base",
    model: "gpt-4o",
    text: "hello world",
  });
  return [
    { label: "/s/[id] playground", path: `/s/${playground}` },
    { label: "/s/[id] tokenizer", path: `/s/${tokenizer}` },
  ];
}

const FLAG_NAMES: Record<Marker, string> = {
  zod: "zod",
  zodMini: "zod/mini",
  shiki: "shiki",
  tiktokenRanks: "ranks",
  reactMarkdown: "markdown",
  openaiSdk: "openai",
};

export function table(rows: RouteLoad[]): string {
  const head = ["route", "scripts", "KB", "gzip KB", "later KB", "in first load", "later only"];
  const lines = rows.map((r) => [
    r.landed === r.route || r.route.startsWith("/s/") ? r.route : `${r.route} → ${r.landed}`,
    String(r.scripts),
    r.kb.toFixed(1),
    r.gzipKb.toFixed(1),
    r.later.kb.toFixed(1),
    (Object.keys(r.has) as Marker[])
      .filter((m) => r.has[m])
      .map((m) => FLAG_NAMES[m])
      .join(", ") || "—",
    r.laterHas.map((m) => FLAG_NAMES[m]).join(", ") || "—",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [fmt(head), fmt(widths.map((w) => "-".repeat(w))), ...lines.map(fmt)].join("\n");
}

export async function firstLoadBench(stack: Stack): Promise<RouteLoad[]> {
  const { base, browser } = stack;
  const page = await signedInPage(stack);
  const signedIn = await page.context().storageState();
  const shares = await createShares(page);
  await page.context().close();

  const rows: RouteLoad[] = [];
  for (const route of pageRoutes()) {
    const targets = route === "/s/[id]" ? shares : [{ label: route, path: route }];
    // The home page only redirects to /playground on the server.
    if (route === "/") continue;
    for (const t of targets) {
      const signedOut = route === "/sign-in" || route === "/setup";
      const { bodies, ...row } = await firstLoadJs(browser, base, t.path, signedOut ? undefined : signedIn);
      rows.push({ ...row, route: t.label, ...(MODULES ? { modules: await modulesOf(bodies) } : {}) });
    }
  }
  console.log(table(rows));
  for (const r of MODULES ? rows : []) {
    const top = Object.entries(r.modules ?? {}).slice(0, 12);
    console.log(`\n${r.route}: ${top.map(([k, n]) => `${k} ${n}`).join(", ")}`);
  }
  if (!QUICK) {
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", BUILD_ROOT, ...args], { encoding: "utf8" }).trim();
    const commit = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
    const name = process.env.BENCH_BUILD ? `first-load-${commit}.json` : "first-load.json";
    const out = path.resolve(__dirname, "results", name);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const result = { at: new Date().toISOString(), build: BUILD_ROOT, commit, dirty, routes: rows };
    fs.writeFileSync(out, JSON.stringify(result, null, 2));
    console.log(`\nWritten to ${path.relative(process.cwd(), out)}`);
  }
  mustHaveRun([
    ...rows.map((r) => r.scripts === 0 && `${r.route} loaded no scripts`),
    ...rows.map(
      (r) =>
        r.landed === "/sign-in" &&
        r.route !== "/sign-in" &&
        r.route !== "/setup" &&
        `${r.route} was not signed in`,
    ),
  ]);
  return rows;
}

if (require.main === module) runOnOwnStack("first-load", async (s) => void (await firstLoadBench(s)));
