/**
 * Watches a JSON document go by, chunk by chunk, for one key of its top-level object, without
 * building anything: only the nesting depth, string and escape state, and the key being read (at
 * most 64 bytes) are kept. Used on request bodies too large to buffer (lib/server/proxy/prompt.ts).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_KEY = 64;

export class TopLevelKeyScanner {
  private depth = 0;
  private topIsObject = false;
  private inString = false;
  private escaped = false;
  /** At depth 1 of the top-level object, before a key (after `{` or `,`). */
  private expectKey = false;
  private key: number[] | null = null;
  private keyEscaped = false;
  found = false;
  /** How many times the key was seen; counts past the first only with `all`. */
  count = 0;

  /** `all`: keep scanning after the first sighting, to count duplicates. */
  constructor(
    private readonly wanted: string,
    private readonly all = false,
  ) {}

  /** Scans the chunk; true once the key has been seen (in this chunk or before). */
  push(chunk: Uint8Array): boolean {
    if (this.found && !this.all) return true;
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // Where the next quote and backslash are: inside a long string (base64, a pasted document) the
    // scan jumps there natively instead of visiting every byte.
    let nextQuote = -1;
    let nextBackslash = -1;
    for (let i = 0; i < buf.length; i++) {
      if (this.inString && !this.escaped && !this.key) {
        if (nextQuote !== -2 && nextQuote < i) nextQuote = buf.indexOf(QUOTE, i);
        if (nextQuote === -1) nextQuote = -2;
        if (nextBackslash !== -2 && nextBackslash < i) nextBackslash = buf.indexOf(BACKSLASH, i);
        if (nextBackslash === -1) nextBackslash = -2;
        const next = Math.min(
          nextQuote < 0 ? buf.length : nextQuote,
          nextBackslash < 0 ? buf.length : nextBackslash,
        );
        if (next >= buf.length) break;
        i = next;
      }
      const c = buf[i] as number;
      if (this.inString) {
        const key = this.key;
        if (this.escaped) {
          this.escaped = false;
        } else if (c === BACKSLASH) {
          this.escaped = true;
          this.keyEscaped = true;
        } else if (c === QUOTE) {
          this.inString = false;
          if (key) {
            this.key = null;
            if (this.isWanted(key)) {
              this.found = true;
              this.count++;
              if (!this.all) return true;
            }
          }
          continue;
        }
        if (key) {
          if (key.length < MAX_KEY) key.push(c);
          else this.key = null;
        }
        continue;
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (this.depth === 1 && this.topIsObject && this.expectKey) {
            this.key = [];
            this.keyEscaped = false;
            this.expectKey = false;
          }
          break;
        case 0x7b: // {
        case 0x5b: // [
          this.depth++;
          if (this.depth === 1) {
            this.topIsObject = c === 0x7b;
            this.expectKey = this.topIsObject;
          }
          break;
        case 0x7d: // }
        case 0x5d: // ]
          this.depth--;
          break;
        case 0x2c: // ,
          if (this.depth === 1 && this.topIsObject) this.expectKey = true;
          break;
      }
    }
    return this.found;
  }

  private isWanted(bytes: number[]): boolean {
    const raw = Buffer.from(bytes).toString("utf8");
    if (!this.keyEscaped) return raw === this.wanted;
    try {
      // `"pr\u006fmpt"` is the key `prompt` to a JSON parser, so it is to the scanner.
      return JSON.parse(`"${raw}"`) === this.wanted;
    } catch {
      return false;
    }
  }
}
