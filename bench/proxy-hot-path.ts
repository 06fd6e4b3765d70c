/**
 * The proxy's hot path (`npm run bench:proxy-hot-path`, after `npm run build`): what Benchtop adds to
 * a streamed chat completion's first event and to a whole JSON answer, against what a bare Node pipe
 * proxy adds, measured interleaved in one run against the same local upstream.
 *
 * Each round calls every path once in a rotating order — straight to the upstream, through the bare
 * pipe (bench/bare-pipe.ts, its own process), through the built console with a token that has no
 * limits ("budgets off") and, when the build has `budget:set`, with a token that has limits ("budgets
 * on": every call reserves before it goes upstream) — a streamed call (time to the first whole
 * event) and a JSON call (time to the last byte). "Added" is a path's percentile minus the direct
 * percentile; the bar (issue 15) is Benchtop's added time within 1.5× the bare pipe's, p50 and p90.
 *
 * Options (env): BENCH_ROUNDS (600; quick 3), BENCH_GAP_MS (pause between calls, 2),
 * BENCH_BUDGETS=0 to skip the limited token.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { type BenchConsole, startBenchConsole } from "./console";
import { mustHaveRun, option, pct, QUICK, round } from "./support";
import { startChatUpstream } from "./upstream";

const ROUNDS = option("BENCH_ROUNDS", 600, 3);
const WARM_UP = QUICK ? 2 : 50;
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 2);
const EVENTS = 5;
const INTERVAL_MS = 2;
const KEY = "sk-bench-0000000000000000";
const BUDGETS = process.env.BENCH_BUDGETS !== "0";

const STREAM_BODY = JSON.stringify({
  model: "gpt-4o-mini",
  stream: true,
  stream_options: { include_usage: true },
  max_tokens: 64,
  messages: [{ role: "user", content: "Say hello." }],
});
const JSON_BODY = JSON.stringify({
  model: "gpt-4o-mini",
  max_tokens: 64,
  messages: [{ role: "user", content: "Say hello." }],
});

interface Sample {
  /** Streamed: time to the first whole event. JSON: time to the last byte. */
  ms: number;
  events: number;
  /** Chunks that held more than one event, apart from the last (usage and [DONE] are written together). */
  coalesced: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

function call(url: string, headers: Record<string, string>, stream: boolean): Promise<Sample> {
  const body = stream ? STREAM_BODY : JSON_BODY;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const s: Sample = { ms: 0, events: 0, coalesced: 0 };
    let lastMulti = false;
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          ...headers,
        },
      },
      (res) => {
        if (res.statusCode !== 200) {
          let text = "";
          res.on("data", (c: Buffer) => {
            text += c;
          });
          res.on("end", () => reject(new Error(`HTTP ${res.statusCode} from ${url}: ${text.slice(0, 300)}`)));
          return;
        }
        let tail = "";
        res.on("data", (c: Buffer) => {
          if (!stream) return;
          tail += c.toString("utf8");
          const parts = tail.split("\n\n");
          tail = parts.pop() ?? "";
          if (parts.length && s.events === 0) s.ms = performance.now() - t0;
          if (lastMulti) s.coalesced++;
          lastMulti = parts.length > 1;
          s.events += parts.length;
        });
        res.on("end", () => {
          if (!stream) s.ms = performance.now() - t0;
          resolve(s);
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Two decimals, or a dash for a figure that could not be taken. */
const ms = (n: number) => (Number.isFinite(n) ? round(n, 2) : "—");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startBarePipeProcess(upstream: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "bare-pipe.ts")], {
    env: { ...process.env, UPSTREAM: upstream },
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.on("exit", () => child.kill());
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bare pipe exited (${code})`)));
    child.stdout?.once("data", (d: Buffer) =>
      resolve({ url: `http://127.0.0.1:${d.toString().trim()}`, child }),
    );
  });
}

/** A second token for the bench user with limits far above what the bench spends, or null without `budget:set`. */
function limitedToken(bench: BenchConsole): { authorization: string } | null {
  if (!BUDGETS) return null;
  const token = bench.ops("token:create", "--email", "bench@example.com", "--name", "bench-limited");
  try {
    bench.ops(
      "budget:set",
      "--token",
      token,
      "--usd-per-day",
      "100000",
      "--usd-per-month",
      "1000000",
      "--rpm",
      "1000000",
      "--tpm",
      "1000000000",
    );
  } catch (e) {
    console.error(`budgets on: not measured (budget:set failed: ${(e as Error).message.split("\n")[0]})`);
    return null;
  }
  return { authorization: `Bearer ${token}` };
}

interface PathDef {
  name: string;
  stream: string;
  json: string;
  headers: Record<string, string>;
}

export async function proxyHotPathBench(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const upstream = await startChatUpstream({ events: EVENTS, intervalMs: INTERVAL_MS });
  const upstreamBase = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  let bare: { url: string; child: ChildProcess } | null = null;
  let bench: BenchConsole | null = null;
  try {
    bare = await startBarePipeProcess(upstreamBase);
    bench = await startBenchConsole("hot-path", `${upstreamBase}/v1`, KEY);
    const limited = limitedToken(bench);
    const paths: PathDef[] = [
      { name: "direct", stream: upstreamBase, json: upstreamBase, headers: {} },
      { name: "bare pipe", stream: bare.url, json: bare.url, headers: {} },
      { name: "Benchtop, budgets off", stream: "", json: "", headers: bench.auth },
    ];
    if (limited) paths.push({ name: "Benchtop, budgets on", stream: "", json: "", headers: limited });
    for (const p of paths) {
      const base = p.name.startsWith("Benchtop") ? `${bench.url}/api` : p.stream;
      p.stream = `${base}/v1/chat/completions`;
      p.json = `${base}/v1/chat/completions`;
    }

    const samples = paths.map(() => ({ stream: [] as Sample[], json: [] as Sample[] }));
    for (let r = -WARM_UP; r < ROUNDS; r++) {
      // Rotating the order spreads whatever the machine does between calls over every path alike.
      for (let k = 0; k < paths.length; k++) {
        const i = (((r + k) % paths.length) + paths.length) % paths.length;
        const p = paths[i] as PathDef;
        const s = await call(p.stream, p.headers, true);
        if (GAP_MS) await sleep(GAP_MS);
        const j = await call(p.json, p.headers, false);
        if (GAP_MS) await sleep(GAP_MS);
        if (r >= 0) {
          samples[i]?.stream.push(s);
          samples[i]?.json.push(j);
        }
      }
    }

    const stat = (xs: Sample[]) => ({
      p50: pct(
        xs.map((x) => x.ms),
        50,
      ),
      p90: pct(
        xs.map((x) => x.ms),
        90,
      ),
    });
    const direct = { stream: stat(samples[0]?.stream ?? []), json: stat(samples[0]?.json ?? []) };
    const rows = paths.map((p, i) => {
      const s = stat(samples[i]?.stream ?? []);
      const j = stat(samples[i]?.json ?? []);
      return {
        name: p.name,
        firstEvent: s,
        lastByte: j,
        added: {
          firstEventP50: s.p50 - direct.stream.p50,
          firstEventP90: s.p90 - direct.stream.p90,
          lastByteP50: j.p50 - direct.json.p50,
          lastByteP90: j.p90 - direct.json.p90,
        },
        coalesced: (samples[i]?.stream ?? []).reduce((a, x) => a + x.coalesced, 0),
      };
    });
    const bareAdded = rows[1]?.added;
    const out = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      load: os.loadavg(),
      rounds: ROUNDS,
      gapMs: GAP_MS,
      rows: rows.map((row) => ({
        ...row,
        ratio:
          bareAdded && row.name.startsWith("Benchtop")
            ? {
                firstEventP50: row.added.firstEventP50 / bareAdded.firstEventP50,
                firstEventP90: row.added.firstEventP90 / bareAdded.firstEventP90,
                lastByteP50: row.added.lastByteP50 / bareAdded.lastByteP50,
                lastByteP90: row.added.lastByteP90 / bareAdded.lastByteP90,
              }
            : null,
      })),
    };
    if (!QUICK) {
      fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
      fs.writeFileSync(path.join(root, "bench/results/proxy-hot-path.json"), JSON.stringify(out, null, 2));
    }
    report(out);
    const events = EVENTS + 2;
    mustHaveRun(
      samples.flatMap((s, i) => [
        s.stream.some((x) => x.events !== events) &&
          `${paths[i]?.name}: a stream did not carry all ${events} events`,
        s.stream.some((x) => x.coalesced > 0) && `${paths[i]?.name}: events were coalesced into one chunk`,
        s.stream.length !== ROUNDS && `${paths[i]?.name}: ${s.stream.length} of ${ROUNDS} rounds`,
      ]),
    );
  } finally {
    await bench?.stop();
    bare?.child.kill();
    upstream.close();
    agent.destroy();
  }
}

function report(o: {
  rounds: number;
  load: number[];
  rows: {
    name: string;
    firstEvent: { p50: number; p90: number };
    lastByte: { p50: number; p90: number };
    added: Record<"firstEventP50" | "firstEventP90" | "lastByteP50" | "lastByteP90", number>;
    ratio: Record<"firstEventP50" | "firstEventP90" | "lastByteP50" | "lastByteP90", number> | null;
  }[];
}): void {
  const lines = o.rows.map((r) => {
    const x = (k: keyof typeof r.added) => `${ms(r.added[k])}${r.ratio ? ` (${ms(r.ratio[k])}×)` : ""}`;
    return `| ${r.name} | ${ms(r.firstEvent.p50)} / ${ms(r.firstEvent.p90)} | ${r.name === "direct" ? "—" : `${x("firstEventP50")} / ${x("firstEventP90")}`} | ${ms(r.lastByte.p50)} / ${ms(r.lastByte.p90)} | ${r.name === "direct" ? "—" : `${x("lastByteP50")} / ${x("lastByteP90")}`} |`;
  });
  console.log(`
### Proxy hot path (${o.rounds} interleaved rounds, load average ${o.load.map((l) => l.toFixed(1)).join(" ")})

Milliseconds, p50 / p90. "Added" is the path's percentile minus the direct one; (×) is Benchtop's
added time over the bare pipe's.

| path | first event (stream) | added | last byte (JSON) | added |
|---|---|---|---|---|
${lines.join("\n")}
`);
}

if (require.main === module) {
  proxyHotPathBench().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
