/**
 * How each `Encoding` of the model catalogue is built from the rank files the `tiktoken` package
 * ships. Pure: used by the worker and by the Node tests alike.
 *
 * `tiktoken` 1.0.22 ships ranks for o200k_base, cl100k_base, p50k_base, p50k_edit and r50k_base.
 * `o200k_harmony` (gpt-oss) is o200k_base's ranks and pattern with the Harmony special tokens added,
 * exactly as Python tiktoken's `o200k_harmony` constructor does.
 */
import { ENCODINGS, type Encoding } from "@/lib/openai-facts";

/** The rank file an encoding is built from: `tiktoken/encoders/<name>.json`. */
export type RankFile = Exclude<Encoding, "o200k_harmony">;

/** The shape of `tiktoken/encoders/*.json`. */
export interface RankData {
  pat_str: string;
  special_tokens: Record<string, number>;
  bpe_ranks: string;
}

export function isEncoding(value: unknown): value is Encoding {
  return typeof value === "string" && (ENCODINGS as readonly string[]).includes(value);
}

export function rankFileOf(encoding: Encoding): RankFile {
  return encoding === "o200k_harmony" ? "o200k_base" : encoding;
}

function harmonySpecialTokens(): Record<string, number> {
  const named: Record<string, number> = {
    "<|startoftext|>": 199998,
    "<|endoftext|>": 199999,
    "<|reserved_200000|>": 200000,
    "<|reserved_200001|>": 200001,
    "<|return|>": 200002,
    "<|constrain|>": 200003,
    "<|reserved_200004|>": 200004,
    "<|channel|>": 200005,
    "<|start|>": 200006,
    "<|end|>": 200007,
    "<|message|>": 200008,
    "<|reserved_200009|>": 200009,
    "<|reserved_200010|>": 200010,
    "<|reserved_200011|>": 200011,
    "<|call|>": 200012,
  };
  for (let i = 200013; i < 201088; i++) named[`<|reserved_${i}|>`] = i;
  return named;
}

/** Special tokens of `encoding`, given the special tokens of its rank file. */
export function specialTokensOf(encoding: Encoding, base: Record<string, number>): Record<string, number> {
  return encoding === "o200k_harmony" ? { ...base, ...harmonySpecialTokens() } : { ...base };
}

/**
 * The token ids a rank string defines, as [start, end) ranges. The packaged format is one line per
 * contiguous run: `! <first rank> <base64 token> <base64 token> …`.
 */
export function rankRanges(bpeRanks: string): [number, number][] {
  const ranges: [number, number][] = [];
  let lineStart = 0;
  while (lineStart < bpeRanks.length) {
    let lineEnd = bpeRanks.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = bpeRanks.length;
    const first = bpeRanks.indexOf(" ", lineStart);
    const second = first === -1 ? -1 : bpeRanks.indexOf(" ", first + 1);
    if (first !== -1 && first < lineEnd) {
      const start = Number(bpeRanks.slice(first + 1, second === -1 || second > lineEnd ? lineEnd : second));
      let tokens = 0;
      for (let i = second; i !== -1 && i < lineEnd; i = bpeRanks.indexOf(" ", i + 1)) tokens++;
      if (Number.isInteger(start) && tokens > 0) ranges.push([start, start + tokens]);
    }
    lineStart = lineEnd + 1;
  }
  return ranges;
}

/** A predicate for ids the encoding can decode: tiktoken's WASM aborts on an unknown id. */
export function validIdCheck(
  ranges: readonly [number, number][],
  specialTokens: Record<string, number>,
): (id: number) => boolean {
  const special = new Set(Object.values(specialTokens));
  return (id) => special.has(id) || ranges.some(([start, end]) => id >= start && id < end);
}
