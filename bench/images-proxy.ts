/**
 * Image answers through the proxy (`npm run bench:images-proxy`, after `npm run build`); CI runs it
 * in quick mode (`bench/support.ts`: 4 MB answers, one run).
 *
 * The emulator pads each image so its base64 is BENCH_IMAGE_MB (default 20) MB; the client reads
 * every byte. Measured in one run, alternating: time to last byte straight from the emulator and
 * through Benchtop, and the console server's RSS sampled every 25 ms against its level just before
 * (the issue's bar: growth under 32 MB), and against its level before the first image call. Then
 * the same image streamed with 3 partial images (four events of that size, padded alike), and the
 * ledger entries checked for the usage at the end of each answer.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "../lib/emulator/server";
import { startBenchConsole, timedPost } from "./console";
import { mustHaveRun, option, QUICK, round } from "./support";

const MB = option("BENCH_IMAGE_MB", 20, 4);
const RUNS = option("BENCH_IMAGE_RUNS", 8, 1);
const KEY = "sk-bench-0000000000000000";
const BAR_MB = 32;
const agent = new http.Agent({ keepAlive: true });

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

function sampleRss(pid: number) {
  const base = rssMb(pid);
  let peak = base;
  const t = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 25);
  return {
    stop() {
      clearInterval(t);
      peak = Math.max(peak, rssMb(pid));
      return { baseMb: base, peakMb: peak, growthMb: peak - base };
    },
  };
}

/** POSTs JSON and reads the whole answer, keeping only its size: time to last byte in ms. */
const timeToLastByte = async (url: string, headers: Record<string, string>, body: unknown) => {
  const r = await timedPost(agent, url, headers, body);
  return { ms: r.ttlb, bytes: r.bytes, status: r.status };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function imagesProxyBench(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const emulator = await startEmulator({ apiKey: KEY, port: 0 });
  emulator.state.config.imageB64Bytes = MB * 1_000_000;
  emulator.state.config.streamChunkDelayMs = 0;
  const bench = await startBenchConsole("images", emulator.url, KEY).catch(async (e) => {
    await emulator.close();
    throw e;
  });
  const { pid, auth } = bench;
  const consoleUrl = bench.url;
  try {
    const direct = `${emulator.url}/images/generations`;
    const proxied = `${consoleUrl}/api/v1/images/generations`;
    const body = { model: "gpt-image-2", prompt: "a benchmark lighthouse", size: "1024x1024" };
    const streamed = { ...body, stream: true, partial_images: 3 };

    const cold = rssMb(pid);
    // Warm up both paths (the emulator caches its padding; the server loads the route).
    await timeToLastByte(direct, { authorization: `Bearer ${KEY}` }, body);
    await timeToLastByte(proxied, auth, body);

    const d: number[] = [];
    const p: number[] = [];
    let bytes = 0;
    const statuses = new Set<number>();
    const rss = sampleRss(pid);
    for (let i = 0; i < RUNS; i++) {
      const a = await timeToLastByte(direct, { authorization: `Bearer ${KEY}` }, body);
      const b = await timeToLastByte(proxied, auth, body);
      d.push(a.ms);
      p.push(b.ms);
      bytes = b.bytes;
      statuses.add(b.status);
    }
    const mem = rss.stop();
    const rssStream = sampleRss(pid);
    const s = await timeToLastByte(proxied, auth, streamed);
    const memStream = rssStream.stop();
    const sd = await timeToLastByte(direct, { authorization: `Bearer ${KEY}` }, streamed);

    const ledger = JSON.parse(
      bench.ops("ledger:recent", "--path", "/v1/images/generations", "--limit", "2", "--json"),
    ) as {
      entries: {
        stream: boolean;
        outputTokens: number | null;
        images: number | null;
        responseBytes: number | null;
      }[];
    };
    const out = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      imageB64Mb: MB,
      runs: RUNS,
      answerBytes: bytes,
      rssBeforeFirstImageMb: cold,
      json: { directTtlbP50Ms: median(d), proxyTtlbP50Ms: median(p), ...mem },
      stream: { events: 4, bytes: s.bytes, directTtlbMs: sd.ms, proxyTtlbMs: s.ms, ...memStream },
      ledger: ledger.entries,
    };
    if (!QUICK) {
      fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
      fs.writeFileSync(path.join(root, "bench/results/images-proxy.json"), JSON.stringify(out, null, 2));
    }
    const r = (n: number) => round(n);
    console.log(`
### Images: a ${MB} MB base64 answer through the proxy (${RUNS} alternating runs)

| | direct | through Benchtop |
|---|---|---|
| JSON answer (${r(bytes / 1e6)} MB), time to last byte p50 (ms) | ${r(median(d))} | ${r(median(p))} |
| streamed, 3 partials + final (${r(s.bytes / 1e6)} MB), time to last byte (ms) | ${r(sd.ms)} | ${r(s.ms)} |

Server RSS during the JSON runs ${r(mem.baseMb)} MB → peak ${r(mem.peakMb)} MB: **growth ${r(mem.growthMb)} MB**;
during the stream ${r(memStream.baseMb)} → ${r(memStream.peakMb)} MB: **growth ${r(memStream.growthMb)} MB** (bar: ${BAR_MB} MB).
Before the first image call (warm-up included): ${r(cold)} MB → peak ${r(Math.max(mem.peakMb, memStream.peakMb))} MB, growth ${r(Math.max(mem.peakMb, memStream.peakMb) - cold)} MB.
Ledger: ${ledger.entries.map((e) => `${e.stream ? "stream" : "json"} ${e.images} image(s), ${e.outputTokens} output tokens`).join("; ")}.
`);
    const [last, previous] = ledger.entries;
    mustHaveRun([
      [...statuses].some((x) => x !== 200) && `the proxy answered ${[...statuses].join(", ")}`,
      bytes < MB * 1_000_000 && `the answer was ${bytes} bytes, under ${MB} MB`,
      !(last?.stream && last.images === 1 && (last.outputTokens ?? 0) > 0) &&
        "the streamed call's usage was not recorded",
      !(previous && previous.images === 1 && (previous.outputTokens ?? 0) > 0) &&
        "the JSON call's usage was not recorded",
      !QUICK && mem.growthMb >= BAR_MB && `server memory grew ${r(mem.growthMb)} MB (bar ${BAR_MB} MB)`,
      !QUICK &&
        memStream.growthMb >= BAR_MB &&
        `server memory grew ${r(memStream.growthMb)} MB streaming (bar ${BAR_MB} MB)`,
    ]);
  } finally {
    await bench.stop();
    await emulator.close();
    agent.destroy();
  }
}

if (require.main === module) {
  imagesProxyBench().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
