/**
 * The cost of the proxy's `prompt` expansion (`npm run bench:assistants-expand`, after `npm run
 * build`); CI runs it in quick mode (`bench/support.ts`).
 *
 * One console and one emulator. An assistant with 5 tools and 3 variables is created; then the same
 * Responses call goes through the proxy with `prompt` (expanded by the console) and without it (the
 * body the expansion produces, sent as is), alternating, non-streamed (time to last byte) and
 * streamed (time to first event and to last byte). The issue's bar: the expansion adds at most
 * 0.5 ms at p50, checked on the paired differences (each run's two calls, back to back), which a
 * loaded machine disturbs less than a difference of two p50s. Both forms are checked to reach the
 * emulator as the same request.
 *
 * Options (env): BENCH_EXPAND_RUNS (400; quick 10).
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import {
  configToResponsesBody,
  expandRequest,
  readPromptRef,
  substituteVariables,
} from "../lib/assistants/expand";
import type { AssistantConfig } from "../lib/assistants/schema";
import { startEmulator } from "../lib/emulator/server";
import { startBenchConsole, timedPost } from "./console";
import { mustHaveRun, option, pct, QUICK, round } from "./support";

const RUNS = option("BENCH_EXPAND_RUNS", 400, 10);
const WARM_UP = QUICK ? 3 : 40;
const KEY = "sk-bench-0000000000000000";
const BAR_MS = 0.5;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

const fn = (name: string, props: Record<string, unknown>) => ({
  type: "function" as const,
  name,
  description: `The ${name} tool.`,
  parameters: JSON.stringify({
    type: "object",
    properties: props,
    required: Object.keys(props),
    additionalProperties: false,
  }),
  strict: true,
});

export const BENCH_ASSISTANT: AssistantConfig = {
  name: "Bench support agent",
  description: "Five tools, three variables.",
  model: "gpt-5-mini",
  instructions:
    "You are the support agent of {{company}}. Answer customers on the {{tier}} plan in at most {{limit}} sentences. " +
    "Look orders up before answering; never guess an order's state. ".repeat(8),
  variables: [
    { name: "company", type: "string", description: "Company name" },
    {
      name: "tier",
      type: "enum",
      description: "Plan",
      options: ["free", "pro", "enterprise"],
      default: "free",
    },
    { name: "limit", type: "integer", description: "Sentences", default: "4" },
  ],
  tools: [
    fn("lookup_order", { order_id: { type: "string" } }),
    fn("refund_order", { order_id: { type: "string" }, amount: { type: "number" } }),
    fn("find_customer", { email: { type: "string" } }),
    fn("open_ticket", { subject: { type: "string" }, body: { type: "string" } }),
    { type: "web_search", contextSize: "low", allowedDomains: ["example.com"] },
  ],
  responseFormat: { type: "text" },
  reasoningEffort: "low",
  reasoningSummary: "auto",
  verbosity: "low",
  store: false,
  metadata: [{ key: "team", value: "support" }],
};

const VARIABLES = { company: "Acme", tier: "pro", limit: "3" };
const INPUT = [{ role: "user", content: "Where is my order 1234?" }];

interface Sample {
  status: number;
  /** Time to the first body byte (for a stream: the first event). */
  ttfb: number;
  ttlb: number;
}

const call = (url: string, headers: Record<string, string>, body: unknown): Promise<Sample> =>
  timedPost(agent, url, headers, body);

/**
 * The expansion's own CPU time in this process, without the network or the cached lookup: parse the
 * body, read the prompt, substitute, build the body, merge, serialise. Steadier than the end-to-end
 * figures on a loaded machine.
 */
function cpuCost(id: string): { p50: number; p90: number } {
  const raw = Buffer.from(JSON.stringify({ prompt: { id, variables: VARIABLES }, input: INPUT }));
  const times: number[] = [];
  for (let i = 0; i < (QUICK ? 200 : 5000); i++) {
    const t0 = performance.now();
    const request = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
    const ref = readPromptRef(request);
    const instructions = substituteVariables(BENCH_ASSISTANT, ref?.variables ?? {});
    const body = expandRequest(request, configToResponsesBody(BENCH_ASSISTANT, instructions, {}));
    Buffer.from(JSON.stringify(body));
    times.push(performance.now() - t0);
  }
  return { p50: pct(times, 50), p90: pct(times, 90) };
}

export async function assistantsExpandBench(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const emulator = await startEmulator({ apiKey: KEY, port: 0 });
  emulator.state.config.streamChunkDelayMs = 0;
  const bench = await startBenchConsole("expand", emulator.url, KEY).catch(async (e) => {
    await emulator.close();
    throw e;
  });
  const consoleUrl = bench.url;
  const auth = bench.auth;
  try {
    const created = await fetch(`${consoleUrl}/api/assistants`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ config: BENCH_ASSISTANT, visibility: "team" }),
    });
    if (created.status !== 201)
      throw new Error(`creating the assistant: HTTP ${created.status} ${await created.text()}`);
    const { assistant } = (await created.json()) as { assistant: { id: string } };

    const url = `${consoleUrl}/api/v1/responses`;
    const withPrompt = (stream: boolean) => ({
      prompt: { id: assistant.id, variables: VARIABLES },
      input: INPUT,
      ...(stream ? { stream: true } : {}),
    });
    // The body the expansion produces, sent by the caller itself: the same upstream request.
    const plain = (stream: boolean) =>
      expandRequest(
        withPrompt(stream),
        configToResponsesBody(BENCH_ASSISTANT, substituteVariables(BENCH_ASSISTANT, VARIABLES), null),
      );

    const upstreamBodies = async () => {
      const log = emulator.state.log.filter((r) => r.path === "/v1/responses");
      return log.slice(-2).map((r) => JSON.stringify(r.json));
    };
    emulator.state.log = [];
    await call(url, auth, withPrompt(false));
    await call(url, auth, plain(false));
    const [a, b] = await upstreamBodies();
    const same = a !== undefined && a === b;

    const figures: Record<string, { with: Sample[]; without: Sample[] }> = {
      json: { with: [], without: [] },
      stream: { with: [], without: [] },
    };
    const statuses = new Set<number>();
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      for (const stream of [false, true]) {
        // Alternate which goes first, so neither form always follows the other.
        const order = i % 2 === 0 ? [true, false] : [false, true];
        for (const expand of order) {
          const s = await call(url, auth, expand ? withPrompt(stream) : plain(stream));
          statuses.add(s.status);
          if (i < WARM_UP) continue;
          const f = figures[stream ? "stream" : "json"] as { with: Sample[]; without: Sample[] };
          (expand ? f.with : f.without).push(s);
        }
      }
    }
    // Keeps the emulator's log from growing with the run.
    emulator.state.log = [];

    const row = (label: string, pick: (s: Sample) => number, f: { with: Sample[]; without: Sample[] }) => {
      const w = f.with.map(pick);
      const wo = f.without.map(pick);
      return {
        label,
        withoutP50: pct(wo, 50),
        withP50: pct(w, 50),
        withoutP90: pct(wo, 90),
        withP90: pct(w, 90),
        addedP50: pct(w, 50) - pct(wo, 50),
        addedP90: pct(w, 90) - pct(wo, 90),
        // Each run's pair (measured back to back) differenced: steadier than a difference of p50s under load.
        pairedP50: pct(
          w.map((x, i) => x - (wo[i] ?? Number.NaN)),
          50,
        ),
      };
    };
    const json = figures.json as { with: Sample[]; without: Sample[] };
    const stream = figures.stream as { with: Sample[]; without: Sample[] };
    const rows = [
      row("non-streamed, time to last byte", (s) => s.ttlb, json),
      row("streamed, time to first event", (s) => s.ttfb, stream),
      row("streamed, time to last byte", (s) => s.ttlb, stream),
    ];
    const cpu = cpuCost(assistant.id);
    const out = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      runs: RUNS,
      rows,
      cpu,
    };
    if (!QUICK) {
      fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
      fs.writeFileSync(path.join(root, "bench/results/assistants-expand.json"), JSON.stringify(out, null, 2));
    }
    const r = (n: number) => round(n, 2);
    console.log(`
### Assistants: prompt expansion (${RUNS} alternating runs of each, ${os.cpus().length} cores, Node ${process.version})

An assistant with 5 tools and 3 variables, called with \`prompt\` and, alternating, with the body the
expansion produces sent as is (the emulator received the same request from both: ${same ? "yes" : "NO"}).

| call | without prompt p50 | with prompt p50 | added p50 | without p90 | with p90 | added p90 | paired difference p50 |
|---|---|---|---|---|---|---|---|
${rows.map((x) => `| ${x.label} (ms) | ${r(x.withoutP50)} | ${r(x.withP50)} | **${r(x.addedP50)}** | ${r(x.withoutP90)} | ${r(x.withP90)} | ${r(x.addedP90)} | ${r(x.pairedP50)} |`).join("\n")}

The expansion's own CPU time (parse, substitute, build, merge, serialise; in process): p50 ${round(cpu.p50 * 1000, 0)} µs, p90 ${round(cpu.p90 * 1000, 0)} µs.
Load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}. Bar: the expansion adds at most ${BAR_MS} ms at p50.
`);
    mustHaveRun([
      !same && "the expanded call and the plain call did not reach the emulator as the same request",
      [...statuses].some((s) => s !== 200) && `the proxy answered ${[...statuses].join(", ")}`,
      ...rows.map(
        (x) =>
          !QUICK &&
          x.pairedP50 > BAR_MS &&
          `${x.label}: the expansion added ${r(x.pairedP50)} ms at p50 (bar ${BAR_MS} ms)`,
      ),
    ]);
  } finally {
    await bench.stop();
    await emulator.close();
    agent.destroy();
  }
}

if (require.main === module) {
  assistantsExpandBench().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
