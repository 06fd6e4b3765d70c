/**
 * Proxy benchmarks (`npm run bench`, after `npm run build`); CI runs them in quick mode (`bench/support.ts`).
 *
 * 1. SSE overhead: the same stream straight from a loopback upstream and through the console,
 *    alternating, in one run; time to first byte and inter-chunk gaps, p50/p99, and coalescing.
 * 2. Upload: a 1 GB multipart upload through the proxy while sampling the server's RSS.
 * 3. Concurrency: 500 simultaneous SSE streams through one server process.
 *
 * Options (env): BENCH_RUNS (40; quick 1), BENCH_UPLOAD_MB (1024; quick 8), BENCH_CONCURRENCY (500; quick 20).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { startBenchConsole } from "./console";
import { mustHaveRun, option, pct, QUICK, round } from "./support";
import { startBenchUpstream } from "./upstream";

const RUNS = option("BENCH_RUNS", 40, 1);
const UPLOAD_MB = option("BENCH_UPLOAD_MB", 1024, 8);
const CONCURRENCY = option("BENCH_CONCURRENCY", 500, 20);
const WARM_UP = QUICK ? 1 : 5;
const EVENTS = 62;
const INTERVAL_MS = 15;
const KEY = "sk-bench-0000000000000000";

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

interface StreamSample {
  ttfb: number;
  gaps: number[];
  chunks: number;
  events: number;
  coalesced: number;
}

function streamOnce(url: string, headers: Record<string, string>): Promise<StreamSample> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ model: "bench", stream: true, messages: [{ role: "user", content: "x" }] });
    const t0 = performance.now();
    let last = 0;
    const s: StreamSample = { ttfb: 0, gaps: [], chunks: 0, events: 0, coalesced: 0 };
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
          reject(new Error(`HTTP ${res.statusCode}`));
          res.resume();
          return;
        }
        res.on("data", (c: Buffer) => {
          const now = performance.now();
          if (s.chunks === 0) s.ttfb = now - t0;
          else s.gaps.push(now - last);
          last = now;
          s.chunks++;
          const n = c.toString("utf8").split("\n\n").length - 1;
          s.events += n;
          if (n > 1) s.coalesced++;
        });
        res.on("end", () => resolve(s));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0);
}

function sampleRss(pid: number): { stop: () => { peakMb: number; baseMb: number } } {
  const base = rssKb(pid);
  let peak = base;
  const t = setInterval(() => {
    peak = Math.max(peak, rssKb(pid));
  }, 25);
  return {
    stop() {
      clearInterval(t);
      peak = Math.max(peak, rssKb(pid));
      return { baseMb: base / 1024, peakMb: peak / 1024 };
    },
  };
}

function upload(
  url: string,
  headers: Record<string, string>,
  bytes: number,
): Promise<{ ms: number; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const boundary = "----benchtopbench";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nassistants\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const t0 = performance.now();
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(head.length + bytes + tail.length),
          ...headers,
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          body += d;
        });
        res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    const block = Buffer.alloc(1 << 20, 97);
    let sent = 0;
    req.write(head);
    const pump = () => {
      while (sent < bytes) {
        const n = Math.min(block.length, bytes - sent);
        sent += n;
        if (!req.write(n === block.length ? block : block.subarray(0, n))) {
          req.once("drain", pump);
          return;
        }
      }
      req.end(tail);
    };
    pump();
  });
}

export async function proxyBench(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const upstream = await startBenchUpstream({ events: EVENTS, intervalMs: INTERVAL_MS });
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
  const bench = await startBenchConsole("proxy", upstreamUrl, KEY).catch((e) => {
    upstream.close();
    throw e;
  });
  const { pid, auth } = bench;
  const consoleUrl = bench.url;
  try {
    const direct = `${upstreamUrl}/chat/completions`;
    const proxied = `${consoleUrl}/api/v1/chat/completions`;

    // 1. SSE overhead
    for (let i = 0; i < WARM_UP; i++) {
      await streamOnce(direct, {});
      await streamOnce(proxied, auth);
    }
    const d: StreamSample[] = [];
    const p: StreamSample[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate the order so drift on the machine hits both sides alike.
      if (i % 2) {
        d.push(await streamOnce(direct, {}));
        p.push(await streamOnce(proxied, auth));
      } else {
        p.push(await streamOnce(proxied, auth));
        d.push(await streamOnce(direct, {}));
      }
    }
    const stat = (xs: StreamSample[]) => ({
      ttfbP50: pct(
        xs.map((x) => x.ttfb),
        50,
      ),
      ttfbP99: pct(
        xs.map((x) => x.ttfb),
        99,
      ),
      gapP50: pct(
        xs.flatMap((x) => x.gaps),
        50,
      ),
      gapP99: pct(
        xs.flatMap((x) => x.gaps),
        99,
      ),
      coalescedChunks: xs.reduce((a, x) => a + x.coalesced, 0),
      events: xs.reduce((a, x) => a + x.events, 0),
      chunks: xs.reduce((a, x) => a + x.chunks, 0),
    });
    const sd = stat(d);
    const sp = stat(p);
    const sse = {
      runs: RUNS,
      eventsPerStream: EVENTS + 2,
      direct: sd,
      proxy: sp,
      addedTtfbP50Ms: sp.ttfbP50 - sd.ttfbP50,
      ttfbRatioP50: sp.ttfbP50 / sd.ttfbP50,
      gapRatioP50: sp.gapP50 / sd.gapP50,
      gapRatioP99: sp.gapP99 / sd.gapP99,
    };

    // 2. Upload
    const bytes = UPLOAD_MB * 1024 * 1024;
    const rss = sampleRss(pid);
    const up = await upload(`${consoleUrl}/api/v1/files`, auth, bytes);
    const mem = rss.stop();
    const upDirect = await upload(`${upstreamUrl}/files`, {}, bytes);
    const uploadResult = {
      mb: UPLOAD_MB,
      status: up.status,
      upstreamReceivedBytes:
        up.status === 200 ? (JSON.parse(up.body) as { bytes?: number }).bytes : undefined,
      proxyMBps: UPLOAD_MB / (up.ms / 1000),
      directMBps: UPLOAD_MB / (upDirect.ms / 1000),
      rssBaseMb: mem.baseMb,
      rssPeakMb: mem.peakMb,
      rssGrowthMb: mem.peakMb - mem.baseMb,
    };

    // 3. Concurrency
    const rss2 = sampleRss(pid);
    const t0 = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: CONCURRENCY }, () => streamOnce(proxied, auth)),
    );
    const wall = performance.now() - t0;
    const mem2 = rss2.stop();
    const ok = results.filter((r) => r.status === "fulfilled" && r.value.events === EVENTS + 2).length;
    const errors = results
      .filter((r) => r.status === "rejected")
      .map((r) => String((r as PromiseRejectedResult).reason));
    const concurrency = {
      streams: CONCURRENCY,
      complete: ok,
      errors: errors.length,
      firstError: errors[0] ?? null,
      wallMs: wall,
      ttfbP50: pct(
        results.flatMap((r) => (r.status === "fulfilled" ? [r.value.ttfb] : [])),
        50,
      ),
      ttfbP99: pct(
        results.flatMap((r) => (r.status === "fulfilled" ? [r.value.ttfb] : [])),
        99,
      ),
      rssBaseMb: mem2.baseMb,
      rssPeakMb: mem2.peakMb,
    };

    const out = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      sse,
      upload: uploadResult,
      concurrency,
    };
    if (!QUICK) {
      fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
      fs.writeFileSync(path.join(root, "bench/results/proxy.json"), JSON.stringify(out, null, 2));
    }
    report(out);
    const events = EVENTS + 2;
    mustHaveRun([
      [...d, ...p].some((x) => x.events !== events) && `a stream did not carry all ${events} events`,
      up.status !== 200 && `the upload through the proxy answered ${up.status}: ${up.body.slice(0, 200)}`,
      // The upstream counts the whole multipart body: the file and a few hundred bytes around it.
      (uploadResult.upstreamReceivedBytes ?? 0) < bytes &&
        `the upstream received ${uploadResult.upstreamReceivedBytes} bytes for a ${bytes}-byte file`,
      ok !== CONCURRENCY && `${CONCURRENCY - ok} of ${CONCURRENCY} concurrent streams did not complete`,
    ]);
  } finally {
    await bench.stop();
    upstream.close();
    agent.destroy();
  }
}

function report(o: {
  sse: {
    runs: number;
    direct: Record<string, number>;
    proxy: Record<string, number>;
    addedTtfbP50Ms: number;
    ttfbRatioP50: number;
    gapRatioP50: number;
    gapRatioP99: number;
  };
  upload: Record<string, number | undefined>;
  concurrency: Record<string, unknown>;
}): void {
  const { sse, upload: u, concurrency: c } = o;
  const r = (n: number | undefined) => (n === undefined ? "—" : round(n, 2));
  console.log(`
### SSE overhead (${sse.runs} alternating runs each, ${EVENTS} events ${INTERVAL_MS} ms apart)

| | direct | through Benchtop | ratio |
|---|---|---|---|
| time to first byte p50 (ms) | ${r(sse.direct.ttfbP50)} | ${r(sse.proxy.ttfbP50)} | ${r(sse.ttfbRatioP50)} |
| time to first byte p99 (ms) | ${r(sse.direct.ttfbP99)} | ${r(sse.proxy.ttfbP99)} | ${r((sse.proxy.ttfbP99 ?? 0) / (sse.direct.ttfbP99 ?? 1))} |
| inter-chunk gap p50 (ms) | ${r(sse.direct.gapP50)} | ${r(sse.proxy.gapP50)} | ${r(sse.gapRatioP50)} |
| inter-chunk gap p99 (ms) | ${r(sse.direct.gapP99)} | ${r(sse.proxy.gapP99)} | ${r(sse.gapRatioP99)} |
| chunks holding more than one event | ${sse.direct.coalescedChunks} of ${sse.direct.chunks} | ${sse.proxy.coalescedChunks} of ${sse.proxy.chunks} | |

Added time to first byte at p50: **${r(sse.addedTtfbP50Ms)} ms**.

### Upload (${u.mb} MB multipart through the proxy)

Status ${u.status}, upstream received ${u.upstreamReceivedBytes} bytes. Throughput ${r(u.proxyMBps)} MB/s through Benchtop vs ${r(u.directMBps)} MB/s direct.
Server RSS ${r(u.rssBaseMb)} MB → peak ${r(u.rssPeakMb)} MB: **growth ${r(u.rssGrowthMb)} MB**.

### Concurrency (${c.streams} simultaneous SSE streams, one server process)

Complete ${c.complete}, errors ${c.errors}${c.firstError ? ` (first: ${c.firstError})` : ""}; wall ${r(c.wallMs as number)} ms; TTFB p50 ${r(c.ttfbP50 as number)} ms, p99 ${r(c.ttfbP99 as number)} ms.
Server RSS ${r(c.rssBaseMb as number)} MB → peak ${r(c.rssPeakMb as number)} MB.
`);
}

if (require.main === module) {
  proxyBench().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
