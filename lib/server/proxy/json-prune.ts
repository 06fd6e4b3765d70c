/**
 * A streaming JSON reducer for the proxy's usage sniffer: bytes go in as they pass, and out comes a
 * small JSON text with the same structure, minus what the ledger never needs: strings longer than
 * MAX_STRING become "", arrays keep their first MAX_ITEMS elements (the length of each top-level
 * array is counted), and whitespace goes. A 30 MB image answer (`data[0].b64_json`) reduces to a few
 * hundred bytes that still hold `usage`, `model` or `error`, wherever in the body they come, so
 * memory stays flat however large the answer is. Long strings are skipped with indexOf, not byte
 * by byte. Hand-written because no JSON library at hand streams with a bounded footprint.
 */
const MAX_STRING = 1024;
const MAX_ITEMS = 16;
const MAX_OUT = 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

interface Frame {
  array: boolean;
  /** Elements (arrays) or members (objects) begun so far. */
  count: number;
  emit: boolean;
  /** Objects: the next string is a key. */
  expectKey: boolean;
  /** For a top-level array: its key in the root object. */
  key: string | null;
}

export interface Pruned {
  /** The reduced value, or null when the input was not one complete JSON value. */
  value: unknown;
  /** Lengths of the root object's arrays, counted in full (e.g. `data` of an image answer). */
  lengths: Record<string, number>;
}

export class JsonPruner {
  private out: Buffer[] = [];
  private outBytes = 0;
  private overflow = false;
  private stack: Frame[] = [];
  /** Inside a string: its bytes so far while under MAX_STRING, else null (skipping). */
  private str: Buffer[] | null = null;
  private strBytes = 0;
  private inString = false;
  private strEmit = false;
  private strIsKey = false;
  private escape = false;
  private scalar = "";
  private rootKey: string | null = null;
  private lengths: Record<string, number> = {};
  private broken = false;
  private done = false;
  /** The next backslash in the current chunk (-1: none left, -2: not looked yet): one scan per chunk, not per string. */
  private bsAt = -2;

  push(bytes: Uint8Array): void {
    if (this.broken) return;
    const chunk = Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.bsAt = -2;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.inString) {
        i = this.stringBytes(chunk, i);
        continue;
      }
      const b = chunk[i] as number;
      if (isScalarByte(b)) {
        if (!this.scalar) this.beginValue();
        if (this.scalar.length < 64) this.scalar += String.fromCharCode(b);
        i++;
        continue;
      }
      if (this.scalar) this.endScalar();
      i++;
      if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
      if (b === QUOTE) {
        const top = this.stack.at(-1);
        this.strIsKey = Boolean(top && !top.array && top.expectKey);
        if (this.strIsKey && top) {
          top.count++;
          this.strEmit = top.emit;
          if (top.emit && top.count > 1) this.write(",");
        } else {
          this.strEmit = this.beginValue();
        }
        this.inString = true;
        this.str = [];
        this.strBytes = 0;
        this.escape = false;
        continue;
      }
      if (b === 0x7b || b === 0x5b) {
        const emit = this.beginValue();
        const array = b === 0x5b;
        const parent = this.stack.at(-1);
        const key = parent && !parent.array && this.stack.length === 1 ? this.rootKey : null;
        this.stack.push({ array, count: 0, emit, expectKey: !array, key });
        if (emit) this.write(array ? "[" : "{");
        continue;
      }
      if (b === 0x7d || b === 0x5d) {
        const f = this.stack.pop();
        if (!f || f.array !== (b === 0x5d)) {
          this.broken = true;
          return;
        }
        if (f.array && f.key !== null) this.lengths[f.key] = f.count;
        if (f.emit) this.write(f.array ? "]" : "}");
        if (this.stack.length === 0) this.done = true;
        continue;
      }
      if (b === 0x3a) {
        const top = this.stack.at(-1);
        if (top && !top.array) {
          top.expectKey = false;
          if (top.emit) this.write(":");
        }
        continue;
      }
      if (b === 0x2c) {
        const top = this.stack.at(-1);
        if (top && !top.array) top.expectKey = true;
        continue;
      }
      this.broken = true;
      return;
    }
  }

  finish(): Pruned {
    if (this.scalar) this.endScalar();
    if (this.broken || this.overflow || this.inString || this.stack.length)
      return { value: null, lengths: this.lengths };
    if (!this.done && this.outBytes === 0) return { value: null, lengths: this.lengths };
    try {
      return { value: JSON.parse(Buffer.concat(this.out).toString("utf8")), lengths: this.lengths };
    } catch {
      return { value: null, lengths: this.lengths };
    }
  }

  /** Starts a value in the current container; returns whether it is emitted. */
  private beginValue(): boolean {
    const top = this.stack.at(-1);
    if (!top) return true;
    if (top.array) {
      top.count++;
      const emit = top.emit && top.count <= MAX_ITEMS;
      if (emit && top.count > 1) this.write(",");
      return emit;
    }
    return top.emit;
  }

  private endScalar(): void {
    const top = this.stack.at(-1);
    const emit = !top || (top.array ? top.emit && top.count <= MAX_ITEMS : top.emit);
    if (emit) this.write(this.scalar);
    this.scalar = "";
    if (!top) this.done = true;
  }

  /** Consumes string bytes from `i`; returns where it stopped (past the closing quote, or the end). */
  private stringBytes(chunk: Buffer, i: number): number {
    const n = chunk.length;
    let j = i;
    if (this.escape) {
      this.escape = false;
      j++;
    }
    for (;;) {
      const q = chunk.indexOf(QUOTE, j);
      if (this.bsAt === -2 || (this.bsAt !== -1 && this.bsAt < j)) this.bsAt = chunk.indexOf(BACKSLASH, j);
      const bs = this.bsAt;
      if (bs !== -1 && (q === -1 || bs < q)) {
        if (bs + 1 >= n) {
          this.keep(chunk, i, n);
          this.escape = true;
          return n;
        }
        j = bs + 2;
        continue;
      }
      if (q === -1) {
        this.keep(chunk, i, n);
        return n;
      }
      this.keep(chunk, i, q);
      this.endString();
      return q + 1;
    }
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (!this.str) return;
    this.strBytes += to - from;
    if (this.strBytes > MAX_STRING) this.str = null;
    else this.str.push(Buffer.from(chunk.subarray(from, to)));
  }

  private endString(): void {
    this.inString = false;
    const raw = this.str ? Buffer.concat(this.str) : null;
    this.str = null;
    if (this.strIsKey && this.stack.length === 1) {
      try {
        this.rootKey = raw ? (JSON.parse(`"${raw.toString("utf8")}"`) as string) : null;
      } catch {
        this.rootKey = null;
      }
    }
    if (!this.strEmit) return;
    this.write('"');
    if (raw) this.writeBytes(raw);
    this.write('"');
    if (this.stack.length === 0) this.done = true;
  }

  private write(s: string): void {
    this.writeBytes(Buffer.from(s, "latin1"));
  }

  private writeBytes(b: Buffer): void {
    if (this.overflow) return;
    this.outBytes += b.length;
    if (this.outBytes > MAX_OUT) {
      this.overflow = true;
      this.out = [];
      return;
    }
    this.out.push(b);
  }
}

function isScalarByte(b: number): boolean {
  // Digits, sign, point, exponent and the letters of true, false and null.
  return (
    (b >= 0x30 && b <= 0x39) ||
    b === 0x2d ||
    b === 0x2b ||
    b === 0x2e ||
    (b >= 0x61 && b <= 0x7a) ||
    b === 0x45
  );
}
