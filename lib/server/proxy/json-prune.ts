/**
 * A streaming JSON reducer for the proxy's usage sniffer: bytes go in as they pass, and out comes a
 * small JSON text with the same structure, minus what the ledger never needs: strings longer than
 * MAX_STRING become "", arrays keep their first MAX_ITEMS elements (the length of each top-level
 * array is counted), and whitespace goes. A 30 MB image answer (`data[0].b64_json`) reduces to a few
 * hundred bytes that still hold `usage`, `model` or `error`, wherever in the body they come, so
 * memory stays flat however large the answer is. Long strings are skipped with indexOf, not byte
 * by byte, and so is every value that will not be emitted (an element past the 16th, a container
 * nested deeper than MAX_DEPTH): only its brackets and strings are followed, with no frame per
 * bracket, so dense JSON (an embeddings answer) passes at hundreds of MB/s. Hand-written because no
 * JSON library at hand streams with a bounded footprint.
 */
const MAX_STRING = 1024;
const MAX_ITEMS = 16;
const MAX_OUT = 1024 * 1024;
/** Containers nested deeper are skipped (reduced to null): nothing the ledger reads sits that deep. */
const MAX_DEPTH = 64;
/** Top-level arrays whose length is counted. */
const MAX_LENGTHS = 64;
const MAX_SCALAR = 64;

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
  /** Structure and scalars as latin1 strings, string contents as raw bytes (UTF-8 may span chunks). */
  private out: (string | Buffer)[] = [];
  private outBytes = 0;
  private overflow = false;
  private stack: Frame[] = [];
  /** Inside a string: its bytes so far while under MAX_STRING and emitted, else null (skipping). */
  private str: Buffer[] | null = null;
  private strBytes = 0;
  private inString = false;
  private strEmit = false;
  private strIsKey = false;
  private escape = false;
  private inScalar = false;
  private scalarEmit = false;
  private scalar = "";
  /** Brackets open inside a value being skipped (0: not skipping). */
  private skip = 0;
  /** The skip started inside an array (its elements past MAX_ITEMS): its own `]` ends it and is read. */
  private skipToClose = false;
  private rootKey: string | null = null;
  private lengths: Record<string, number> = {};
  private lengthKeys = 0;
  private broken = false;
  private done = false;
  /** The next quote and backslash in the current chunk (-1: none left, -2: not looked yet): one scan per chunk, not per string or escape. */
  private qAt = -2;
  private bsAt = -2;

  push(bytes: Uint8Array): void {
    if (this.broken) return;
    const chunk = Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.qAt = -2;
    this.bsAt = -2;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.inString) {
        i = this.stringBytes(chunk, i);
        continue;
      }
      if (this.skip) {
        i = this.skipBytes(chunk, i);
        continue;
      }
      const b = chunk[i] as number;
      if (isScalarByte(b)) {
        i = this.scalarBytes(chunk, i);
        continue;
      }
      if (this.inScalar) this.endScalar();
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
        this.str = this.strEmit || (this.strIsKey && this.stack.length === 1) ? [] : null;
        this.strBytes = 0;
        this.escape = false;
        continue;
      }
      if (b === 0x7b || b === 0x5b) {
        const emit = this.beginValue();
        if (!emit || this.stack.length >= MAX_DEPTH) {
          // Not emitted, or too deep: follow its brackets only. Its bytes can hold nothing read.
          if (emit) this.write("null");
          this.skip = 1;
          this.skipToClose = false;
          continue;
        }
        const array = b === 0x5b;
        const parent = this.stack.at(-1);
        const key = parent && !parent.array && this.stack.length === 1 ? this.rootKey : null;
        this.stack.push({ array, count: 0, emit, expectKey: !array, key });
        this.write(array ? "[" : "{");
        continue;
      }
      if (b === 0x7d || b === 0x5d) {
        const f = this.stack.pop();
        if (!f || f.array !== (b === 0x5d)) {
          this.broken = true;
          return;
        }
        if (f.array && f.key !== null) this.setLength(f.key, f.count);
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
        else if (top && top.key === null && top.count >= MAX_ITEMS) {
          // The rest of an uncounted array is never emitted: skip to its `]`.
          this.skip = 1;
          this.skipToClose = true;
        }
        continue;
      }
      this.broken = true;
      return;
    }
  }

  finish(): Pruned {
    if (this.inScalar) this.endScalar();
    if (this.broken || this.overflow || this.inString || this.skip || this.stack.length)
      return { value: null, lengths: this.lengths };
    if (!this.done && this.outBytes === 0) return { value: null, lengths: this.lengths };
    try {
      const text = Buffer.concat(
        this.out.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : p)),
      ).toString("utf8");
      return { value: JSON.parse(text), lengths: this.lengths };
    } catch {
      return { value: null, lengths: this.lengths };
    }
  }

  private setLength(key: string, count: number): void {
    if (!(key in this.lengths)) {
      if (this.lengthKeys >= MAX_LENGTHS) return;
      this.lengthKeys++;
    }
    this.lengths[key] = count;
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

  /** A run of number or literal bytes from `i`; returns where it ends. */
  private scalarBytes(chunk: Buffer, i: number): number {
    if (!this.inScalar) {
      this.inScalar = true;
      this.scalarEmit = this.beginValue();
      this.scalar = "";
    }
    const n = chunk.length;
    let j = i + 1;
    while (j < n && isScalarByte(chunk[j] as number)) j++;
    if (this.scalarEmit && this.scalar.length < MAX_SCALAR)
      this.scalar += chunk.toString("latin1", i, Math.min(j, i + MAX_SCALAR));
    return j;
  }

  private endScalar(): void {
    this.inScalar = false;
    if (this.scalarEmit) this.write(this.scalar);
    this.scalar = "";
    if (this.stack.length === 0) this.done = true;
  }

  /** Follows a skipped value's brackets and strings from `i`; returns where it stopped. */
  private skipBytes(chunk: Buffer, i: number): number {
    const n = chunk.length;
    for (; i < n; i++) {
      const b = chunk[i] as number;
      if (b === QUOTE) {
        this.inString = true;
        this.str = null;
        this.strEmit = false;
        this.strIsKey = false;
        this.escape = false;
        return i + 1;
      }
      if (b === 0x7b || b === 0x5b) this.skip++;
      else if (b === 0x7d || b === 0x5d) {
        this.skip--;
        if (this.skip === 0) return this.skipToClose ? i : i + 1;
      }
    }
    return n;
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
      if (this.qAt === -2 || (this.qAt !== -1 && this.qAt < j)) this.qAt = chunk.indexOf(QUOTE, j);
      if (this.bsAt === -2 || (this.bsAt !== -1 && this.bsAt < j)) this.bsAt = chunk.indexOf(BACKSLASH, j);
      const q = this.qAt;
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
    this.add(s, s.length);
  }

  private writeBytes(b: Buffer): void {
    this.add(b, b.length);
  }

  private add(part: string | Buffer, bytes: number): void {
    if (this.overflow) return;
    this.outBytes += bytes;
    if (this.outBytes > MAX_OUT) {
      this.overflow = true;
      this.out = [];
      return;
    }
    this.out.push(part);
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

/** Bodies up to this size are kept and parsed natively; larger ones go through a JsonPruner. */
export const RETAIN_BYTES = 1024 * 1024;

/**
 * What the sniffer reads a JSON body or an SSE event's data with. An ordinary answer (chat,
 * responses: a few KB) is copied aside and read with JSON.parse, which costs less than any
 * byte-level pass; past RETAIN_BYTES the copy is handed to a JsonPruner and dropped, so a body of
 * any size still costs a bounded footprint. docs/images-proxy.md has the measurements.
 */
export class JsonReader {
  /** The first piece, and the others when there are more (most SSE events arrive in one). */
  private first: Buffer | null = null;
  private rest: Buffer[] | null = null;
  private keptBytes = 0;
  private pruner: JsonPruner | null = null;
  /** A first piece that ended on a line end, decoded at once: most SSE events are one such line. */
  private text: string | null = null;

  /** The data so far when it is one short decoded line, else null (it may then be anything). */
  get shortText(): string | null {
    return this.text;
  }

  /** Bytes `from`–`to` of `chunk`, which end where a line ends (so no UTF-8 sequence is cut). */
  pushLine(chunk: Buffer, from: number, to: number): void {
    if (!this.pruner && !this.first && this.text === null && to - from <= RETAIN_BYTES) {
      this.keptBytes = to - from;
      this.text = chunk.toString("utf8", from, to);
    } else {
      this.push(chunk.subarray(from, to));
    }
  }

  push(bytes: Uint8Array): void {
    if (this.text !== null) {
      this.first = Buffer.from(this.text, "utf8");
      this.text = null;
    }
    if (this.pruner) {
      this.pruner.push(bytes);
      return;
    }
    this.keptBytes += bytes.byteLength;
    if (this.keptBytes <= RETAIN_BYTES) {
      // A copy: the chunk itself has gone on to the client.
      const copy = Buffer.from(bytes);
      if (!this.first) this.first = copy;
      else if (this.rest) this.rest.push(copy);
      else this.rest = [copy];
      return;
    }
    this.pruner = new JsonPruner();
    if (this.first) this.pruner.push(this.first);
    for (const b of this.rest ?? []) this.pruner.push(b);
    this.first = null;
    this.rest = null;
    this.pruner.push(bytes);
  }

  finish(): Pruned {
    if (this.pruner) return this.pruner.finish();
    const bytes = this.rest ? Buffer.concat([this.first as Buffer, ...this.rest]) : this.first;
    const text = this.text ?? bytes?.toString("utf8") ?? "";
    this.first = null;
    this.rest = null;
    this.text = null;
    let value: unknown = null;
    try {
      value = text ? JSON.parse(text) : null;
    } catch {
      value = null;
    }
    const lengths: Record<string, number> = {};
    if (value && typeof value === "object" && !Array.isArray(value))
      for (const [k, v] of Object.entries(value)) if (Array.isArray(v)) lengths[k] = v.length;
    return { value, lengths };
  }
}
