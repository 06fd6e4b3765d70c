import type { PriceQuote } from "./types";

/** What a call used, in the units prices are quoted in. */
export interface BilledUsage {
  input: number;
  cached?: number;
  output: number;
  images?: number;
  audioSeconds?: number;
  /** Of `input` and `output`, the audio tokens: billed at the quote's audio prices where it has them. */
  audioInput?: number;
  audioOutput?: number;
}

/**
 * A call's cost in micro-dollars from its quote. A price in USD per 1M tokens times tokens is
 * already micro-dollars. Cached input bills at the cached price (the input price when there is
 * none); an image call's output tokens bill at the image-output price where the quote has one;
 * images and audio seconds bill per unit where the quote prices them; audio tokens bill at the
 * audio prices where the quote has them (cached input counts as text). Integer, rounded up, so many
 * small calls never sum to less than they cost.
 */
export function costMicros(quote: PriceQuote, usage: BilledUsage): number {
  const input = Math.max(0, usage.input);
  const output = Math.max(0, usage.output);
  const audioIn = quote.audioInput != null ? Math.min(Math.max(0, usage.audioInput ?? 0), input) : 0;
  const audioOut = quote.audioOutput != null ? Math.min(Math.max(0, usage.audioOutput ?? 0), output) : 0;
  const cached = Math.min(Math.max(0, usage.cached ?? 0), input - audioIn);
  const images = Math.max(0, usage.images ?? 0);
  const outputPrice = images > 0 && quote.imageOutput != null ? quote.imageOutput : quote.output;
  const micros =
    (input - audioIn - cached) * quote.input +
    cached * (quote.cachedInput ?? quote.input) +
    audioIn * (quote.audioInput ?? 0) +
    (output - audioOut) * outputPrice +
    audioOut * (quote.audioOutput ?? 0) +
    images * (quote.perImage ?? 0) * 1_000_000 +
    Math.max(0, usage.audioSeconds ?? 0) * (quote.audioPerSecond ?? 0) * 1_000_000;
  // Float noise (0.1 × 3 = 0.30000000000000004) must not round a whole micro-dollar up.
  return Math.ceil(Number(micros.toFixed(6)));
}

/** Bytes of request or response per token assumed for a call the upstream reported no usage for. */
export const BYTES_PER_TOKEN = 4;

/**
 * A call's usage when the upstream reported none (a stream cut before its usage event, an API that
 * does not report it): input from the request's bytes, output from the response's, 4 bytes a token.
 */
export function estimateUsage(requestBytes: number, responseBytes: number): BilledUsage {
  return {
    input: Math.ceil(Math.max(0, requestBytes) / BYTES_PER_TOKEN),
    output: Math.ceil(Math.max(0, responseBytes) / BYTES_PER_TOKEN),
  };
}
