/**
 * Messages between `client.ts` (main thread) and `worker.ts` (the tokenizer Web Worker).
 * Kept free of imports other than types so both sides can share it without pulling code along.
 */
import type { Encoding } from "@/lib/openai-facts";
import type { TokenizeResult } from "./segments";

/** `"all"` or a list of special-token strings that are encoded as their special ids. */
export type AllowedSpecial = "all" | readonly string[];

export type TokenRequest =
  | { id: number; op: "count"; encoding: Encoding; text: string; allowedSpecial?: AllowedSpecial }
  | { id: number; op: "encode"; encoding: Encoding; text: string; allowedSpecial?: AllowedSpecial }
  | { id: number; op: "tokenize"; encoding: Encoding; text: string; allowedSpecial?: AllowedSpecial }
  | { id: number; op: "decode"; encoding: Encoding; ids: Uint32Array | readonly number[] };

export type TokenResponse =
  | { id: number; count: number; ms: number }
  | { id: number; ids: Uint32Array; ms: number }
  | { id: number; tokens: TokenizeResult; ms: number }
  | { id: number; text: string; ms: number }
  | { id: number; error: string };
