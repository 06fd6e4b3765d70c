import { PEER_HEADER } from "../peer";

/** HTTP white space web Headers strips from both ends of a value. */
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * A Node request's headers as web Headers, read straight off `rawHeaders`: the proxy only `get`s a
 * few names, and building a Headers copy of every header was a measurable share of its time per
 * call (docs/proxy-hot-path.md). `get` answers exactly as a Headers built from the raw headers
 * would (case-insensitive, repeats joined with ", ", white space trimmed); the peer header is only
 * ever the one node-entry stamped, never the client's. Anything beyond `get`/`has` builds that
 * Headers once and delegates to it.
 */
export class RawRequestHeaders implements Headers {
  #full: Headers | null = null;

  constructor(
    private readonly raw: readonly string[],
    private readonly peer: string | undefined,
  ) {}

  get(name: string): string | null {
    if (this.#full) return this.#full.get(name);
    const want = name.toLowerCase();
    if (want === PEER_HEADER) return this.peer ?? null;
    const raw = this.raw;
    let out: string | null = null;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const n = raw[i] as string;
      if (n.length !== want.length || n.toLowerCase() !== want) continue;
      const v = (raw[i + 1] as string).replace(EDGE_WHITESPACE, "");
      out = out === null ? v : `${out}, ${v}`;
    }
    return out;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  /** The Headers node.ts built before: every raw header but the client's peer header, then ours. */
  #headers(): Headers {
    if (this.#full) return this.#full;
    const h = new Headers();
    for (let i = 0; i + 1 < this.raw.length; i += 2) {
      const name = this.raw[i] ?? "";
      if (name.toLowerCase() !== PEER_HEADER) h.append(name, this.raw[i + 1] ?? "");
    }
    if (this.peer !== undefined) h.set(PEER_HEADER, this.peer);
    this.#full = h;
    return h;
  }

  append(name: string, value: string): void {
    this.#headers().append(name, value);
  }
  delete(name: string): void {
    this.#headers().delete(name);
  }
  set(name: string, value: string): void {
    this.#headers().set(name, value);
  }
  getSetCookie(): string[] {
    return this.#headers().getSetCookie();
  }
  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#headers().forEach((v, k) => {
      callback.call(thisArg, v, k, this);
    });
  }
  entries(): HeadersIterator<[string, string]> {
    return this.#headers().entries();
  }
  keys(): HeadersIterator<string> {
    return this.#headers().keys();
  }
  values(): HeadersIterator<string> {
    return this.#headers().values();
  }
  [Symbol.iterator](): HeadersIterator<[string, string]> {
    return this.#headers()[Symbol.iterator]();
  }
}
