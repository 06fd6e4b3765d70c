/**
 * Bundles the two programs that run beside Next's standalone server — the production server
 * (benchtop-server.cjs) and the ops CLI (console.mjs) — and makes .next/standalone self-contained for
 * them, because the Docker image copies that directory alone (`npm run test:standalone` checks it).
 *
 * Pure-JS dependencies are bundled in: Next's tracing carries only what Next's own chunks load, and
 * Next bundles most packages (zod among them) into those chunks. Kept external: `next`, which the
 * server entry starts exactly as the generated server.js does (so the trace carries it), and the
 * packages Next keeps external too (serverExternalPackages: native or WASM code loaded from files
 * beside it). Next traces only the files its server loads (their CommonJS builds); the CLI is ESM and
 * imports their ESM builds, so those packages and their dependencies are copied whole.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
const standalone = path.join(root, ".next/standalone");
const nextConfig = createRequire(import.meta.url)("../next.config.js") as {
  serverExternalPackages: string[];
};
const copied = nextConfig.serverExternalPackages;

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  external: [...copied, "next"],
  alias: { "server-only": "./lib/server/ops/no-op.ts" },
  logLevel: "warning",
};

/** Copies an installed package and what it depends on, at the same path under .next/standalone. */
function copyPackage(name: string, from: string, done: Set<string>): boolean {
  const dir = findPackage(name, from);
  if (!dir) return false;
  if (done.has(dir)) return true;
  done.add(dir);
  const target = path.join(standalone, path.relative(root, dir));
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(dir, target, { recursive: true, dereference: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    if (!copyPackage(dep, dir, done)) throw new Error(`${name} depends on ${dep}, which is not installed.`);
  }
  // Platform builds (e.g. @node-rs/argon2-linux-x64-gnu): only this machine's is installed.
  for (const dep of Object.keys(pkg.optionalDependencies ?? {})) copyPackage(dep, dir, done);
  return true;
}

/** Node's lookup: node_modules/<name> in `from` and each directory above it, up to the project root. */
function findPackage(name: string, from: string): string | undefined {
  for (let dir = from; dir.startsWith(root); dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === root) break;
  }
  return undefined;
}

await Promise.all([
  build({
    ...common,
    entryPoints: ["lib/server/node-entry.ts"],
    outfile: path.join(standalone, "benchtop-server.cjs"),
    format: "cjs",
  }),
  // Next's thread of the production server (lib/server/next-thread.ts), started by the server entry.
  build({
    ...common,
    entryPoints: ["lib/server/next-thread.ts"],
    outfile: path.join(standalone, "next-thread.cjs"),
    format: "cjs",
  }),
  // The embedded database's thread (lib/server/db/pglite-worker.ts), started by the server entry.
  build({
    ...common,
    entryPoints: ["lib/server/db/pglite-worker.ts"],
    outfile: path.join(standalone, "pglite-worker.cjs"),
    format: "cjs",
  }),
  build({
    ...common,
    entryPoints: ["lib/server/ops/cli.ts"],
    outfile: path.join(standalone, "console.mjs"),
    format: "esm",
  }),
]);

const done = new Set<string>();
for (const name of copied) {
  if (!copyPackage(name, root, done)) throw new Error(`${name} is not installed.`);
}
