/**
 * Helpers around a JSONL file on the page: the train/validation split (seeded, so the same seed
 * gives the same files) and the lines around an issue for "jump to".
 */

/** mulberry32: a small seeded generator; the split needs repeatability, not cryptography. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Holdout = { percent: number } | { count: number };

export interface Split {
  train: string[];
  validation: string[];
}

/** How many of `examples` go to validation: at least 1 and at most examples − 1 when possible. */
export function holdoutSize(examples: number, holdout: Holdout): number {
  const n = "percent" in holdout ? Math.round((examples * holdout.percent) / 100) : Math.floor(holdout.count);
  return Math.max(examples > 1 ? 1 : 0, Math.min(examples - 1, n));
}

/** Shuffles the non-blank lines with `seed` and holds out the first ones for validation. */
export function splitLines(text: string, holdout: Holdout, seed: number): Split {
  return shuffleSplit(
    text.split(/\r?\n/).filter((l) => l.trim() !== ""),
    holdout,
    seed,
  );
}

/** Shuffles `lines` in place with `seed` and holds out the first ones for validation. */
export function shuffleSplit(lines: string[], holdout: Holdout, seed: number): Split {
  const next = random(seed);
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
  }
  const k = holdoutSize(lines.length, holdout);
  return { validation: lines.slice(0, k), train: lines.slice(k) };
}

export interface NumberedLine {
  line: number;
  text: string;
}

/**
 * The lines around the one starting at byte `at` of `bytes` (a window of the file), numbered from
 * `line`: up to `before` lines before and `after` after. A window's cut first line is left out.
 */
export function linesAround(
  bytes: Uint8Array,
  at: number,
  line: number,
  windowStartsFile: boolean,
  before = 3,
  after = 3,
): NumberedLine[] {
  const decoder = new TextDecoder();
  const head = decoder.decode(bytes.subarray(0, at)).split("\n");
  head.pop(); // the empty piece after the newline that ends the line before
  if (!windowStartsFile) head.shift();
  const tail = decoder.decode(bytes.subarray(at)).split("\n");
  const prev = head.slice(-before);
  const next = tail.slice(0, after + 1);
  if (next.length > 1 && next[next.length - 1] === "" && tail.length === next.length) next.pop();
  return [
    ...prev.map((text, i) => ({ line: line - prev.length + i, text })),
    ...next.map((text, i) => ({ line: line + i, text })),
  ].map((l) => ({ ...l, text: l.text.replace(/\r$/, "") }));
}
