/**
 * From token ids to what the tokenizer page draws: segments of the text, each the characters of one
 * or more consecutive tokens. A token ends mid-character when a multi-byte character (emoji, CJK,
 * accented letters in some encodings) is split across tokens; such tokens share one segment, so
 * every segment is whole characters of the text and no U+FFFD ever shows.
 *
 * Pure and allocation-light (typed arrays): the worker runs it on a megabyte of text, and the Node
 * tests run it on the same engine output. Offsets are UTF-16 code units, as JS strings index.
 */

export interface TokenSegments {
  /** Character offset where segment i starts; one more entry than segments (the last is text.length). */
  segStarts: Uint32Array;
  /** Index of the first token of segment i; one more entry than segments (the last is the token count). */
  segTokens: Uint32Array;
}

/** What the worker sends back for the page: ids, their byte lengths, segments, special-token marks. */
export interface TokenizeResult extends TokenSegments {
  ids: Uint32Array;
  /** UTF-8 length of each token's bytes. */
  tokenBytes: Uint32Array;
  /** Indices (into `ids`) of special tokens. */
  special: Uint32Array;
  /** [start, end) character offsets of special-token text that was encoded as plain text. */
  plainSpecials: Uint32Array;
  /** Unicode code points in the text. */
  chars: number;
  /** Words in the text (see `countWords`). */
  words: number;
}

/** UTF-8 bytes of the character at `i` and how many UTF-16 units it takes (lone surrogates: U+FFFD). */
export function utf8At(text: string, i: number): { bytes: number; units: number } {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ONE;
  if (c < 0x800) return TWO;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return PAIR;
  }
  return THREE;
}
const ONE = { bytes: 1, units: 1 };
const TWO = { bytes: 2, units: 1 };
const THREE = { bytes: 3, units: 1 };
const PAIR = { bytes: 4, units: 2 };

/**
 * Groups tokens into segments of whole characters. `tokenBytes[t]` is the UTF-8 length of token t;
 * together they must add up to the UTF-8 length of `text` (tiktoken guarantees it). Should they not,
 * the rest of the text joins the last segment rather than being lost.
 */
export function buildSegments(text: string, tokenBytes: ArrayLike<number>): TokenSegments {
  const n = tokenBytes.length;
  const segStarts = new Uint32Array(n + 2);
  const segTokens = new Uint32Array(n + 2);
  let m = 0; // segments closed so far
  let ci = 0; // character offset reached
  let byte = 0; // bytes of text[0, ci)
  let tokenEnd = 0;
  for (let t = 0; t < n; t++) {
    tokenEnd += tokenBytes[t] ?? 0;
    while (byte < tokenEnd && ci < text.length) {
      const c = text.charCodeAt(ci);
      if (c < 0x80) {
        byte += 1;
        ci += 1;
      } else {
        const u = utf8At(text, ci);
        byte += u.bytes;
        ci += u.units;
      }
    }
    if (byte === tokenEnd || t === n - 1) {
      m++;
      segStarts[m] = ci;
      segTokens[m] = t + 1;
    }
  }
  if (n === 0) return { segStarts: new Uint32Array([0]), segTokens: new Uint32Array([0]) };
  segStarts[m] = text.length;
  return { segStarts: segStarts.slice(0, m + 1), segTokens: segTokens.slice(0, m + 1) };
}

/** The number of segments. */
export function segmentCount(s: TokenSegments): number {
  return s.segStarts.length - 1;
}

/** The segment holding token `t` (binary search). */
export function segmentOfToken(s: TokenSegments, t: number): number {
  let lo = 0;
  let hi = s.segTokens.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s.segTokens[mid] ?? 0) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The segment holding character offset `c` (binary search). */
export function segmentAt(s: TokenSegments, c: number): number {
  let lo = 0;
  let hi = s.segStarts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s.segStarts[mid] ?? 0) <= c) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Unicode code points of `text` (lone surrogates count as one). */
export function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Scripts written without spaces: each character is counted as a word. */
const IDEOGRAPHIC =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * Words: runs of letters, digits and marks (an apostrophe or hyphen inside a run keeps it going),
 * except that each character of a script written without spaces (Chinese, Japanese, Thai…) counts
 * as one. An approximation, like every word count; fast enough for a megabyte in the worker.
 */
export function countWords(text: string): number {
  const kind = new Map<number, 0 | 1 | 2>(); // 0 other, 1 word char, 2 ideographic
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    let k: 0 | 1 | 2;
    if (c < 0x80) {
      k = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0;
      if (k === 0 && inWord && (c === 0x27 || c === 0x2d) && isAsciiWordChar(text.charCodeAt(i + 1))) k = 1;
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        c = text.codePointAt(i) ?? c;
        if (c > 0xffff) i++;
      }
      const known = kind.get(c);
      if (known !== undefined) k = known;
      else {
        const ch = String.fromCodePoint(c);
        k = IDEOGRAPHIC.test(ch) ? 2 : WORD_CHAR.test(ch) ? 1 : 0;
        kind.set(c, k);
      }
      // A right single quotation mark inside a word (it’s) keeps the word going.
      if (k === 0 && c === 0x2019 && inWord && isAsciiWordChar(text.charCodeAt(i + 1))) k = 1;
    }
    if (k === 2) {
      words++;
      inWord = false;
    } else if (k === 1) {
      if (!inWord) words++;
      inWord = true;
    } else inWord = false;
  }
  return words;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0x80;
}

/** Special-token-shaped text: `<|…|>`. Which of these an encoding knows is checked by the caller. */
const SPECIAL_SHAPE = /<\|[A-Za-z0-9_]{1,64}\|>/g;

/** [start, end) pairs of the special tokens' text in `text` (names from `isSpecial`). */
export function findSpecialText(text: string, isSpecial: (name: string) => boolean): Uint32Array {
  const found: number[] = [];
  if (text.indexOf("<|") === -1) return new Uint32Array(0);
  for (const m of text.matchAll(SPECIAL_SHAPE)) {
    if (isSpecial(m[0])) found.push(m.index, m.index + m[0].length);
  }
  return Uint32Array.from(found);
}
