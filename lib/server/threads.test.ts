import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { answerAsk, askMain, isWebThread, onTold, startThreads, tell } from "./threads";

/** Next's thread as the production server starts it: the same channel name in its environment. */
function webThread(name: string): Worker {
  const threads = path.join(__dirname, "threads.ts");
  return new Worker(
    `require("tsx/cjs");
     const { parentPort } = require("node:worker_threads");
     const t = require(${JSON.stringify(threads)});
     t.onTold("auth", () => parentPort.postMessage({ told: "auth" }));
     t.startThreads();
     parentPort.on("message", async (m) => {
       if (m === "ask") parentPort.postMessage({ web: t.isWebThread(), asked: await t.askMain("flush-ledger", 7) });
       if (m === "tell") { await t.tell({ kind: "budgets" }); parentPort.postMessage({ toldMain: true }); }
     });
     parentPort.postMessage({ ready: true });`,
    // server-only is empty under the react-server condition, as in Next's server bundles.
    { eval: true, env: { ...process.env, BENCHTOP_THREADS: name }, execArgv: ["--conditions=react-server"] },
  );
}

const next = (w: Worker, key: string) =>
  new Promise<Record<string, unknown>>((resolve) => {
    const on = (m: Record<string, unknown>) => {
      if (key in m) {
        w.off("message", on);
        resolve(m);
      }
    };
    w.on("message", on);
  });

describe("the production server's two threads", () => {
  const name = `benchtop-test-${process.pid}`;
  let worker: Worker | undefined;
  afterAll(async () => {
    await worker?.terminate();
    delete process.env.BENCHTOP_THREADS;
  });

  it("tell is answered at once while there is no other thread, and askMain is for the web thread", async () => {
    await tell({ kind: "auth" });
    expect(isWebThread()).toBe(false);
    expect(() => askMain("flush-ledger")).toThrow("web thread");
  });

  it("the web thread asks the main thread and is told of changes; each tell waits for the other side", async () => {
    process.env.BENCHTOP_THREADS = name;
    startThreads();
    const budgets: string[] = [];
    onTold("budgets", (n) => budgets.push(n.kind));
    answerAsk("flush-ledger", async (arg) => `flushed ${String(arg)}`);
    worker = webThread(name);
    await next(worker, "ready");
    const asked = next(worker, "asked");
    worker.postMessage("ask");
    expect(await asked).toEqual({ web: true, asked: "flushed 7" });
    // The worker's hello has arrived by now (it came before its ask): the main thread tells it.
    const told = next(worker, "told");
    await tell({ kind: "auth" });
    expect(await told).toEqual({ told: "auth" });
    worker.postMessage("tell");
    await next(worker, "toldMain");
    expect(budgets).toEqual(["budgets"]);
  });
});
