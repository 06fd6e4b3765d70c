import { CATALOGUE, resolveModel } from "@/lib/models/catalogue";
import type { PriceQuote } from "@/lib/pricing/types";

/**
 * The worst case a call is held to before it goes upstream (docs/budgets.md, "Estimates"). Pure:
 * the proxy's hook reads the body, this turns it into tokens and a model.
 */

/** Paths billed by tokens, whose JSON body names the model and the output cap. */
export const TOKEN_PATHS = new Set(["responses", "chat/completions", "completions", "embeddings"]);
/** Paths billed otherwise (images, audio): a fixed hold per call (per image for generations). */
export const FIXED_PATHS = new Set([
  "images/generations",
  "images/edits",
  "images/variations",
  "audio/speech",
  "audio/transcriptions",
  "audio/translations",
]);
/** The hold of one image or audio call: about the dearest single image (gpt-image-1, high, 1536 px). */
export const FIXED_CALL_MICROS = 250_000;
/** Bytes per input token, counted low so the estimate stays above the real count. */
export const BYTES_PER_TOKEN = 2;

export interface CallEstimate {
  model: string | null;
  /** Input plus the maximum output, for tokens per minute. */
  tokens: number;
  inputTokens: number;
  outputTokens: number;
  /** Calls billed per call, not per token: the fixed hold in micro-dollars (else null). */
  fixedMicros: number | null;
}

const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : null;

/**
 * `body` is the parsed JSON (null when unreadable or too large), `bytes` the body's size (null when
 * unknown), `model` the model when only a prefix could be read.
 */
export function estimateCall(
  path: string,
  body: Record<string, unknown> | null,
  bytes: number | null,
  fallbackModel: string | null = null,
): CallEstimate {
  const model = typeof body?.model === "string" ? body.model : fallbackModel;
  if (FIXED_PATHS.has(path)) {
    const n = path === "images/generations" ? Math.max(1, num(body?.n) ?? 1) : 1;
    return { model, tokens: 0, inputTokens: 0, outputTokens: 0, fixedMicros: FIXED_CALL_MICROS * n };
  }
  const resolved = model ? resolveModel(model) : null;
  const context = resolved?.contextWindow || Number.POSITIVE_INFINITY;
  const byBytes = bytes === null ? context : Math.ceil(bytes / BYTES_PER_TOKEN);
  const inputTokens = Math.min(byBytes, context === Number.POSITIVE_INFINITY ? byBytes : context);
  let outputTokens = 0;
  if (path !== "embeddings") {
    const cap =
      num(body?.max_output_tokens) ?? num(body?.max_completion_tokens) ?? num(body?.max_tokens) ?? null;
    const n = path === "responses" ? 1 : Math.max(1, num(body?.n) ?? 1);
    outputTokens = (cap ?? resolved?.maxOutput ?? 16_384) * n;
  }
  return { model, tokens: inputTokens + outputTokens, inputTokens, outputTokens, fixedMicros: null };
}

let dearest: PriceQuote | undefined;

/** The catalogue's price for a model, or (unpriced) its dearest input and output prices, so a hold is never too low. */
export function catalogueQuote(model: string): PriceQuote {
  const p = resolveModel(model).pricing;
  if (p) {
    return {
      model,
      input: p.input,
      cachedInput: p.cachedInput ?? null,
      output: p.output,
      source: "catalogue",
      sourceName: "Model catalogue",
      asOf: "",
    };
  }
  dearest ??= {
    model: "*",
    input: Math.max(...CATALOGUE.map((m) => m.pricing?.input ?? 0)),
    cachedInput: null,
    output: Math.max(...CATALOGUE.map((m) => m.pricing?.output ?? 0)),
    source: "catalogue",
    sourceName: "Dearest catalogue price (unpriced model)",
    asOf: "",
  };
  return { ...dearest, model };
}
