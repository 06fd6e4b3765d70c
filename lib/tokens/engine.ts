/**
 * One encoding's tokenizer, built from tiktoken's (lite) `Tiktoken` class and a rank file. This is
 * the code path the worker runs; the Node tests run it too and compare it with full `tiktoken`.
 */
import type { Tiktoken } from "tiktoken/lite";
import type { Encoding } from "@/lib/openai-facts";
import { type RankData, rankRanges, specialTokensOf, validIdCheck } from "./encodings";
import type { AllowedSpecial } from "./protocol";
import { buildSegments, countCodePoints, countWords, findSpecialText, type TokenizeResult } from "./segments";

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
  /**
   * Ids, segments of whole characters, special tokens and special-token text left as plain text:
   * everything the tokenizer page draws (see `segments.ts`).
   */
  tokenize(text: string, allowedSpecial?: AllowedSpecial): TokenizeResult;
  /** Ids that split a UTF-8 sequence decode to U+FFFD. Throws on an id the encoding lacks. */
  decode(ids: Uint32Array | readonly number[]): string;
  /** The bytes of one token. Throws on an id the encoding lacks. */
  tokenBytes(id: number): Uint8Array;
  /** The encoding's special tokens, by their text. */
  specialTokens: Readonly<Record<string, number>>;
  free(): void;
}

export function createEngine(TiktokenCtor: TiktokenClass, encoding: Encoding, ranks: RankData): TokenEngine {
  const special = specialTokensOf(encoding, ranks.special_tokens);
  const tokenizer = new TiktokenCtor(ranks.bpe_ranks, special, ranks.pat_str);
  const isValidId = validIdCheck(rankRanges(ranks.bpe_ranks), special);
  const specialIds = new Set(Object.values(special));
  const isSpecialName = (name: string) => Object.hasOwn(special, name);
  const utf8 = new TextDecoder();
  /** Byte length of each id seen so far (0: not yet asked); ids repeat, so WASM is asked once per id. */
  let lengths = new Uint16Array(Math.max(0, ...specialIds) + 1);
  const encode = (text: string, allowedSpecial?: AllowedSpecial) =>
    tokenizer.encode(text, allowedSpecial === "all" ? "all" : [...(allowedSpecial ?? [])], []);
  const check = (tokens: Uint32Array) => {
    // tiktoken's WASM aborts on an unknown id, which would leave the instance unusable.
    const at = tokens.findIndex((id) => !isValidId(id));
    if (at === -1) return;
    const where = tokens.length > 1 ? ` (item ${at + 1} of ${tokens.length})` : "";
    throw new Error(`Token id ${tokens[at]}${where} is not in ${encoding}`);
  };
  const byteLength = (id: number): number => {
    if (id >= lengths.length) {
      const grown = new Uint16Array(id + 1);
      grown.set(lengths);
      lengths = grown;
    }
    let n = lengths[id] ?? 0;
    if (n === 0) {
      n = tokenizer.decode_single_token_bytes(id).length;
      lengths[id] = n;
    }
    return n;
  };
  return {
    encoding,
    encode,
    count: (text, allowedSpecial) => encode(text, allowedSpecial).length,
    tokenize(text, allowedSpecial) {
      const ids = encode(text, allowedSpecial);
      const tokenBytes = new Uint32Array(ids.length);
      const specials: number[] = [];
      for (let t = 0; t < ids.length; t++) {
        const id = ids[t] as number;
        tokenBytes[t] = byteLength(id);
        if (specialIds.has(id)) specials.push(t);
      }
      const allowed = allowedSpecial === "all" ? null : new Set(allowedSpecial ?? []);
      // Special-token text the encoder was not allowed to treat as special: shown, and flagged.
      const plainSpecials =
        allowed === null
          ? new Uint32Array(0)
          : findSpecialText(text, (name) => isSpecialName(name) && !allowed.has(name));
      return {
        ids,
        tokenBytes,
        ...buildSegments(text, tokenBytes),
        special: Uint32Array.from(specials),
        plainSpecials,
        chars: countCodePoints(text),
        words: countWords(text),
      };
    },
    decode(ids) {
      const tokens = Uint32Array.from(ids);
      check(tokens);
      return utf8.decode(tokenizer.decode(tokens));
    },
    tokenBytes(id) {
      check(Uint32Array.of(id));
      return tokenizer.decode_single_token_bytes(id);
    },
    specialTokens: special,
    free: () => tokenizer.free(),
  };
}
