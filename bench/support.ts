/**
 * What the benchmarks share. With BENCH_QUICK=1 (`npm run bench:quick`, run by CI) each one runs once
 * at small sizes and checks only that it ran; the figures in docs/performance.md come from full runs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const QUICK = process.env.BENCH_QUICK === "1";

/** The checkout whose build the browser benches start: this one, or BENCH_BUILD (another worktree). */
export const BUILD_ROOT = path.resolve(process.env.BENCH_BUILD || path.join(__dirname, ".."));

/** `n` to `d` decimals. */
export const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * The nearest-rank percentile `p` of `values`: always one of them, never interpolated. `empty` is
 * what no values give (0 where none means none happened, e.g. long tasks).
 */
export function pct(values: number[], p: number, empty = Number.NaN): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return empty;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? empty;
}

/** A number from the environment if set, else the quick or the full default. */
export function option(name: string, full: number, quick: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return QUICK ? quick : full;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${raw} is not a positive number`);
  return n;
}

/** A port free right now, so that runs side by side on one machine do not collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up in ${ms / 1000} s`);
}

const servers = new Set<ChildProcess>();
// However the bench ends (a failure, or the quick runner's time limit), it leaves no server behind.
process.on("exit", () => {
  for (const s of servers) s.kill();
});

/**
 * Starts the built console server (`entry`), stopped when this process exits if not before.
 * BENCH_SERVER_NODE_ARGS adds flags for its node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, which
 * NODE_OPTIONS refuses).
 */
export function spawnServer(entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const flags = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn("node", [...flags, entry], {
    env,
    cwd: path.dirname(entry),
    stdio: ["ignore", "ignore", "inherit"],
  });
  servers.add(child);
  child.once("exit", () => servers.delete(child));
  return child;
}

/** Rejects when the process exits: a server that crashes at start fails the run at once. */
export function exitOf(child: ChildProcess): Promise<never> {
  return new Promise((_, reject) => {
    child.once("exit", (code, signal) => reject(new Error(`the console server exited (${code ?? signal})`)));
  });
}

/** Fails the run, after its figures were printed, when what it measured did not happen. */
export function mustHaveRun(problems: (string | false | null | undefined)[]): void {
  const found = problems.filter((p): p is string => typeof p === "string");
  if (found.length) throw new Error(`The benchmark did not run as intended:\n- ${found.join("\n- ")}`);
}
