import { CATALOGUE, resolveModel } from "@/lib/models/catalogue";
import type { PriceQuote } from "@/lib/pricing/types";

/**
 * The worst case a call is held to before it goes upstream (docs/budgets.md, "Estimates"). Pure:
 * the proxy's hook reads the body, this turns it into tokens and a model.
 */

/** Paths billed by tokens, whose JSON body names the model and the output cap. */
export const TOKEN_PATHS = new Set([
  "responses",
  "responses/compact",
  "chat/completions",
  "completions",
  "embeddings",
]);
/** Paths billed otherwise (images, audio): a fixed hold per call (per image for generations). */
export const FIXED_PATHS = new Set([
  "images/generations",
  "images/edits",
  "images/variations",
  "audio/speech",
  "audio/transcriptions",
  "audio/translations",
]);

/**
 * POSTs that start work OpenAI bills later, by an amount the request does not bound (a batch, a
 * fine-tuning job, a grader run): refused while a spend, token or model limit applies (docs/budgets.md).
 */
export function unmeteredPath(path: string): boolean {
  return (
    path === "batches" ||
    path === "fine_tuning/jobs" ||
    path === "fine_tuning/alpha/graders/run" ||
    /^fine_tuning\/jobs\/[^/]+\/resume$/.test(path)
  );
}

/** The hold of one image or audio call: about the dearest single image (gpt-image-1, high, 1536 px). */
export const FIXED_CALL_MICROS = 250_000;
/** The API's largest `n` for images. */
export const MAX_IMAGES_PER_CALL = 10;
/** Bytes per input token, counted low so the estimate stays above the real count. */
export const BYTES_PER_TOKEN = 2;
/** Input tokens held per image part (by URL or file id, a few bytes in the body): above a high-detail image's count. */
export const IMAGE_PART_TOKENS = 6_000;
/** Held per hosted tool for its per-call fees (searches, containers, generated images), and kept at settlement. */
export const HOSTED_TOOL_MICROS = 250_000;
/** Hosted tools: per-call fees, and (all but code_interpreter and image_generation) retrieved text added to the input. */
const HOSTED_TOOLS = /^(web_search|file_search|mcp|code_interpreter|image_generation)/;
const ADDS_INPUT = /^(web_search|file_search|mcp)/;
const IMAGE_PARTS = new Set(["input_image", "image_url"]);
const FILE_PARTS = new Set(["input_file", "file"]);

const LARGEST_CONTEXT = Math.max(...CATALOGUE.map((m) => m.contextWindow));
const LARGEST_OUTPUT = Math.max(...CATALOGUE.map((m) => m.maxOutput));

export interface CallEstimate {
  model: string | null;
  /** Input plus the maximum output, for tokens per minute. */
  tokens: number;
  inputTokens: number;
  outputTokens: number;
  /** Calls billed per call, not per token: the fixed hold in micro-dollars (else null). */
  fixedMicros: number | null;
  /** Hosted tools' fees held on top of the tokens' price, and settled as held (usage does not report them). */
  extraMicros?: number;
  /** A background Response: its answer is not final, so it settles at the whole hold. */
  background?: boolean;
  /** The call asks for spoken output (`modalities: ["audio"]`): its output is held at the audio price. */
  audioOutput?: boolean;
}

/** A model's context and output limits by id: resolveModel builds a whole entry per call. Bounded: ids come from clients. */
const sizes = new Map<string, { contextWindow: number; maxOutput: number }>();
function sizesOf(model: string): { contextWindow: number; maxOutput: number } {
  let s = sizes.get(model);
  if (!s) {
    const r = resolveModel(model);
    s = { contextWindow: r.contextWindow, maxOutput: r.maxOutput };
    // A body may name a model megabytes long; only plausible ids are kept.
    if (model.length <= 128) {
      if (sizes.size >= 1_000) sizes.clear();
      sizes.set(model, s);
    }
  }
  return s;
}

const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : null;

/** What of the input the body does not carry: image parts, and whether context is held on the server. */
function unseenInput(body: Record<string, unknown>): {
  images: number;
  serverContext: boolean;
  tools: number;
} {
  let images = 0;
  let serverContext =
    typeof body.previous_response_id === "string" ||
    (body.conversation !== undefined && body.conversation !== null) ||
    (body.prompt !== undefined && body.prompt !== null) ||
    (body.web_search_options !== undefined && body.web_search_options !== null);
  let tools = body.web_search_options ? 1 : 0;
  if (Array.isArray(body.tools)) {
    for (const t of body.tools) {
      const type = typeof (t as { type?: unknown })?.type === "string" ? (t as { type: string }).type : "";
      if (HOSTED_TOOLS.test(type)) tools++;
      if (ADDS_INPUT.test(type)) serverContext = true;
    }
  }
  // Parts live in `input` / `messages`, at most a few levels down; the walk is bounded by the body's size.
  const walk = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const type = typeof o.type === "string" ? o.type : "";
    if (IMAGE_PARTS.has(type)) images++;
    // A file sent by id or URL is read on the server, however few bytes name it.
    else if (FILE_PARTS.has(type) && !(typeof o.file_data === "string")) {
      const file = o.file as Record<string, unknown> | undefined;
      if (typeof file?.file_data !== "string") serverContext = true;
    }
    for (const x of Object.values(o)) if (typeof x === "object") walk(x, depth + 1);
  };
  walk(body.input, 0);
  walk(body.messages, 0);
  return { images, serverContext, tools };
}

/** `body` is the parsed JSON (null when unread, e.g. multipart), `bytes` the body's size (null when unknown). */
export function estimateCall(
  path: string,
  body: Record<string, unknown> | null,
  bytes: number | null,
): CallEstimate {
  const model = typeof body?.model === "string" ? body.model : null;
  if (FIXED_PATHS.has(path)) {
    // A multipart edit or variation is not read before it is sent: held at the most images one call makes.
    const n = path.startsWith("images/") ? (body ? Math.max(1, num(body.n) ?? 1) : MAX_IMAGES_PER_CALL) : 1;
    return { model, tokens: 0, inputTokens: 0, outputTokens: 0, fixedMicros: FIXED_CALL_MICROS * n };
  }
  const resolved = model ? sizesOf(model) : null;
  // An unknown model: the largest context any model has, so the hold stays finite and high.
  const context = resolved?.contextWindow || LARGEST_CONTEXT;
  const unseen = body ? unseenInput(body) : { images: 0, serverContext: false, tools: 0 };
  const byBytes =
    bytes === null || unseen.serverContext
      ? context
      : Math.ceil(bytes / BYTES_PER_TOKEN) + unseen.images * IMAGE_PART_TOKENS;
  const inputTokens = Math.min(byBytes, context);
  let outputTokens = 0;
  if (path !== "embeddings") {
    const cap =
      num(body?.max_output_tokens) ?? num(body?.max_completion_tokens) ?? num(body?.max_tokens) ?? null;
    // `best_of` (legacy completions) generates that many and bills them all.
    const n = path.startsWith("responses") ? 1 : Math.max(1, num(body?.n) ?? 1, num(body?.best_of) ?? 1);
    outputTokens = (cap ?? (resolved?.maxOutput || LARGEST_OUTPUT)) * n;
  }
  return {
    model,
    tokens: inputTokens + outputTokens,
    inputTokens,
    outputTokens,
    fixedMicros: null,
    extraMicros: unseen.tools * HOSTED_TOOL_MICROS,
    background: path === "responses" && body?.background === true,
    audioOutput:
      (Array.isArray(body?.modalities) && body.modalities.includes("audio")) ||
      (typeof body?.audio === "object" && body.audio !== null),
  };
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
