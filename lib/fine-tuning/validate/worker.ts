/**
 * The validator's Web Worker: reads a File with Blob.stream() chunk by chunk, splits lines (as bytes), checks
 * and counts each one (tiktoken, loaded like the tokenizer's), and posts progress every few
 * megabytes. Reading awaits between chunks, so a cancel message is seen within a chunk.
 */
import { isEncoding } from "@/lib/tokens/encodings";
import { loadEngine } from "@/lib/tokens/load-engine";
import type { ValidateRequest, ValidatorRequest, ValidatorResponse } from "./protocol";
import { LineSplitter, ValidationRun } from "./run";
import { splitFile } from "./split-file";

interface WorkerScope {
  addEventListener(type: "message", listener: (event: MessageEvent<ValidatorRequest>) => void): void;
  postMessage(message: ValidatorResponse, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;

const PROGRESS_BYTES = 2 * 1024 * 1024;
const cancelled = new Set<number>();
/** Runs queued or in progress. */
const running = new Set<number>();
/** The line hashes of the last run per key, for the overlap check. */
const hashesByKey = new Map<string, Set<number>>();
let queue: Promise<void> = Promise.resolve();

async function validate(req: ValidateRequest): Promise<void> {
  const { id } = req;
  const started = performance.now();
  if (!isEncoding(req.encoding)) throw new Error(`Unknown encoding: ${String(req.encoding)}`);
  const engine = await loadEngine(req.encoding);
  const shortCounts = new Map<string, number>();
  const run = new ValidationRun({
    method: req.method,
    contextTokens: req.contextTokens,
    trainingPrice: req.trainingPrice,
    maxIssues: req.maxIssues,
    minExamples: req.minExamples,
    count: (text) => {
      // Roles and short names repeat on every line; one WASM call each is most of the cost for them.
      if (text.length > 24) return engine.count(text);
      let n = shortCounts.get(text);
      if (n === undefined) {
        n = engine.count(text);
        if (shortCounts.size < 10_000) shortCounts.set(text, n);
      }
      return n;
    },
    trainingHashes: req.compareWith ? hashesByKey.get(req.compareWith) : undefined,
  });
  let lines = 0;
  const splitter = new LineSplitter((line, offset, problem) => {
    lines++;
    run.addLine(line, offset, problem);
  });
  // Bytes, not decoded text: the splitter decodes each line, so offsets are exact and bad UTF-8 is
  // reported on its line.
  const reader = req.file.stream().getReader();
  let bytes = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (cancelled.has(id)) {
      cancelled.delete(id);
      await reader.cancel();
      scope.postMessage({ op: "cancelled", id });
      return;
    }
    if (done) break;
    splitter.push(value);
    bytes += value.length;
    if (bytes - reported >= PROGRESS_BYTES) {
      reported = bytes;
      scope.postMessage({ op: "progress", id, bytes, total: req.file.size, lines });
    }
  }
  splitter.end();
  const report = run.finish();
  hashesByKey.set(req.key, run.hashes);
  scope.postMessage({ op: "progress", id, bytes: req.file.size, total: req.file.size, lines });
  scope.postMessage({ op: "done", id, report, ms: performance.now() - started }, [report.perExample.buffer]);
}

scope.addEventListener("message", (event) => {
  const req = event.data;
  if (req.op === "cancel") {
    // Only a run still queued or running: a late cancel would otherwise stay in the set for good.
    if (running.has(req.id)) cancelled.add(req.id);
    return;
  }
  running.add(req.id);
  // One run at a time, in order: a validation file sent after its training file sees its hashes.
  queue = queue.then(() =>
    (req.op === "split"
      ? splitFile(req.file, req.holdout, req.seed).then((parts) =>
          scope.postMessage({ op: "split", id: req.id, ...parts }),
        )
      : validate(req)
    )
      .catch((error: unknown) =>
        scope.postMessage({
          op: "error",
          id: req.id,
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        running.delete(req.id);
        cancelled.delete(req.id);
      }),
  );
});
