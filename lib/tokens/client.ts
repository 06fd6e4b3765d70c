// lib/tokens: the token-counting engine every feature uses (tiktoken in a Web Worker, encodings, segments, the chat format's overhead); this file is its entry. The tokenizer page's own logic is lib/tokenizer.

/**
 * The main thread's side of the tokenizer worker: one worker per page, started on first use.
 *
 * Requests that carry a `key` (one per text box, say) are coalesced: at most one per key is in the
 * worker and one waits; a newer request for the key replaces the waiting one and settles the older
 * ones with `SupersededError`. So a fast typist only ever has the latest text tokenized.
 */
import type { Encoding } from "@/lib/openai-facts";
import type { AllowedSpecial, TokenRequest, TokenResponse } from "./protocol";
import type { TokenizeResult } from "./segments";

export type { AllowedSpecial } from "./protocol";

export interface TokenizeOptions {
  /** Special-token strings to encode as special tokens; by default they are plain text. */
  allowedSpecial?: AllowedSpecial;
  /** Requests with the same key supersede each other: only the latest is tokenized. */
  key?: string;
}

/** The request was replaced by a newer one with the same key before it was answered. */
export class SupersededError extends Error {
  constructor() {
    super("Superseded by a newer request");
    this.name = "SupersededError";
  }
}

export function isSuperseded(error: unknown): error is SupersededError {
  return error instanceof SupersededError;
}

type Body = TokenRequest extends infer R ? (R extends TokenRequest ? Omit<R, "id"> : never) : never;

interface Pending {
  body: Body;
  key?: string;
  resolve: (response: TokenResponse) => void;
  reject: (error: Error) => void;
}

interface KeyState {
  /** Id of the request of this key that is in the worker. */
  inFlight: number | null;
  waiting: Pending | null;
}

export class TokenizerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly keys = new Map<string, KeyState>();

  count(text: string, encoding: Encoding, options: TokenizeOptions = {}): Promise<number> {
    const body: Body = { op: "count", encoding, text, allowedSpecial: options.allowedSpecial };
    return this.request(body, options.key).then((r) => {
      if (!("count" in r)) throw new Error("tokenizer: unexpected response");
      return r.count;
    });
  }

  encode(text: string, encoding: Encoding, options: TokenizeOptions = {}): Promise<Uint32Array> {
    const body: Body = { op: "encode", encoding, text, allowedSpecial: options.allowedSpecial };
    return this.request(body, options.key).then((r) => {
      if (!("ids" in r)) throw new Error("tokenizer: unexpected response");
      return r.ids;
    });
  }

  /** Ids with segments of whole characters and special-token marks, for drawing (see `segments.ts`). */
  tokenize(
    text: string,
    encoding: Encoding,
    options: TokenizeOptions = {},
  ): Promise<TokenizeResult & { ms: number }> {
    const body: Body = { op: "tokenize", encoding, text, allowedSpecial: options.allowedSpecial };
    return this.request(body, options.key).then((r) => {
      if (!("tokens" in r)) throw new Error("tokenizer: unexpected response");
      return { ...r.tokens, ms: r.ms };
    });
  }

  decode(
    ids: Uint32Array | readonly number[],
    encoding: Encoding,
    options: { key?: string } = {},
  ): Promise<string> {
    return this.request({ op: "decode", encoding, ids }, options.key).then((r) => {
      if (!("text" in r)) throw new Error("tokenizer: unexpected response");
      return r.text;
    });
  }

  /** Starts the worker and loads an encoding ahead of the first count (e.g. when a page opens). */
  preload(encoding: Encoding): Promise<void> {
    return this.count("", encoding).then(() => undefined);
  }

  /** Ends the worker; pending requests fail. The next request starts a new one. */
  dispose(): void {
    this.fail(new Error("tokenizer: stopped"));
  }

  private request(body: Body, key: string | undefined): Promise<TokenResponse> {
    return new Promise<TokenResponse>((resolve, reject) => {
      const item: Pending = { body, key, resolve, reject };
      if (key === undefined) {
        this.send(item);
        return;
      }
      const state = this.keys.get(key) ?? { inFlight: null, waiting: null };
      this.keys.set(key, state);
      if (state.inFlight === null) {
        state.inFlight = this.send(item);
        if (state.inFlight === null) this.keys.delete(key);
        return;
      }
      // The one in the worker runs to the end, but its caller need not wait for it.
      const inFlight = this.pending.get(state.inFlight);
      if (inFlight && inFlight.key === key) {
        inFlight.key = undefined;
        inFlight.reject(new SupersededError());
      }
      state.waiting?.reject(new SupersededError());
      state.waiting = item;
    });
  }

  /** Posts the request; null when no worker could be started (the request is then rejected). */
  private send(item: Pending): number | null {
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      item.reject(error instanceof Error ? error : new Error(String(error)));
      return null;
    }
    const id = this.nextId++;
    this.pending.set(id, item);
    worker.postMessage({ ...item.body, id } as TokenRequest);
    return id;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    if (typeof Worker === "undefined") throw new Error("tokenizer: Web Workers are not available here");
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "tokenizer" });
    worker.addEventListener("message", (event: MessageEvent<TokenResponse>) => this.receive(event.data));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(new Error(`tokenizer worker failed: ${event.message || "could not load"}`));
    });
    worker.addEventListener("messageerror", () =>
      this.fail(new Error("tokenizer worker: unreadable message")),
    );
    this.worker = worker;
    return worker;
  }

  private receive(response: TokenResponse): void {
    const item = this.pending.get(response.id);
    this.pending.delete(response.id);
    // The key's slot frees up whether or not the caller still wanted this answer.
    for (const [key, state] of this.keys) {
      if (state.inFlight !== response.id) continue;
      const next = state.waiting;
      state.waiting = null;
      state.inFlight = next ? this.send(next) : null;
      if (state.inFlight === null) this.keys.delete(key);
      break;
    }
    if (!item) return;
    if ("error" in response) item.reject(new Error(response.error));
    else item.resolve(response);
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const items = [...this.pending.values(), ...[...this.keys.values()].flatMap((s) => s.waiting ?? [])];
    this.pending.clear();
    this.keys.clear();
    for (const item of items) item.reject(error);
  }
}

let shared: TokenizerClient | null = null;

/** The page's tokenizer. Call from effects or event handlers only: it needs `Worker`. */
export function getTokenizer(): TokenizerClient {
  shared ??= new TokenizerClient();
  return shared;
}
