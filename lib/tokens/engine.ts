/**
 * One encoding's tokenizer, built from tiktoken's (lite) `Tiktoken` class and a rank file. This is
 * the code path the worker runs; the Node tests run it too and compare it with full `tiktoken`.
 */
import type { Tiktoken } from "tiktoken/lite";
import type { Encoding } from "@/lib/models/catalogue";
import { type RankData, rankRanges, specialTokensOf, validIdCheck } from "./encodings";
import type { AllowedSpecial } from "./protocol";

export type TiktokenClass = new (
  bpeRanks: string,
  specialTokens: Record<string, number>,
  patStr: string,
) => Tiktoken;

export interface TokenEngine {
  encoding: Encoding;
  /** Special-token strings in `text` are plain text unless allowed, as the API treats user text. */
  encode(text: string, allowedSpecial?: AllowedSpecial): Uint32Array;
  count(text: string, allowedSpecial?: AllowedSpecial): number;
  /** Ids that split a UTF-8 sequence decode to U+FFFD. Throws on an id the encoding lacks. */
  decode(ids: Uint32Array | readonly number[]): string;
  free(): void;
}

export function createEngine(TiktokenCtor: TiktokenClass, encoding: Encoding, ranks: RankData): TokenEngine {
  const special = specialTokensOf(encoding, ranks.special_tokens);
  const tokenizer = new TiktokenCtor(ranks.bpe_ranks, special, ranks.pat_str);
  const isValidId = validIdCheck(rankRanges(ranks.bpe_ranks), special);
  const utf8 = new TextDecoder();
  const encode = (text: string, allowedSpecial?: AllowedSpecial) =>
    tokenizer.encode(text, allowedSpecial === "all" ? "all" : [...(allowedSpecial ?? [])], []);
  return {
    encoding,
    encode,
    count: (text, allowedSpecial) => encode(text, allowedSpecial).length,
    decode(ids) {
      const tokens = Uint32Array.from(ids);
      // tiktoken's WASM aborts on an unknown id, which would leave the instance unusable.
      const bad = tokens.find((id) => !isValidId(id));
      if (bad !== undefined) throw new Error(`Token id ${bad} is not in ${encoding}`);
      return utf8.decode(tokenizer.decode(tokens));
    },
    free: () => tokenizer.free(),
  };
}
