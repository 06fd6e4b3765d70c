import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Habits that slipped once and are cheap to keep by test: every TanStack Query key comes from
 * lib/query-keys.ts, a page's folder never reaches into another page's folder (what two pages
 * share moves to a shared folder), and the browser talks to the console through one client.
 */

const ROOT = join(import.meta.dirname, "..", "..");

/** Folders under components/ that any feature may import. Every other folder belongs to one page. */
// budgets: the headroom panel (Limits page), the budgets tab (Settings) and the notices banner (shell).
const SHARED = new Set([
  "budgets",
  "ui",
  "shell",
  "shares",
  "tokens",
  "queries",
  "diagnostics",
  "models",
  "editors",
]);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const files = ["app", "components", "lib"].flatMap(sources);

describe("architecture", () => {
  it("takes every query key from lib/query-keys.ts", () => {
    const literal = /queryKey:\s*\[|QueryData\(\s*\[|Queries\(\s*\[/;
    const offenders = files.filter(
      (f) => f !== "lib/query-keys.ts" && literal.test(readFileSync(join(ROOT, f), "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps each page's components/ folder to itself", () => {
    const offenders: string[] = [];
    for (const f of files.filter((f) => f.startsWith("components/"))) {
      const own = f.split("/")[1];
      const text = readFileSync(join(ROOT, f), "utf8");
      for (const [, spec] of text.matchAll(/from\s+"([^"]+)"/g)) {
        // The folder under components/ the import lands in, relative imports resolved from the file.
        const path = spec?.startsWith("@/")
          ? spec.slice(2)
          : spec?.startsWith(".")
            ? posix.join(posix.dirname(f), spec)
            : undefined;
        const target = path?.startsWith("components/") ? path.split("/")[1] : undefined;
        if (target && target !== own && !SHARED.has(target)) {
          offenders.push(`${f} → ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("sends the browser's requests through the one client, typed with the SDK's types only", () => {
    // The worker loads its own WebAssembly; code.ts writes `fetch(` into the snippets it shows.
    const allowed = new Set([
      "lib/api-client.ts",
      "lib/api-upload.ts",
      "lib/tokens/load-engine.ts",
      "lib/playground/code.ts",
    ]);
    const browser = files.filter(
      (f) => (f.startsWith("components/") || f.startsWith("lib/")) && !/^lib\/(server|emulator)\//.test(f),
    );
    const offenders: string[] = [];
    for (const f of browser) {
      const text = readFileSync(join(ROOT, f), "utf8");
      if (!allowed.has(f) && /\bfetch\(|XMLHttpRequest/.test(text)) offenders.push(`${f}: own fetch`);
      // Statements only: lib/playground/code-sdk.ts writes `import OpenAI from "openai"` into programs.
      if (/^import\s+(?!type\b)[^;]*?from\s+"openai/m.test(text)) offenders.push(`${f}: SDK runtime`);
    }
    expect(offenders).toEqual([]);
  });

  it("asks with the page's own dialogs, never the browser's popups", () => {
    // components/ui/confirm-dialog.tsx and prompt-dialog.tsx: a phone shows native ones as system sheets.
    const offenders = files.filter((f) =>
      /\bwindow\.(confirm|prompt|alert)\(|(?<![.\w])(confirm|prompt|alert)\(\s*["'`]/.test(
        readFileSync(join(ROOT, f), "utf8"),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
