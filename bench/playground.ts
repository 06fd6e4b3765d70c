/**
 * Playground benchmarks in Chromium (`npm run bench:playground`, after `npm run build`); CI runs them
 * in quick mode (`bench/support.ts`: 100 messages, a 1 s stream).
 *
 * 1. A 1,000-message conversation: load and scroll to the end; long tasks and frame times, against
 *    a 10-message conversation measured in the same run.
 * 2. A stream of ~300 chunks per second: long tasks, frame times and input latency (keys typed into
 *    a message while it streams), against the same page idle for the same time.
 * 3. First-load JavaScript of /playground (and whether shiki or tiktoken ranks are in it), against
 *    /settings.
 */
import type { Page } from "@playwright/test";
import { firstLoadJs } from "./first-load";
import { startProbe, stopProbe } from "./probe";
import { runOnOwnStack, type Stack, signedInPage } from "./stack";
import { mustHaveRun, pct, QUICK, round } from "./support";

const LARGE_CONVERSATION = QUICK ? 100 : 1000;
const STREAM_SECONDS = QUICK ? 1 : 6;

async function probeSummary(page: Page) {
  const r = await stopProbe(page);
  return {
    longTasks: r.long.length,
    longTasksOver50: r.long.filter((d) => d > 50).length,
    longestTaskMs: round(Math.max(0, ...r.long)),
    frameP50: round(pct(r.frames, 50, 0)),
    frameP99: round(pct(r.frames, 99, 0)),
    framesOver50: r.frames.filter((f) => f > 50).length,
  };
}

function conversation(n: number) {
  const messages = Array.from({ length: n }, (_, i) => ({
    id: `m_${i}`,
    role: i % 2 ? "assistant" : "user",
    content: `Message ${i}: ${"lorem ipsum dolor sit amet ".repeat(1 + (i % 12))}`.trim(),
    images: [],
  }));
  return messages;
}

async function seedDraft(page: Page, n: number): Promise<void> {
  await page.evaluate(
    ({ messages }) => {
      const state = {
        state: {
          setup: {
            api: "chat",
            model: "gpt-4o-mini",
            instructions: "",
            messages,
            stream: true,
            params: { stop: [], logitBias: "", logprobs: false, metadata: [] },
          },
          columns: [],
          compare: false,
        },
        version: 1,
      };
      localStorage.setItem("benchtop.playground.v1", JSON.stringify(state));
    },
    { messages: conversation(n) },
  );
}

async function conversationBench(page: Page, base: string, n: number) {
  await page.goto(`${base}/settings`);
  await seedDraft(page, n);
  await page.goto(`${base}/settings`);
  await startProbe(page);
  const t0 = Date.now();
  await page.evaluate(() => {
    // Client-side navigation, as a person clicking "Playground" in the sidebar.
    (document.querySelector('a[href="/playground"]') as HTMLAnchorElement).click();
  });
  await page.getByTestId("run").waitFor();
  const renderMs = Date.now() - t0;
  const load = await probeSummary(page);
  // A mouse wheel moves ~100 px a frame; a trackpad fling peaks near 400.
  const scrollAt = async (step: number) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await startProbe(page);
    await page.evaluate(async (px) => {
      for (let y = 0; y < document.body.scrollHeight; y += px) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
    }, step);
    return probeSummary(page);
  };
  const scroll = await scrollAt(100);
  const fling = await scrollAt(400);
  return { messages: n, renderMs, load, scroll, fling };
}

/** Types into the first message for `ms`; each key's time from event to the next painted frame. */
async function keyLatency(page: Page, ms: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[] };
    w.__keys = [];
    window.addEventListener("keydown", (e) => {
      const t = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => w.__keys.push(performance.now() - t), 0));
    });
  });
  await page.getByTestId("message").first().getByRole("textbox").click();
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await page.keyboard.press("a");
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
}

async function streamBench(page: Page, base: string, emulatorUrl: string) {
  await page.goto(`${base}/settings`);
  await seedDraft(page, 4);
  await page.goto(`${base}/playground`);
  await page.getByTestId("run").waitFor();
  const seconds = STREAM_SECONDS;
  // Idle baseline: the same page, no stream.
  await startProbe(page);
  const idleKeys = await keyLatency(page, seconds * 1000);
  const idle = await probeSummary(page);

  const chunks = 300 * seconds;
  await fetch(`${emulatorUrl}/__emulator/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ streamChunkDelayMs: 3, streamChunks: chunks }),
  });
  await page.getByTestId("run").click();
  await page
    .getByTestId("output-text")
    .waitFor()
    .catch(async (e) => {
      await page.screenshot({ path: "/tmp/bench-fail.png" });
      throw e;
    });
  const t0 = Date.now();
  await startProbe(page);
  const streamKeys = await keyLatency(page, seconds * 1000);
  const during = await probeSummary(page);
  await page.locator('[data-testid="run-panel"][data-status="done"]').waitFor({ timeout: 60_000 });
  const streamSeconds = (Date.now() - t0) / 1000;
  await fetch(`${emulatorUrl}/__emulator/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ streamChunkDelayMs: 5, streamChunks: null }),
  });
  const stat = (xs: number[]) => ({ p50: round(pct(xs, 50, 0)), p99: round(pct(xs, 99, 0)), n: xs.length });
  return {
    chunks,
    approxChunksPerSecond: round(chunks / Math.max(streamSeconds, seconds)),
    idle: { ...idle, keyToFrameMs: stat(idleKeys) },
    streaming: { ...during, keyToFrameMs: stat(streamKeys) },
  };
}

export async function playgroundBench(stack: Stack): Promise<void> {
  const { base, browser, emulator } = stack;
  const page = await signedInPage(stack);
  const signedIn = await page.context().storageState();
  // Warm the route once so both measurements see compiled, cached chunks.
  if (!QUICK) await conversationBench(page, base, 10);
  const small = await conversationBench(page, base, 10);
  const large = await conversationBench(page, base, LARGE_CONVERSATION);
  const stream = await streamBench(page, base, new URL(emulator.url).origin);
  // Every route's first load, with what is in it, is bench/first-load.ts's; here the two side by side.
  const js = [];
  for (const route of ["/settings", "/playground"]) {
    const { route: r, scripts, kb, has } = await firstLoadJs(browser, base, route, signedIn);
    js.push({ route: r, scripts, kb, hasShiki: has.shiki, hasTiktokenRanks: has.tiktokenRanks });
  }
  const result = {
    conversation: {
      baseline: small,
      large,
      renderRatio: round(large.renderMs / Math.max(1, small.renderMs), 2),
    },
    stream,
    firstLoadJs: { routes: js, ratio: round((js[1]?.kb ?? 0) / Math.max(1, js[0]?.kb ?? 1), 2) },
  };
  console.log(JSON.stringify(result, null, 2));
  mustHaveRun([
    stream.streaming.keyToFrameMs.n === 0 && "no key reached the page while it streamed",
    js.some((r) => r.scripts === 0) && "a route loaded no scripts",
  ]);
}

if (require.main === module) runOnOwnStack("pg", playgroundBench);
