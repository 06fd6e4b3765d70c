/**
 * The tokenizer Web Worker: tiktoken's WASM (the `lite` build, 1 MB, no ranks inside) plus the rank
 * file of each encoding, each loaded the first time it is asked for. Started by `client.ts`.
 * Requests are answered in the order they arrive; see `protocol.ts` for the messages.
 */
import { init, Tiktoken } from "tiktoken/lite/init";
import type { Encoding } from "@/lib/openai-facts";
import { isEncoding, type RankData, type RankFile, rankFileOf } from "./encodings";
import { createEngine, type TokenEngine } from "./engine";
import type { TokenRequest, TokenResponse } from "./protocol";

interface WorkerScope {
  addEventListener(type: "message", listener: (event: MessageEvent<TokenRequest>) => void): void;
  postMessage(message: TokenResponse, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;

let wasmReady: Promise<unknown> | null = null;
const engines = new Map<Encoding, Promise<TokenEngine>>();

function loadWasm(): Promise<unknown> {
  wasmReady ??= init(async (imports) => {
    const response = await fetch(new URL("tiktoken/lite/tiktoken_bg.wasm", import.meta.url));
    if (!response.ok) throw new Error(`tokenizer WASM: HTTP ${response.status}`);
    // Streaming compilation needs `application/wasm`; fall back to bytes when a server omits it.
    if (response.headers.get("content-type")?.startsWith("application/wasm")) {
      return WebAssembly.instantiateStreaming(response, imports);
    }
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
  }).catch((error: unknown) => {
    wasmReady = null; // let a later request try again
    throw error;
  });
  return wasmReady;
}

/** Each rank file is its own chunk (0.5–2.3 MB), fetched on first use only. */
async function loadRanks(file: RankFile): Promise<RankData> {
  switch (file) {
    case "o200k_base":
      return (await import("tiktoken/encoders/o200k_base")).default;
    case "cl100k_base":
      return (await import("tiktoken/encoders/cl100k_base")).default;
    case "p50k_base":
      return (await import("tiktoken/encoders/p50k_base")).default;
    case "p50k_edit":
      return (await import("tiktoken/encoders/p50k_edit")).default;
    case "r50k_base":
      return (await import("tiktoken/encoders/r50k_base")).default;
  }
}

function loadEngine(encoding: Encoding): Promise<TokenEngine> {
  let engine = engines.get(encoding);
  if (!engine) {
    engine = Promise.all([loadWasm(), loadRanks(rankFileOf(encoding))]).then(([, ranks]) =>
      createEngine(Tiktoken, encoding, ranks),
    );
    engine.catch(() => engines.delete(encoding));
    engines.set(encoding, engine);
  }
  return engine;
}

async function handle(request: TokenRequest): Promise<void> {
  const { id } = request;
  try {
    if (!isEncoding(request.encoding)) throw new Error(`Unknown encoding: ${String(request.encoding)}`);
    const engine = await loadEngine(request.encoding);
    const started = performance.now();
    switch (request.op) {
      case "count": {
        const count = engine.count(request.text, request.allowedSpecial);
        scope.postMessage({ id, count, ms: performance.now() - started });
        return;
      }
      case "encode": {
        const ids = engine.encode(request.text, request.allowedSpecial);
        scope.postMessage({ id, ids, ms: performance.now() - started }, [ids.buffer]);
        return;
      }
      case "tokenize": {
        const tokens = engine.tokenize(request.text, request.allowedSpecial);
        const ms = performance.now() - started;
        const { ids, tokenBytes, segStarts, segTokens, special, plainSpecials } = tokens;
        const buffers = [ids, tokenBytes, segStarts, segTokens, special, plainSpecials].map((a) => a.buffer);
        scope.postMessage({ id, tokens, ms }, buffers);
        return;
      }
      case "decode": {
        const text = engine.decode(request.ids);
        scope.postMessage({ id, text, ms: performance.now() - started });
        return;
      }
      default:
        throw new Error(`Unknown op: ${String((request as { op?: unknown }).op)}`);
    }
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
}

scope.addEventListener("message", (event) => void handle(event.data));
