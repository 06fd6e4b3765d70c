/**
 * What the budget check adds to a call (`npm run bench:budgets-check`, after `npm run build`; CI
 * runs it in quick mode). The built console against the emulator, two tokens of one user: one with
 * limits that never trip (rpm, tpm, a day's and a month's spend: the body is read, priced and
 * reserved, settled at the end), one with none. Open loop at BENCH_BUDGET_RPS requests per second
 * (default 200), alternating the two, for BENCH_BUDGET_SECONDS; the first second is warm-up. A plain
 * JSON chat completion, time to last byte. The bar: p50 with budgets at most 0.5 ms above
 * p50 without. Then the limited token's rpm is set to 1 and its next calls must get a 429, so the run is
 * known to have gone through the limits.
 */
import http from "node:http";
import { startEmulator } from "../lib/emulator/server";
import { startBenchConsole, timedPost } from "./console";
import { mustHaveRun, option, pct, round } from "./support";

const RPS = option("BENCH_BUDGET_RPS", 200, 200);
const SECONDS = option("BENCH_BUDGET_SECONDS", 20, 3);
const KEY = "sk-bench-0000000000000000";
const BAR_MS = 0.5;
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const BODY = { model: "gpt-4.1-mini", max_tokens: 16, messages: [{ role: "user", content: "Say hi" }] };

export async function budgetsCheckBench(): Promise<{ addedP50: number }> {
  const emulator = await startEmulator({ apiKey: KEY, port: 0 });
  emulator.state.config.streamChunkDelayMs = 0;
  const bench = await startBenchConsole("budgets", emulator.url, KEY).catch(async (e) => {
    await emulator.close();
    throw e;
  });
  try {
    const limited = bench.ops("token:create", "--email", "bench@example.com", "--name", "bench-limited");
    bench.ops(
      "budget:set",
      "--token",
      limited,
      "--rpm",
      "1000000",
      "--tpm",
      "1000000000",
      "--usd-per-day",
      "100000",
      "--usd-per-month",
      "1000000",
    );
    const url = `${bench.url}/api/v1/chat/completions`;
    const arms = {
      off: { headers: bench.auth, ms: [] as number[], bad: 0 },
      on: { headers: { authorization: `Bearer ${limited}` }, ms: [] as number[], bad: 0 },
    };
    const total = RPS * SECONDS;
    const warm = RPS;
    const t0 = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / RPS;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const arm = i % 2 === 0 ? arms.off : arms.on;
      pending.push(
        timedPost(agent, url, arm.headers, BODY).then((r) => {
          if (r.status !== 200) arm.bad++;
          else if (i >= warm) arm.ms.push(r.ttlb);
        }),
      );
    }
    await Promise.all(pending);
    const elapsed = (performance.now() - t0) / 1000;
    const row = (a: { ms: number[] }) => ({
      n: a.ms.length,
      p50: round(pct(a.ms, 50), 2),
      p90: round(pct(a.ms, 90), 2),
    });
    const off = row(arms.off);
    const on = row(arms.on);
    const addedP50 = round(on.p50 - off.p50, 2);
    console.log(`budgets-check: ${total} calls in ${elapsed.toFixed(1)} s (${RPS}/s asked), alternating`);
    console.log(`  budgets off: p50 ${off.p50} ms, p90 ${off.p90} ms (${off.n} calls)`);
    console.log(`  budgets on:  p50 ${on.p50} ms, p90 ${on.p90} ms (${on.n} calls)`);
    console.log(
      `  added p50: ${addedP50} ms (bar ${BAR_MS} ms), added p90: ${round(on.p90 - off.p90, 2)} ms`,
    );
    bench.ops("budget:set", "--token", limited, "--rpm", "1");
    // Two calls: a new minute may begin between the two, never before both.
    const a = await timedPost(agent, url, { authorization: `Bearer ${limited}` }, BODY);
    const refused =
      a.status === 429 ? a : await timedPost(agent, url, { authorization: `Bearer ${limited}` }, BODY);
    mustHaveRun([
      arms.off.bad + arms.on.bad > 0 && `${arms.off.bad + arms.on.bad} calls did not answer 200`,
      refused.status !== 429 && `the limited token was not refused once its rpm was 1 (${refused.status})`,
    ]);
    return { addedP50 };
  } finally {
    await bench.stop();
    await emulator.close();
    agent.destroy();
  }
}

if (require.main === module) {
  budgetsCheckBench().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
