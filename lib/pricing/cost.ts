import type { PriceQuote } from "./types";

/** What a call used, in the units prices are quoted in. */
export interface BilledUsage {
  input: number;
  cached?: number;
  output: number;
  images?: number;
  audioSeconds?: number;
}

/**
 * A call's cost in micro-dollars from its quote (part "pricing" owns this; stub). Integer, rounded
 * up, so many small calls never sum to less than they cost.
 */
export function costMicros(quote: PriceQuote, usage: BilledUsage): number {
  const cached = Math.min(usage.cached ?? 0, usage.input);
  const usd =
    ((usage.input - cached) * quote.input +
      cached * (quote.cachedInput ?? quote.input) +
      usage.output * quote.output) /
    1_000_000;
  return Math.ceil(usd * 1_000_000);
}
