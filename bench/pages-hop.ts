/**
 * What Next in a worker thread costs the console's own pages and routes (`npm run bench:pages-hop`,
 * after `npm run build`; CI runs it in quick mode). The production server answers everything but
 * `/api/v1/*` by forwarding it to Next's thread over a Unix socket (docs/architecture.md, "Next in a
 * worker thread"). Two built consoles, one as shipped and one with BENCHTOP_PROXY_FAST_PATH=0 (Next
 * on the main thread, as before), are asked interleaved for a route handler (`/api/health`: a
 * database query) and a page (`/sign-in`: a server render), time to last byte over a keep-alive
 * connection. "Added" is the worker's percentile minus the main thread's.
 */
import http from "node:http";
import { type BenchConsole, startBenchConsole } from "./console";
import { mustHaveRun, option, pct, round } from "./support";

const ROUNDS = option("BENCH_PAGES_ROUNDS", 300, 20);
const WARM_UP = 20;
const KEY = "sk-bench-0000000000000000";
const TARGETS = ["/api/health", "/sign-in"] as const;

function get(agent: http.Agent, url: string): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

export async function pagesHopBench(): Promise<void> {
  const consoles: { name: string; bench: BenchConsole; agent: http.Agent }[] = [];
  // No call goes upstream: any address will do.
  const upstream = "http://127.0.0.1:9/v1";
  try {
    process.env.BENCHTOP_PROXY_FAST_PATH = "0";
    consoles.push({
      name: "Next on the main thread",
      bench: await startBenchConsole("pages-main", upstream, KEY),
      agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    });
    delete process.env.BENCHTOP_PROXY_FAST_PATH;
    consoles.push({
      name: "Next in a worker thread",
      bench: await startBenchConsole("pages-worker", upstream, KEY),
      agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    });
    const ms = consoles.map(() => TARGETS.map(() => [] as number[]));
    const statuses = new Set<number>();
    for (let r = -WARM_UP; r < ROUNDS; r++) {
      for (let k = 0; k < consoles.length; k++) {
        const i = (((r + k) % consoles.length) + consoles.length) % consoles.length;
        const c = consoles[i] as (typeof consoles)[number];
        for (const [t, target] of TARGETS.entries()) {
          const res = await get(c.agent, `${c.bench.url}${target}`);
          statuses.add(res.status);
          if (r >= 0) ms[i]?.[t]?.push(res.ms);
        }
      }
    }
    console.log(`\n### Pages through the main thread's forward (${ROUNDS} interleaved rounds)\n`);
    console.log("Milliseconds to the last byte, p50 / p90.\n");
    console.log(`| console | ${TARGETS.join(" | ")} |`);
    console.log(`|---|${TARGETS.map(() => "---").join("|")}|`);
    for (const [i, c] of consoles.entries()) {
      const cells = TARGETS.map((_, t) => {
        const xs = ms[i]?.[t] ?? [];
        return `${round(pct(xs, 50), 2)} / ${round(pct(xs, 90), 2)}`;
      });
      console.log(`| ${c.name} | ${cells.join(" | ")} |`);
    }
    const added = TARGETS.map((_, t) => {
      const a = ms[0]?.[t] ?? [];
      const b = ms[1]?.[t] ?? [];
      return `${round(pct(b, 50) - pct(a, 50), 2)} / ${round(pct(b, 90) - pct(a, 90), 2)}`;
    });
    console.log(`| added by the forward | ${added.join(" | ")} |`);
    mustHaveRun([
      [...statuses].some((s) => s !== 200) && `a page answered ${[...statuses].join(", ")}, not 200`,
      ms.some((m) => m.some((xs) => xs.length !== ROUNDS)) && "a console missed rounds",
    ]);
  } finally {
    delete process.env.BENCHTOP_PROXY_FAST_PATH;
    for (const c of consoles) c.agent.destroy();
    await Promise.all(consoles.map((c) => c.bench.stop()));
  }
}

if (require.main === module) {
  pagesHopBench().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
