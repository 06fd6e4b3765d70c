/**
 * Rows of fixed height for the virtualised views: the text view wraps segments into rows of at most
 * `cols` monospace columns (a segment moves to the next row whole when it fits there, so wrapping
 * falls between tokens; a newline ends a row), and the id view packs ids into rows. With rows known,
 * the view renders only those on screen, whatever the size of the text.
 *
 * Layouts are resumable: `run(deadline)` works until the deadline and can be called again, so the
 * page lays out a megabyte in slices between frames instead of in one long task. A new tokenization
 * of an edited text keeps the previous layout's rows up to the first token that changed
 * (`TextLayout.after`, `IdLayout.after`), so typing in a megabyte re-lays out only what follows.
 */
import type { TokenizeResult } from "@/lib/tokens/segments";
import { glyphAt } from "./display";

export interface RowLayout {
  /** Where row r starts (a character offset, or a token index for ids); valid for r ≤ rows. */
  readonly rowStart: Uint32Array;
  /** The segment holding row r's first character (text layout only). */
  readonly rowSeg: Uint32Array;
  readonly rows: number;
  /** Every row is laid out. */
  readonly done: boolean;
}

const CHECK_EVERY = 2048;

/** Growable pair of row arrays. */
class Rows {
  rowStart = new Uint32Array(1024);
  rowSeg = new Uint32Array(1024);
  rows = 0;
  constructor(private readonly capacity: number) {}
  push(start: number, seg: number): void {
    if (this.rows + 1 >= this.rowStart.length) {
      const size = Math.min(this.capacity + 2, this.rowStart.length * 2);
      const a = new Uint32Array(size);
      a.set(this.rowStart);
      this.rowStart = a;
      const b = new Uint32Array(size);
      b.set(this.rowSeg);
      this.rowSeg = b;
    }
    this.rowStart[this.rows] = start;
    this.rowSeg[this.rows] = seg;
    this.rows++;
  }
  /** Takes `other`'s first `count` rows in place of its own. */
  keep(other: Rows, count: number): void {
    const size = Math.max(1024, count + 2);
    this.rowStart = new Uint32Array(size);
    this.rowSeg = new Uint32Array(size);
    this.rowStart.set(other.rowStart.subarray(0, count));
    this.rowSeg.set(other.rowSeg.subarray(0, count));
    this.rows = count;
  }
}

type Tokens = Pick<TokenizeResult, "ids" | "segStarts" | "segTokens">;

/** Index of the first token that differs between two tokenizations (the shorter length if none). */
export function firstChangedToken(a: Pick<Tokens, "ids">, b: Pick<Tokens, "ids">): number {
  const n = Math.min(a.ids.length, b.ids.length);
  let t = 0;
  while (t < n && a.ids[t] === b.ids[t]) t++;
  return t;
}

/**
 * How many leading segments two tokenizations share: the same tokens over the same characters, so
 * the same text, glyphs and widths.
 */
export function commonSegments(a: Tokens, b: Tokens): number {
  const changed = firstChangedToken(a, b);
  const segs = Math.min(a.segStarts.length, b.segStarts.length) - 1;
  let s = 0;
  while (
    s < segs &&
    (a.segTokens[s + 1] as number) <= changed &&
    a.segTokens[s + 1] === b.segTokens[s + 1] &&
    a.segStarts[s + 1] === b.segStarts[s + 1]
  )
    s++;
  return s;
}

/** Columns of text[a, b) up to and including its first newline; stops counting past `limit`. */
function lineWidth(text: string, a: number, b: number, limit: number): number {
  let w = 0;
  for (let i = a; i < b && w <= limit; ) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return w + 1;
    if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0d) {
      w++;
      i++;
    } else {
      const g = glyphAt(text, i, a, b);
      w += g.width;
      i += g.units;
    }
  }
  return w;
}

export class TextLayout implements RowLayout {
  private readonly out: Rows;
  private readonly width: number;
  private seg = 0;
  private col = 0;
  done = false;

  constructor(
    private readonly text: string,
    private readonly segStarts: Uint32Array,
    cols: number,
  ) {
    this.width = Math.max(8, Math.floor(cols));
    this.out = new Rows(text.length);
    if (text.length === 0 || segStarts.length < 2) this.done = true;
    else this.out.push(0, 0);
    this.out.rowStart[this.out.rows] = 0;
  }

  /**
   * The layout of `next`, an edit of `prev`'s tokenization, keeping `prev`'s rows before the first
   * segment that changed: from the last row that starts a segment there, at column 0 as before.
   */
  static after(prev: TextLayout, prevTokens: Tokens, text: string, next: Tokens, cols: number): TextLayout {
    const l = new TextLayout(text, next.segStarts, cols);
    if (l.done || prev.width !== l.width) return l;
    const shared = commonSegments(prevTokens, next);
    const segs = next.segStarts.length - 1;
    for (let r = prev.rows - 1; r > 0; r--) {
      const s = prev.out.rowSeg[r] as number;
      if (s <= shared && s < segs && prev.out.rowStart[r] === prev.segStarts[s]) {
        l.out.keep(prev.out, r);
        l.out.push(prev.out.rowStart[r] as number, s);
        l.seg = s;
        return l;
      }
    }
    return l;
  }

  get rowStart(): Uint32Array {
    return this.out.rowStart;
  }
  get rowSeg(): Uint32Array {
    return this.out.rowSeg;
  }
  get rows(): number {
    return this.out.rows;
  }

  /** Lays out whole segments until `deadline` (a `performance.now()` time) or the end. */
  run(deadline = Number.POSITIVE_INFINITY): boolean {
    if (this.done) return true;
    const { text, segStarts, width, out } = this;
    const segs = segStarts.length - 1;
    let s = this.seg;
    let col = this.col;
    for (; s < segs; s++) {
      if ((s & (CHECK_EVERY - 1)) === 0 && s !== this.seg && performance.now() > deadline) break;
      const a = segStarts[s] as number;
      const b = segStarts[s + 1] as number;
      // Move the segment to a new row when it does not fit here but would there.
      if (col > 0 && col + (b - a) * 2 > width) {
        const w = lineWidth(text, a, b, width);
        if (col + w > width && w <= width) {
          out.push(a, s);
          col = 0;
        }
      }
      for (let i = a; i < b; ) {
        const c = text.charCodeAt(i);
        let w = 1;
        let units = 1;
        if (c === 0x0a) {
          // The ↵ stays on its line even when the line is full; the next character starts a row.
          i++;
          if (i < text.length) out.push(i, i < b ? s : s + 1);
          col = 0;
          continue;
        }
        if (!((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0d)) {
          const g = glyphAt(text, i, a, b);
          w = g.width;
          units = g.units;
        }
        if (col + w > width && col > 0) {
          out.push(i, s);
          col = 0;
        }
        col += w;
        i += units;
      }
    }
    this.seg = s;
    this.col = col;
    this.done = s >= segs;
    out.rowStart[out.rows] = this.done ? text.length : (segStarts[s] as number);
    return this.done;
  }
}

function digits(n: number): number {
  return n < 10
    ? 1
    : n < 100
      ? 2
      : n < 1000
        ? 3
        : n < 10000
          ? 4
          : n < 100000
            ? 5
            : n < 1000000
              ? 6
              : String(n).length;
}

/** Ids packed into rows: each takes its digits plus one column of gap. */
export class IdLayout implements RowLayout {
  private readonly out: Rows;
  private readonly width: number;
  private t = 0;
  private col = 0;
  done = false;
  readonly rowSeg = new Uint32Array(0);

  constructor(
    private readonly ids: Uint32Array,
    cols: number,
  ) {
    this.width = Math.max(8, Math.floor(cols)) + 1;
    this.out = new Rows(ids.length);
    if (ids.length === 0) this.done = true;
    else this.out.push(0, 0);
    this.out.rowStart[this.out.rows] = 0;
  }

  /** The layout of `next`'s ids, keeping `prev`'s rows before the first id that changed. */
  static after(prev: IdLayout, next: Uint32Array, cols: number): IdLayout {
    const l = new IdLayout(next, cols);
    if (l.done || prev.width !== l.width) return l;
    const changed = firstChangedToken({ ids: prev.ids }, { ids: next });
    for (let r = prev.rows - 1; r > 0; r--) {
      const start = prev.out.rowStart[r] as number;
      if (start <= changed && start < next.length) {
        l.out.keep(prev.out, r);
        l.out.push(start, 0);
        l.t = start;
        return l;
      }
    }
    return l;
  }

  get rowStart(): Uint32Array {
    return this.out.rowStart;
  }
  get rows(): number {
    return this.out.rows;
  }

  run(deadline = Number.POSITIVE_INFINITY): boolean {
    if (this.done) return true;
    const { ids, width, out } = this;
    let t = this.t;
    let col = this.col;
    for (; t < ids.length; t++) {
      if ((t & (CHECK_EVERY * 4 - 1)) === 0 && t !== this.t && performance.now() > deadline) break;
      const w = digits(ids[t] as number) + 1;
      if (col + w > width && col > 0) {
        out.push(t, 0);
        col = 0;
      }
      col += w;
    }
    this.t = t;
    this.col = col;
    this.done = t >= ids.length;
    out.rowStart[out.rows] = t;
    return this.done;
  }
}

/** A whole text layout at once (tests, small texts). */
export function layoutText(text: string, segStarts: Uint32Array, cols: number): RowLayout {
  const l = new TextLayout(text, segStarts, cols);
  l.run();
  return l;
}

/** A whole id layout at once. */
export function layoutIds(ids: Uint32Array, cols: number): RowLayout {
  const l = new IdLayout(ids, cols);
  l.run();
  return l;
}

/** The row holding `offset` (a character offset or a token index), among the rows laid out. */
export function rowOf(layout: RowLayout, offset: number): number {
  let lo = 0;
  let hi = Math.max(0, layout.rows - 1);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((layout.rowStart[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The pieces of segments in row r: [segment, from, to) with character offsets. */
export function rowPieces(
  layout: RowLayout,
  segStarts: Uint32Array,
  r: number,
): { seg: number; from: number; to: number }[] {
  const from = layout.rowStart[r] ?? 0;
  const to = layout.rowStart[r + 1] ?? from;
  const pieces: { seg: number; from: number; to: number }[] = [];
  const segs = segStarts.length - 1;
  for (let s = layout.rowSeg[r] ?? 0; s < segs && (segStarts[s] as number) < to; s++) {
    const a = Math.max(from, segStarts[s] as number);
    const b = Math.min(to, segStarts[s + 1] as number);
    if (b > a) pieces.push({ seg: s, from: a, to: b });
  }
  return pieces;
}
