/**
 * `npm run bench:quick` (after `npm run build`; CI runs it): every benchmark once at small sizes, so
 * that one which no longer runs fails the build. No figure is checked. The browser benchmarks share
 * one stack (the console server and Chromium start once), and every step has a time limit: a hung
 * benchmark fails the run instead of holding it.
 */
process.env.BENCH_QUICK = "1";

/** About three times what each step takes on two busy cores. */
// first-load opens 14 routes in fresh contexts: 133 s with its own stack at load average 18.
const LIMIT_S = {
  proxy: 90,
  "proxy-hot-path": 90,
  "images-proxy": 90,
  "budgets-check": 90,
  "pages-hop": 90,
  "assistants-expand": 90,
  stack: 90,
  playground: 90,
  files: 90,
  tokenizer: 90,
  "images-mask": 90,
  "fine-tuning-validate": 90,
  "first-load": 180,
  "fine-tuning-chart": 90,
  "usage-aggregate": 180,
};

async function step<T>(name: keyof typeof LIMIT_S, run: () => Promise<T>): Promise<T> {
  console.log(`\n--- bench:quick ${name}`);
  const t0 = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${name} did not finish in ${LIMIT_S[name]} s`)),
      LIMIT_S[name] * 1000,
    );
  });
  try {
    const result = await Promise.race([run(), limit]);
    console.log(`--- bench:quick ${name}: ran in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  } catch (e) {
    throw new Error(`bench:quick ${name} failed`, { cause: e });
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  // Imported after BENCH_QUICK is set: the benchmarks read it as they load.
  const { proxyBench } = await import("./run");
  const { proxyHotPathBench } = await import("./proxy-hot-path");
  const { imagesProxyBench } = await import("./images-proxy");
  const { budgetsCheckBench } = await import("./budgets-check");
  const { pagesHopBench } = await import("./pages-hop");
  const { assistantsExpandBench } = await import("./assistants-expand");
  const { startStack } = await import("./stack");
  const { playgroundBench } = await import("./playground");
  const { filesBench } = await import("./files");
  const { tokenizerBench } = await import("./tokenizer");
  const { imagesMaskBench } = await import("./images-mask");
  const { fineTuningValidateBench } = await import("./fine-tuning-validate");
  const { firstLoadBench } = await import("./first-load");
  const { fineTuningChartBench } = await import("./fine-tuning-chart");
  const { usageAggregateBench } = await import("./usage-aggregate");

  const t0 = Date.now();
  await step("proxy", proxyBench);
  await step("proxy-hot-path", proxyHotPathBench);
  await step("images-proxy", imagesProxyBench);
  await step("budgets-check", budgetsCheckBench);
  await step("pages-hop", pagesHopBench);
  await step("assistants-expand", assistantsExpandBench);
  await step("usage-aggregate", usageAggregateBench);
  const shared = await step("stack", () => startStack("quick"));
  try {
    for (const [name, bench] of [
      ["playground", playgroundBench],
      ["files", filesBench],
      ["tokenizer", tokenizerBench],
      ["images-mask", imagesMaskBench],
      ["fine-tuning-validate", fineTuningValidateBench],
      ["first-load", firstLoadBench],
      ["fine-tuning-chart", fineTuningChartBench],
    ] as const) {
      await step(name, async () => void (await bench(shared)));
      // Each benchmark's pages go, so the next one starts with an idle browser.
      await Promise.all(shared.browser.contexts().map((c) => c.close()));
    }
  } finally {
    await Promise.race([shared.close(), new Promise((r) => setTimeout(r, 15_000))]);
  }
  console.log(`\nbench:quick: every benchmark ran (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

main().then(
  // Playwright and the emulator can hold the event loop open a little; nothing is left to wait for.
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
