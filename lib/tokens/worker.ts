/**
 * The tokenizer Web Worker: tiktoken's WASM (the `lite` build, 1 MB, no ranks inside) plus the rank
 * file of each encoding, each loaded the first time it is asked for (load-engine.ts). Started by `client.ts`.
 * Requests are answered in the order they arrive; see `protocol.ts` for the messages.
 */
import { isEncoding } from "./encodings";
import { loadEngine } from "./load-engine";
import type { TokenRequest, TokenResponse } from "./protocol";

interface WorkerScope {
  addEventListener(type: "message", listener: (event: MessageEvent<TokenRequest>) => void): void;
  postMessage(message: TokenResponse, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;

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
