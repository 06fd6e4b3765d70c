/**
 * For Node tests only: the worker's engines (lite WASM + the packaged rank files + our special
 * tokens), built without fetch and chunks, so tests run exactly the code the browser runs.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { init, Tiktoken as LiteTiktoken } from "tiktoken/lite/init";
import { ENCODINGS, type Encoding } from "@/lib/openai-facts";
import { type RankData, rankFileOf } from "./encodings";
import { createEngine, type TokenEngine } from "./engine";

const require = createRequire(import.meta.url);

export const ranksOf = (encoding: Encoding): RankData =>
  require(`tiktoken/encoders/${rankFileOf(encoding)}.json`);

let ready: Promise<Map<Encoding, TokenEngine>> | null = null;

export function loadTestEngines(
  encodings: readonly Encoding[] = ENCODINGS,
): Promise<Map<Encoding, TokenEngine>> {
  ready ??= (async () => {
    const wasm = readFileSync(require.resolve("tiktoken/lite/tiktoken_bg.wasm"));
    await init((imports) => WebAssembly.instantiate(wasm, imports));
    return new Map<Encoding, TokenEngine>();
  })();
  return ready.then((engines) => {
    for (const encoding of encodings) {
      if (!engines.has(encoding))
        engines.set(encoding, createEngine(LiteTiktoken, encoding, ranksOf(encoding)));
    }
    return engines;
  });
}
