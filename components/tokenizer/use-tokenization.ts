"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { Encoding } from "@/lib/openai-facts";
import { getTokenizer, isSuperseded } from "@/lib/tokens/client";
import type { TokenizeResult } from "@/lib/tokens/segments";

/** A tokenization with what it was made of, so a view never pairs segments with another text. */
export interface Tokenized extends TokenizeResult {
  text: string;
  encoding: Encoding;
  allowSpecial: boolean;
  /** Time spent tokenizing in the worker. */
  ms: number;
}

export interface TokenizationState {
  /** The latest result; kept while a newer one is pending, so the view does not flicker. */
  result: Tokenized | null;
  pending: boolean;
  error: string | null;
  /** UTF-8 size of a text over the limit (which is then not tokenized). */
  tooLarge: number | null;
}

/** UTF-8 bytes of `text` (near enough for a size limit: a lone surrogate counts 2, not 3). */
export function utf8Size(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

const MAX_WAIT_MS = 1000;

/**
 * Tokenizes `text` in the worker a moment after it stops changing (longer for long texts; at least
 * once a second while it keeps changing), and only ever the latest text: typing never waits for it.
 * Texts over `limitBytes` are refused.
 */
export function useTokenization(
  text: string,
  encoding: Encoding,
  allowSpecial: boolean,
  limitBytes: number,
): TokenizationState {
  const key = useId();
  /** When the oldest change not yet sent to the worker happened. */
  const pendingSince = useRef<number | null>(null);
  const [state, setState] = useState<{ for: string; result: Tokenized | null; error: string | null }>({
    for: "",
    result: null,
    error: null,
  });
  const size = text.length * 3 > limitBytes ? utf8Size(text) : 0;
  const tooLarge = size > limitBytes ? size : null;

  useEffect(() => {
    if (tooLarge !== null) return;
    let live = true;
    // Wait for a pause in typing, but not longer than MAX_WAIT_MS after the first unsent change.
    const pause = text.length < 20_000 ? 30 : text.length < 200_000 ? 120 : 250;
    pendingSince.current ??= performance.now();
    const delay = Math.max(0, Math.min(pause, pendingSince.current + MAX_WAIT_MS - performance.now()));
    const timer = setTimeout(() => {
      pendingSince.current = null;
      getTokenizer()
        .tokenize(text, encoding, { key, allowedSpecial: allowSpecial ? "all" : undefined })
        .then(
          (r) => {
            if (!live) return;
            setState({ for: text, result: { ...r, text, encoding, allowSpecial }, error: null });
          },
          (error: unknown) => {
            if (!live || isSuperseded(error)) return;
            setState((prev) => ({
              for: text,
              result: prev.result,
              error: error instanceof Error ? error.message : String(error),
            }));
          },
        );
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, encoding, allowSpecial, key, tooLarge]);

  const current =
    state.for === text && state.result?.encoding === encoding && state.result.allowSpecial === allowSpecial;
  return {
    result: state.result,
    pending: tooLarge === null && !current && !(state.for === text && state.error),
    error: state.for === text ? state.error : null,
    tooLarge,
  };
}
