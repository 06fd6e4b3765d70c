/**
 * Loads tiktoken's WASM (the `lite` build) and an encoding's rank file, each once per worker: shared
 * by the tokenizer worker and the fine-tuning validator's worker. Worker code only.
 */
import { init, Tiktoken } from "tiktoken/lite/init";
import type { Encoding } from "@/lib/openai-facts";
import { type RankData, type RankFile, rankFileOf } from "./encodings";
import { createEngine, type TokenEngine } from "./engine";

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

export function loadEngine(encoding: Encoding): Promise<TokenEngine> {
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
