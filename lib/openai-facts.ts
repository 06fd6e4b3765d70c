/**
 * What the OpenAI API itself fixes: its APIs, enum values, parameter bounds and limits, each
 * written once. Zod-free on purpose, so a client component can read a constant without pulling
 * zod into its route's first load; the schemas (lib/playground/types.ts, lib/models/schema.ts) are
 * built from these tuples with `z.enum(TUPLE)`. Sources: ../shared/reference/openai-api-notes.md.
 */

/** Every API a catalogue entry can name. The playground speaks the first three (WIRE_APIS). */
export const APIS = [
  "responses",
  "chat",
  "completions",
  "embeddings",
  "images",
  "moderations",
  "audio",
] as const;
export type Api = (typeof APIS)[number];

export const WIRE_APIS = ["responses", "chat", "completions"] as const satisfies readonly Api[];
type WireApi = (typeof WIRE_APIS)[number];

export const API_LABELS: Record<Api, string> = {
  responses: "Responses",
  chat: "Chat Completions",
  completions: "Completions",
  embeddings: "Embeddings",
  images: "Images",
  moderations: "Moderations",
  audio: "Audio",
};

/** The same names where room is tight (the playground's API tabs, the model picker's badges). */
export const API_SHORT_LABELS: Record<Api, string> = { ...API_LABELS, chat: "Chat" };

/** Tokenizer encodings, as tiktoken names them. */
export const ENCODINGS = [
  "o200k_base",
  "cl100k_base",
  "p50k_base",
  "p50k_edit",
  "r50k_base",
  "o200k_harmony",
] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Chat roles the tokenizer counts; the playground adds `tool` (MESSAGE_ROLES). */
export const CHAT_ROLES = ["system", "developer", "user", "assistant"] as const;
export const MESSAGE_ROLES = [...CHAT_ROLES, "tool"] as const;
/** Roles the instructions message of a Chat request may take. */
export const INSTRUCTION_ROLES = ["system", "developer"] as const;
export type InstructionRole = (typeof INSTRUCTION_ROLES)[number];

export const IMAGE_DETAILS = ["auto", "low", "high"] as const;
export const REASONING_EFFORTS = ["none", "minimal", "low", "medium", "high", "xhigh"] as const;
export const REASONING_SUMMARIES = ["auto", "concise", "detailed"] as const;
export const VERBOSITIES = ["low", "medium", "high"] as const;
export const SERVICE_TIERS = ["auto", "default", "flex", "priority"] as const;
export const SEARCH_CONTEXT_SIZES = ["low", "medium", "high"] as const;
export const TOOL_CHOICES = ["auto", "none", "required"] as const;

/** Tool types a model may take, per API (a catalogue entry lists its own). */
export const TOOL_TYPES = [
  "function",
  "custom",
  "file_search",
  "web_search",
  "code_interpreter",
  "image_generation",
  "mcp",
] as const;
export type ToolType = (typeof TOOL_TYPES)[number];

/** Inclusive bounds of the sampling and output parameters, as the API checks them. */
export const PARAM_BOUNDS = {
  temperature: { min: 0, max: 2 },
  topP: { min: 0, max: 1 },
  presencePenalty: { min: -2, max: 2 },
  frequencyPenalty: { min: -2, max: 2 },
  n: { min: 1, max: 128 },
  seed: { min: 0, max: 2 ** 31 },
  logitBias: { min: -100, max: 100 },
} as const;

/** `top_logprobs`: Completions' `logprobs` takes at most 5, the other APIs 20. */
export const TOP_LOGPROBS_MAX: Record<WireApi, number> = { responses: 20, chat: 20, completions: 5 };
/** The smallest output cap each API accepts (Responses' `max_output_tokens` is at least 16). */
export const MIN_OUTPUT_TOKENS: Record<WireApi, number> = { responses: 16, chat: 1, completions: 1 };

export const STOP_MAX = 4;
export const METADATA_LIMITS = { pairs: 16, keyChars: 64, valueChars: 512 } as const;
/** Function and JSON-schema names: 1–64 letters, digits, `_` or `-`. */
export const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
export const IMAGE_LIMITS = { perRequest: 500, bytesPerRequest: 50 * 1024 * 1024 } as const;

/** Images API values (§4, §11.1 of the notes); a catalogue entry says which its model takes. */
export const IMAGE_ENDPOINTS = ["generations", "edits", "variations"] as const;
export const IMAGE_QUALITIES = ["auto", "low", "medium", "high", "xhigh", "max", "standard", "hd"] as const;
export const IMAGE_BACKGROUNDS = ["auto", "opaque", "transparent"] as const;
export const IMAGE_FORMATS = ["png", "jpeg", "webp", "gif", "svg"] as const;
export const IMAGE_STYLES = ["vivid", "natural"] as const;

/** What a model is for; the catalogue's `kind`. Reasoning models are chat models that think first. */
export const MODEL_KINDS = [
  "chat",
  "reasoning",
  "completion",
  "image",
  "audio",
  "embedding",
  "moderation",
] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
