"use client";

// components/tokens: hooks for a live token count on any page (the playground's meter, the tokenizer's chat mode), over the engine in lib/tokens.

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { Encoding } from "@/lib/openai-facts";
import {
  type ChatEstimate,
  type ChatEstimatePlan,
  type ChatMessageLike,
  planChatEstimate,
  sumPlan,
} from "@/lib/tokens/chat-overhead";
import { type AllowedSpecial, getTokenizer, isSuperseded } from "@/lib/tokens/client";

export interface TokenCountOptions {
  /** Wait this long after the last change before counting. Default 50 ms. */
  debounceMs?: number;
  /** Special-token strings to count as special tokens; by default they are plain text. */
  allowedSpecial?: AllowedSpecial;
}

export interface TokenCountState {
  /** The last count made; kept while a newer one is pending, so a meter does not flicker. */
  count: number | null;
  /** The count does not yet reflect the current text and encoding. */
  pending: boolean;
  error: string | null;
}

const DEFAULT_DEBOUNCE_MS = 50;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function specialKey(allowed: AllowedSpecial | undefined): string {
  return allowed === undefined ? "" : allowed === "all" ? "all" : allowed.join("\u0000");
}

/**
 * Tokens in `text` for `encoding`, counted in the tokenizer worker. `encoding: null` means no model
 * is chosen: nothing is counted. Counting starts `debounceMs` after the last change, and only the
 * latest text is tokenized however fast it changes.
 */
export function useTokenCount(
  text: string,
  encoding: Encoding | null,
  opts: TokenCountOptions = {},
): TokenCountState {
  const key = useId();
  const debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const allowed = specialKey(opts.allowedSpecial);
  const allowedRef = useRef(opts.allowedSpecial);
  allowedRef.current = opts.allowedSpecial;
  const wanted = `${encoding}\u0001${allowed}\u0001${text}`;
  const [result, setResult] = useState<{ for: string; count: number | null; error: string | null }>({
    for: "",
    count: null,
    error: null,
  });

  useEffect(() => {
    if (encoding === null) return;
    let live = true;
    const timer = setTimeout(() => {
      getTokenizer()
        .count(text, encoding, { key, allowedSpecial: allowedRef.current })
        .then(
          (count) => live && setResult({ for: wanted, count, error: null }),
          (error: unknown) => {
            if (!live || isSuperseded(error)) return;
            setResult((prev) => ({ for: wanted, count: prev.count, error: errorMessage(error) }));
          },
        );
    }, debounceMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, encoding, key, debounceMs, wanted]);

  if (encoding === null) return { count: null, pending: false, error: null };
  return {
    count: result.count,
    pending: result.for !== wanted,
    error: result.for === wanted ? result.error : null,
  };
}

export interface ChatTokenEstimateState {
  /** Estimated prompt tokens (messages, chat overhead, tools); kept while a newer one is pending. */
  estimate: ChatEstimate | null;
  count: number | null;
  pending: boolean;
  error: string | null;
}

/**
 * Estimated prompt tokens of a Chat request (see `lib/tokens/chat-overhead.ts` for what is and is
 * not counted). Each distinct text is counted once per encoding and remembered while it stays in
 * the conversation, so typing in one message only recounts that message.
 */
export function useChatTokenEstimate(
  messages: readonly ChatMessageLike[],
  tools: unknown,
  encoding: Encoding | null,
  opts: Pick<TokenCountOptions, "debounceMs"> = {},
): ChatTokenEstimateState {
  const hookId = useId();
  const debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const plan: ChatEstimatePlan = useMemo(() => planChatEstimate(messages, tools), [messages, tools]);
  // Identity of what is to be counted; callers often rebuild equal arrays on every render.
  const wanted = useMemo(() => `${encoding}\u0001${JSON.stringify(plan)}`, [encoding, plan]);
  const planRef = useRef(plan);
  planRef.current = plan;
  const known = useRef<{ encoding: Encoding | null; counts: Map<string, number> }>({
    encoding: null,
    counts: new Map(),
  });
  const [result, setResult] = useState<{ for: string; estimate: ChatEstimate | null; error: string | null }>({
    for: "",
    estimate: null,
    error: null,
  });

  useEffect(() => {
    if (encoding === null) return;
    let live = true;
    const current = planRef.current;
    if (known.current.encoding !== encoding) known.current = { encoding, counts: new Map() };
    const counts = known.current.counts;
    const texts = new Set(current.items.flatMap((item) => item.texts));
    const missing = [...texts].filter((t) => !counts.has(t));
    const finish = () => {
      // Forget texts that left the conversation.
      for (const t of counts.keys()) if (!texts.has(t)) counts.delete(t);
      const estimate = sumPlan(current, (t) => counts.get(t) ?? 0);
      setResult({ for: wanted, estimate, error: null });
    };
    const run = () => {
      const tokenizer = getTokenizer();
      Promise.all(
        missing.map((text, i) =>
          tokenizer.count(text, encoding, { key: `${hookId}:${i}` }).then((n) => counts.set(text, n)),
        ),
      ).then(
        () => live && finish(),
        (error: unknown) => {
          if (!live || isSuperseded(error)) return;
          setResult((prev) => ({ for: wanted, estimate: prev.estimate, error: errorMessage(error) }));
        },
      );
    };
    if (missing.length === 0) {
      finish();
      return;
    }
    const timer = setTimeout(run, debounceMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, encoding, hookId, debounceMs]);

  if (encoding === null) return { estimate: null, count: null, pending: false, error: null };
  const estimate = result.estimate;
  return {
    estimate,
    count: estimate?.total ?? null,
    pending: result.for !== wanted,
    error: result.for === wanted ? result.error : null,
  };
}
