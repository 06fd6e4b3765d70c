/**
 * What the console knows about models that `GET /models` does not say: kind, APIs, context window,
 * output cap, prices, parameters, tools per API, tokenizer encoding, image options, shutdown dates.
 * Shared by the playground, the tokenizer and usage. Plain data, one entry per model or family;
 * the shape is `modelEntrySchema` (lib/models/schema.ts, checked by the unit tests), the fields and
 * how to add a model are in docs/model-catalogue.md.
 *
 * Prices are USD per 1M tokens, list prices as of PRICES_AS_OF; admins correct any entry with
 * overrides in settings. An entry matches a model id exactly or as a family prefix, the longest
 * match winning, so dated snapshots (`gpt-4o-2024-08-06`) and fine-tunes
 * (`ft:gpt-4o-mini-2024-07-18:org::id`) find their family. Unknown models (other providers, new
 * releases) still work with DEFAULT_MODEL.
 */
import { type Encoding, type InstructionRole, type ModelKind, TOOL_TYPES } from "@/lib/openai-facts";
import type {
  Capabilities,
  EmbeddingSpec,
  FineTuningSpec,
  ImageSpec,
  ModelEntry,
  ModelOverride,
  ModelOverrides,
  ModerationSpec,
  Pricing,
  ToolsByApi,
} from "./schema";

export const PRICES_AS_OF = "2026-11-01";

/** Chat models take every tool type on Responses, and functions on Chat Completions. */
const TEXT_TOOLS: ToolsByApi = { responses: [...TOOL_TYPES], chat: ["function", "custom"] };
const NO_TOOLS: ToolsByApi = { responses: [], chat: [] };

type Traits = Pick<
  ModelEntry,
  "kind" | "apis" | "vision" | "params" | "tools" | "encoding" | "instructionsRole"
>;

// What most models of a kind share; an entry spreads one and states what differs.
const CHAT: Traits = {
  kind: "chat",
  apis: ["responses", "chat"],
  vision: true,
  params: { sampling: true, logprobs: true, structuredOutputs: true },
  tools: TEXT_TOOLS,
  encoding: "o200k_base",
  instructionsRole: "system",
};
/** Chat models from GPT-4.1 on take the `developer` role, as OpenAI's reasoning models do. */
const CHAT_DEVELOPER: Traits = { ...CHAT, instructionsRole: "developer" };
const REASONING: Traits = {
  ...CHAT,
  kind: "reasoning",
  params: { sampling: false, logprobs: false, structuredOutputs: true },
  instructionsRole: "developer",
};
const LEGACY_CHAT: Traits = {
  ...CHAT,
  vision: false,
  params: { ...CHAT.params, structuredOutputs: false },
  encoding: "cl100k_base",
};
const COMPLETION: Traits = {
  kind: "completion",
  apis: ["completions"],
  vision: false,
  params: { sampling: true, logprobs: true, structuredOutputs: false },
  tools: NO_TOOLS,
  encoding: "cl100k_base",
};
const NO_PARAMS = { sampling: false, logprobs: false, structuredOutputs: false };
const EMBEDDING: Traits = {
  kind: "embedding",
  apis: ["embeddings"],
  vision: false,
  params: NO_PARAMS,
  tools: NO_TOOLS,
  encoding: "cl100k_base",
};
const MODERATION: Traits = {
  ...EMBEDDING,
  kind: "moderation",
  apis: ["moderations"],
  encoding: "o200k_base",
};
const IMAGE: Traits = { ...EMBEDDING, kind: "image", apis: ["images"], vision: true, encoding: "o200k_base" };
/** Retired GPT-3 models: known so old ids still tokenize right, never priced. */
const RETIRED: Pick<ModelEntry, "family" | "pricing"> = { family: "Retired", pricing: null };

/** GPT image models (§4 of the API notes): the fixed sizes, GPT-image-only options, edits with up to 16 inputs. */
const GPT_IMAGE: ImageSpec = {
  endpoints: ["generations", "edits"],
  sizes: ["auto", "1024x1024", "1536x1024", "1024x1536"],
  qualities: ["auto", "low", "medium", "high"],
  backgrounds: ["auto", "opaque", "transparent"],
  formats: ["png", "jpeg", "webp"],
  compression: true,
  maxN: 10,
  promptMaxChars: 32_000,
  inputFidelity: true,
  stream: true,
  partialImages: 3,
  maxInputs: 16,
  input: { formats: ["png", "webp", "jpeg"], maxBytes: 50 * 1024 * 1024 },
  mask: "guided",
  styles: [],
  moderation: true,
};
/**
 * An image model the catalogue does not know (another server, a new release): the options every GPT
 * image model takes, fixed sizes only, no streaming (a server that does not stream would fail the
 * run) and no input fidelity. The model still runs; the form just offers less.
 */
export const DEFAULT_IMAGE_SPEC: ImageSpec = {
  ...GPT_IMAGE,
  inputFidelity: false,
  stream: false,
  partialImages: 0,
};
/** gpt-image-2 and later: any WxH, sides multiples of 16, 1:3 to 3:1, up to 3840x2160; `input_fidelity` refused. */
const GPT_IMAGE_2: ImageSpec = {
  ...GPT_IMAGE,
  customSizes: {
    multipleOf: 16,
    maxAspect: 3,
    maxEdge: 3840,
    maxPixels: 3840 * 2160,
    experimentalAbovePixels: 2560 * 1440,
  },
  inputFidelity: false,
};
const GPT_IMAGE_25: ImageSpec = { ...GPT_IMAGE_2, qualities: [...GPT_IMAGE.qualities, "xhigh", "max"] };
const GPT_IMAGE_26: ImageSpec = {
  ...GPT_IMAGE_25,
  formats: [...GPT_IMAGE.formats, "gif", "svg"],
  complexity: true,
  markup: true,
  gif: { frameCount: { min: 2, max: 16, default: 9 }, frameDurationMs: { min: 20, default: 200 } },
};
const gptImage = (match: string, label: string, image: ImageSpec, shutdownDate?: string): ModelEntry => ({
  ...IMAGE,
  match,
  label,
  family: "GPT Image",
  contextWindow: 0,
  maxOutput: 0,
  pricing: null,
  image,
  ...(shutdownDate ? { shutdownDate } : {}),
});

export const CATALOGUE: ModelEntry[] = [
  // GPT-5
  {
    ...REASONING,
    match: "gpt-5-nano",
    label: "GPT-5 nano",
    family: "GPT-5",
    contextWindow: 400_000,
    maxOutput: 128_000,
    pricing: { input: 0.05, cachedInput: 0.005, output: 0.4 },
  },
  {
    ...REASONING,
    match: "gpt-5-mini",
    label: "GPT-5 mini",
    family: "GPT-5",
    contextWindow: 400_000,
    maxOutput: 128_000,
    pricing: { input: 0.25, cachedInput: 0.025, output: 2 },
  },
  {
    ...REASONING,
    match: "gpt-5-pro",
    label: "GPT-5 pro",
    family: "GPT-5",
    apis: ["responses"],
    tools: { ...TEXT_TOOLS, chat: [] },
    contextWindow: 400_000,
    maxOutput: 272_000,
    pricing: { input: 15, output: 120 },
  },
  {
    ...CHAT_DEVELOPER,
    match: "gpt-5-chat",
    label: "GPT-5 chat",
    family: "GPT-5",
    contextWindow: 128_000,
    maxOutput: 16_384,
    pricing: { input: 1.25, cachedInput: 0.125, output: 10 },
  },
  {
    ...REASONING,
    match: "gpt-5",
    label: "GPT-5",
    family: "GPT-5",
    contextWindow: 400_000,
    maxOutput: 128_000,
    pricing: { input: 1.25, cachedInput: 0.125, output: 10 },
  },
  // GPT-4.1
  {
    ...CHAT_DEVELOPER,
    match: "gpt-4.1-nano",
    label: "GPT-4.1 nano",
    family: "GPT-4.1",
    contextWindow: 1_047_576,
    maxOutput: 32_768,
    pricing: { input: 0.1, cachedInput: 0.025, output: 0.4 },
    fineTunable: true,
    fineTunedPricing: { input: 0.2, cachedInput: 0.05, output: 0.8 },
    fineTuning: { methods: ["supervised", "dpo"], trainingPrice: 1.5, trainingContextTokens: 65_536 },
  },
  {
    ...CHAT_DEVELOPER,
    match: "gpt-4.1-mini",
    label: "GPT-4.1 mini",
    family: "GPT-4.1",
    contextWindow: 1_047_576,
    maxOutput: 32_768,
    pricing: { input: 0.4, cachedInput: 0.1, output: 1.6 },
    fineTunable: true,
    fineTunedPricing: { input: 0.8, cachedInput: 0.2, output: 3.2 },
    fineTuning: { methods: ["supervised", "dpo"], trainingPrice: 5, trainingContextTokens: 65_536 },
  },
  {
    ...CHAT_DEVELOPER,
    match: "gpt-4.1",
    label: "GPT-4.1",
    family: "GPT-4.1",
    contextWindow: 1_047_576,
    maxOutput: 32_768,
    pricing: { input: 2, cachedInput: 0.5, output: 8 },
    fineTunable: true,
    fineTunedPricing: { input: 3, cachedInput: 0.75, output: 12 },
    fineTuning: { methods: ["supervised", "dpo"], trainingPrice: 25, trainingContextTokens: 65_536 },
  },
  // GPT-4o
  {
    ...CHAT,
    match: "gpt-4o-mini",
    label: "GPT-4o mini",
    family: "GPT-4o",
    contextWindow: 128_000,
    maxOutput: 16_384,
    pricing: { input: 0.15, cachedInput: 0.075, output: 0.6 },
    fineTunable: true,
    fineTunedPricing: { input: 0.3, cachedInput: 0.15, output: 1.2 },
    fineTuning: { methods: ["supervised"], trainingPrice: 3, trainingContextTokens: 65_536 },
  },
  {
    ...CHAT,
    match: "gpt-4o-2024-05-13",
    label: "GPT-4o (2024-05-13)",
    family: "GPT-4o",
    contextWindow: 128_000,
    maxOutput: 4_096,
    pricing: { input: 5, output: 15 },
  },
  {
    ...CHAT,
    match: "gpt-4o",
    label: "GPT-4o",
    family: "GPT-4o",
    contextWindow: 128_000,
    maxOutput: 16_384,
    pricing: { input: 2.5, cachedInput: 1.25, output: 10 },
    fineTunable: true,
    fineTunedPricing: { input: 3.75, cachedInput: 1.875, output: 15 },
    fineTuning: { methods: ["supervised"], trainingPrice: 25, trainingContextTokens: 65_536 },
  },
  {
    ...CHAT,
    match: "chatgpt-4o-latest",
    label: "ChatGPT-4o",
    family: "GPT-4o",
    tools: NO_TOOLS,
    contextWindow: 128_000,
    maxOutput: 16_384,
    pricing: { input: 5, output: 15 },
  },
  // o-series, one family per generation
  {
    ...REASONING,
    match: "o4-mini",
    label: "o4-mini",
    family: "o4",
    contextWindow: 200_000,
    maxOutput: 100_000,
    pricing: { input: 1.1, cachedInput: 0.275, output: 4.4 },
    fineTunable: true,
    // Reinforcement fine-tuning is billed per hour of training, not per token.
    fineTuning: { methods: ["reinforcement"], trainingPrice: null, trainingContextTokens: 65_536 },
  },
  {
    ...REASONING,
    match: "o3-pro",
    label: "o3-pro",
    family: "o3",
    apis: ["responses"],
    tools: { ...TEXT_TOOLS, chat: [] },
    contextWindow: 200_000,
    maxOutput: 100_000,
    pricing: { input: 20, output: 80 },
  },
  {
    ...REASONING,
    match: "o3-mini",
    label: "o3-mini",
    family: "o3",
    vision: false,
    contextWindow: 200_000,
    maxOutput: 100_000,
    pricing: { input: 1.1, cachedInput: 0.55, output: 4.4 },
  },
  {
    ...REASONING,
    match: "o3",
    label: "o3",
    family: "o3",
    contextWindow: 200_000,
    maxOutput: 100_000,
    pricing: { input: 2, cachedInput: 0.5, output: 8 },
  },
  {
    ...REASONING,
    match: "o1-pro",
    label: "o1-pro",
    family: "o1",
    apis: ["responses"],
    tools: { ...TEXT_TOOLS, chat: [] },
    contextWindow: 200_000,
    maxOutput: 100_000,
    pricing: { input: 150, output: 600 },
  },
  {
    ...REASONING,
    match: "o1-mini",
    label: "o1-mini",
    family: "o1",
    vision: false,
    params: { ...REASONING.params, structuredOutputs: false },
    tools: NO_TOOLS,
    contextWindow: 128_000,
    maxOutput: 65_536,
    pricing: { input: 1.1, cachedInput: 0.55, output: 4.4 },
  },
  {
    ...REASONING,
    match: "o1",
    label: "o1",
    family: "o1",
    contextWindow: 200_000,
    maxOutput: 100_000,
    pricing: { input: 15, cachedInput: 7.5, output: 60 },
  },
  // GPT-4 and GPT-3.5
  {
    ...CHAT,
    match: "gpt-4.5",
    label: "GPT-4.5",
    family: "GPT-4.5",
    contextWindow: 128_000,
    maxOutput: 16_384,
    pricing: { input: 75, cachedInput: 37.5, output: 150 },
  },
  {
    ...LEGACY_CHAT,
    match: "gpt-4-turbo",
    label: "GPT-4 Turbo",
    family: "GPT-4",
    vision: true,
    contextWindow: 128_000,
    maxOutput: 4_096,
    pricing: { input: 10, output: 30 },
  },
  {
    ...LEGACY_CHAT,
    match: "gpt-4-32k",
    label: "GPT-4 32k",
    family: "GPT-4",
    contextWindow: 32_768,
    maxOutput: 8_192,
    pricing: { input: 60, output: 120 },
  },
  {
    ...LEGACY_CHAT,
    match: "gpt-4",
    label: "GPT-4",
    family: "GPT-4",
    contextWindow: 8_192,
    maxOutput: 8_192,
    pricing: { input: 30, output: 60 },
  },
  {
    ...COMPLETION,
    match: "gpt-3.5-turbo-instruct",
    label: "GPT-3.5 Turbo Instruct",
    family: "GPT-3.5",
    contextWindow: 4_096,
    maxOutput: 4_096,
    pricing: { input: 1.5, output: 2 },
  },
  {
    ...LEGACY_CHAT,
    match: "gpt-3.5-turbo",
    label: "GPT-3.5 Turbo",
    family: "GPT-3.5",
    contextWindow: 16_385,
    maxOutput: 4_096,
    pricing: { input: 0.5, output: 1.5 },
    fineTunable: true,
    fineTunedPricing: { input: 3, output: 6 },
    fineTuning: { methods: ["supervised"], trainingPrice: 8, trainingContextTokens: 16_385 },
  },
  {
    ...COMPLETION,
    match: "davinci-002",
    label: "davinci-002",
    family: "GPT base",
    contextWindow: 16_384,
    maxOutput: 16_384,
    pricing: { input: 2, output: 2 },
    fineTunable: true,
    fineTuning: { methods: ["supervised"], trainingPrice: 6, trainingContextTokens: 16_384 },
  },
  {
    ...COMPLETION,
    match: "babbage-002",
    label: "babbage-002",
    family: "GPT base",
    contextWindow: 16_384,
    maxOutput: 16_384,
    pricing: { input: 0.4, output: 0.4 },
    fineTunable: true,
    fineTuning: { methods: ["supervised"], trainingPrice: 0.4, trainingContextTokens: 16_384 },
  },
  // Open-weight
  {
    ...REASONING,
    match: "gpt-oss",
    label: "gpt-oss",
    family: "gpt-oss",
    encoding: "o200k_harmony",
    // Open weights, mostly served by compatible servers, which often refuse `developer`.
    instructionsRole: "system",
    contextWindow: 131_072,
    maxOutput: 131_072,
    pricing: null,
  },
  // Embeddings: 8,192 tokens an input; `dimensions` from text-embedding-3 on.
  {
    ...EMBEDDING,
    match: "text-embedding-3-small",
    label: "text-embedding-3-small",
    family: "Embeddings",
    contextWindow: 8_192,
    maxOutput: 0,
    pricing: { input: 0.02, output: 0 },
    embedding: { dimensions: 1_536, customDimensions: true },
  },
  {
    ...EMBEDDING,
    match: "text-embedding-3-large",
    label: "text-embedding-3-large",
    family: "Embeddings",
    contextWindow: 8_192,
    maxOutput: 0,
    pricing: { input: 0.13, output: 0 },
    embedding: { dimensions: 3_072, customDimensions: true },
  },
  {
    ...EMBEDDING,
    match: "text-embedding-ada-002",
    label: "text-embedding-ada-002",
    family: "Embeddings",
    contextWindow: 8_192,
    maxOutput: 0,
    pricing: { input: 0.1, output: 0 },
    embedding: { dimensions: 1_536, customDimensions: false },
  },
  // Moderation: omni takes text and images; the older text models text alone.
  {
    ...MODERATION,
    match: "omni-moderation",
    label: "omni-moderation",
    family: "Moderation",
    contextWindow: 0,
    maxOutput: 0,
    pricing: null,
    vision: true,
    moderation: { inputs: ["text", "image"] },
  },
  {
    ...MODERATION,
    match: "text-moderation",
    label: "text-moderation",
    family: "Moderation",
    contextWindow: 0,
    maxOutput: 0,
    pricing: null,
    moderation: { inputs: ["text"] },
  },
  // Images (§4 and §11.1 of the API notes). Shut-down models stay so old presets and usage still read.
  gptImage("gpt-image-2.6-flare", "GPT Image 2.6 Flare", GPT_IMAGE_26),
  gptImage("gpt-image-2.6-sunburst", "GPT Image 2.6 Sunburst", GPT_IMAGE_26),
  gptImage("gpt-image-2.5-flare", "GPT Image 2.5 Flare", GPT_IMAGE_25),
  gptImage("gpt-image-2.5-sunburst", "GPT Image 2.5 Sunburst", GPT_IMAGE_25),
  gptImage("gpt-image-2", "GPT Image 2", GPT_IMAGE_2),
  gptImage("gpt-image-1.5", "GPT Image 1.5", GPT_IMAGE, "2026-12-01"),
  gptImage("gpt-image-1-mini", "GPT Image 1 mini", { ...GPT_IMAGE, inputFidelity: false }, "2026-12-01"),
  gptImage("gpt-image-1", "GPT Image 1", GPT_IMAGE, "2026-10-23"),
  gptImage("chatgpt-image-latest", "ChatGPT Image", { ...GPT_IMAGE, endpoints: ["edits"] }, "2026-12-01"),
  {
    ...IMAGE,
    match: "dall-e-3",
    label: "DALL·E 3",
    family: "DALL·E",
    contextWindow: 0,
    maxOutput: 0,
    pricing: null,
    vision: false,
    shutdownDate: "2026-05-12",
    image: {
      endpoints: ["generations"],
      sizes: ["1024x1024", "1792x1024", "1024x1792"],
      qualities: ["standard", "hd"],
      backgrounds: [],
      formats: [],
      compression: false,
      maxN: 1,
      promptMaxChars: 4_000,
      inputFidelity: false,
      stream: false,
      partialImages: 0,
      maxInputs: 0,
      mask: null,
      styles: ["vivid", "natural"],
      moderation: false,
    },
  },
  {
    ...IMAGE,
    match: "dall-e-2",
    label: "DALL·E 2",
    family: "DALL·E",
    contextWindow: 0,
    maxOutput: 0,
    pricing: null,
    shutdownDate: "2026-05-12",
    image: {
      endpoints: ["generations", "edits", "variations"],
      sizes: ["256x256", "512x512", "1024x1024"],
      qualities: ["standard"],
      backgrounds: [],
      formats: [],
      compression: false,
      maxN: 10,
      promptMaxChars: 1_000,
      inputFidelity: false,
      stream: false,
      partialImages: 0,
      maxInputs: 1,
      input: { formats: ["png"], maxBytes: 4 * 1024 * 1024, square: true },
      mask: "exact",
      styles: [],
      moderation: false,
    },
  },
  // Retired models, for the tokenizer's sake.
  {
    ...COMPLETION,
    ...RETIRED,
    match: "text-davinci-edit",
    label: "text-davinci-edit (retired)",
    encoding: "p50k_edit",
    contextWindow: 2_049,
    maxOutput: 2_049,
  },
  {
    ...COMPLETION,
    ...RETIRED,
    match: "code-davinci-edit",
    label: "code-davinci-edit (retired)",
    encoding: "p50k_edit",
    contextWindow: 2_049,
    maxOutput: 2_049,
  },
  {
    ...COMPLETION,
    ...RETIRED,
    match: "text-davinci-002",
    label: "text-davinci-002 (retired)",
    encoding: "p50k_base",
    contextWindow: 4_097,
    maxOutput: 4_097,
  },
  {
    ...COMPLETION,
    ...RETIRED,
    match: "text-davinci-003",
    label: "text-davinci-003 (retired)",
    encoding: "p50k_base",
    contextWindow: 4_097,
    maxOutput: 4_097,
  },
  {
    ...COMPLETION,
    ...RETIRED,
    match: "code-davinci",
    label: "code-davinci (retired)",
    encoding: "p50k_base",
    contextWindow: 8_001,
    maxOutput: 8_001,
  },
  {
    ...COMPLETION,
    ...RETIRED,
    match: "code-cushman",
    label: "code-cushman (retired)",
    encoding: "p50k_base",
    contextWindow: 2_048,
    maxOutput: 2_048,
  },
  {
    ...COMPLETION,
    ...RETIRED,
    match: "text-",
    label: "GPT-3 text model (retired)",
    encoding: "r50k_base",
    contextWindow: 2_049,
    maxOutput: 2_049,
  },
  ...["davinci", "curie", "babbage", "ada"].map(
    (id): ModelEntry => ({
      ...COMPLETION,
      ...RETIRED,
      match: id,
      exact: true,
      label: `${id} (retired)`,
      encoding: "r50k_base",
      contextWindow: 2_049,
      maxOutput: 2_049,
    }),
  ),
];

/** For models the catalogue does not know: generous limits, every control offered, no price. */
/**
 * A fine-tunable base the catalogue has no `fineTuning` for (a compatible server, an admin override):
 * any method, no price, and the one published per-example limit (gpt-3.5-turbo-0125's, §7.4).
 */
export const DEFAULT_FINE_TUNING: FineTuningSpec = {
  methods: ["supervised", "dpo", "reinforcement"],
  trainingPrice: null,
  trainingContextTokens: 16_385,
};

export const DEFAULT_MODEL: Omit<ModelEntry, "match" | "label"> = {
  ...CHAT,
  family: "Other models",
  contextWindow: 128_000,
  maxOutput: 16_384,
  pricing: null,
};

export interface ResolvedModel {
  /** The catalogue entry's `match`, or the model id for an unknown model. */
  id: string;
  /** The id asked about. */
  model: string;
  /** Which catalogue entry answered, "override" for a model only an admin override knows, or null. */
  matched: string | null;
  label: string;
  family: string;
  kind: ModelKind;
  contextWindow: number;
  maxOutput: number;
  /** The price this model is billed at (a fine-tune's when it is one). */
  pricing: Pricing | null;
  fineTunedPricing?: Pricing;
  fineTuned: boolean;
  fineTunable: boolean;
  /** What a new job on this base accepts and costs; null when it is not fine-tunable. */
  fineTuning: FineTuningSpec | null;
  capabilities: Capabilities;
  tools: ToolsByApi;
  encoding: Encoding;
  /** The upstream's `shutdown_date` when it lists the model, else the catalogue's (`YYYY-MM-DD`). */
  shutdownDate: string | null;
  /** The role of Chat's instructions message when the playground's switch is on auto. */
  instructionsRole: InstructionRole;
  image: ImageSpec | null;
  embedding: EmbeddingSpec | null;
  moderation: ModerationSpec | null;
}

/** `ft:gpt-4o-mini-2024-07-18:org:suffix:id` → `gpt-4o-mini-2024-07-18`; legacy `curie:ft-…` → `curie`. */
export function baseOfFineTune(model: string): string | null {
  if (model.startsWith("ft:")) return model.slice(3).split(":")[0] || null;
  const legacy = /^([a-z0-9.-]+):ft-/.exec(model);
  return legacy?.[1] ?? null;
}

/** Whether `key` names `id` or a family of it: `gpt-4o` covers `gpt-4o-2024-08-06` but not `gpt-4omni`. */
function coversId(key: string, id: string): boolean {
  if (!id.startsWith(key)) return false;
  const next = id.charAt(key.length);
  return next === "" || key.endsWith("-") || "-.:_@".includes(next);
}

/** The entry for an id: an exact match, else the longest family prefix. */
export function findEntry(id: string): ModelEntry | undefined {
  const lower = id.toLowerCase();
  let best: ModelEntry | undefined;
  for (const m of CATALOGUE) {
    if (m.match === lower) return m;
    if (!m.exact && coversId(m.match, lower) && (!best || m.match.length > best.match.length)) best = m;
  }
  return best;
}

function capabilitiesOf(m: Omit<ModelEntry, "match" | "label">): Capabilities {
  return {
    apis: m.apis,
    tools: m.tools.responses.length > 0 || m.tools.chat.length > 0,
    vision: m.vision,
    reasoning: m.kind === "reasoning",
    ...m.params,
  };
}

export function resolveModel(model: string, upstream?: { shutdown_date?: string | null }): ResolvedModel {
  const base = baseOfFineTune(model);
  const found = findEntry(base ?? model);
  const entry = found ?? { ...DEFAULT_MODEL, match: model, label: model };
  const fineTuned = Boolean(base);
  const pricing = fineTuned && found ? (found.fineTunedPricing ?? found.pricing) : entry.pricing;
  return {
    id: entry.match,
    model,
    matched: found?.match ?? null,
    label: fineTuned && found ? `${found.label} (fine-tuned)` : entry.label,
    family: entry.family,
    kind: entry.kind,
    contextWindow: entry.contextWindow,
    maxOutput: entry.maxOutput,
    pricing,
    ...(entry.fineTunedPricing ? { fineTunedPricing: entry.fineTunedPricing } : {}),
    fineTuned,
    fineTunable: entry.fineTunable === true && !fineTuned,
    fineTuning: entry.fineTunable === true && !fineTuned ? (entry.fineTuning ?? DEFAULT_FINE_TUNING) : null,
    capabilities: capabilitiesOf(entry),
    tools: entry.tools,
    encoding: entry.encoding,
    shutdownDate:
      upstream?.shutdown_date !== undefined ? upstream.shutdown_date : (entry.shutdownDate ?? null),
    instructionsRole: entry.instructionsRole ?? "system",
    image: entry.image ?? null,
    embedding: entry.embedding ?? null,
    moderation: entry.moderation ?? null,
  };
}

export function encodingFor(model: string): Encoding {
  return resolveModel(model).encoding;
}

/** USD for a usage, from the model's price; null when the model has no known price. */
export function costOf(
  model: ResolvedModel,
  usage: { input: number; cached?: number; output: number },
): number | null {
  const p = model.pricing;
  if (!p) return null;
  const cached = Math.min(usage.cached ?? 0, usage.input);
  const uncached = usage.input - cached;
  const inputCost = uncached * p.input + cached * (p.cachedInput ?? p.input);
  return (inputCost + usage.output * p.output) / 1_000_000;
}

/** Whether an image model takes `size`: one of its fixed sizes, or a WxH inside its custom-size rule. */
export function imageSizeAllowed(image: ImageSpec, size: string): boolean {
  if (image.sizes.includes(size)) return true;
  const rule = image.customSizes;
  const m = /^(\d+)x(\d+)$/.exec(size);
  if (!rule || !m) return false;
  const [w, h] = [Number(m[1]), Number(m[2])];
  return (
    w > 0 &&
    h > 0 &&
    w % rule.multipleOf === 0 &&
    h % rule.multipleOf === 0 &&
    Math.max(w, h) / Math.min(w, h) <= rule.maxAspect &&
    Math.max(w, h) <= rule.maxEdge &&
    w * h <= rule.maxPixels
  );
}

/** The admin override for a model: the longest key that names it or its family. */
export function overrideFor(model: string, overrides: ModelOverrides): ModelOverride | null {
  const id = model.toLowerCase();
  let best: string | null = null;
  for (const key of Object.keys(overrides)) {
    const k = key.toLowerCase();
    if (coversId(k, id) && (best === null || k.length > best.length)) best = key;
  }
  return best === null ? null : (overrides[best] ?? null);
}

export function applyOverrides(resolved: ResolvedModel, overrides: ModelOverrides): ResolvedModel {
  const o = overrideFor(resolved.model, overrides);
  if (!o) return resolved;
  return {
    ...resolved,
    ...(o.label ? { label: o.label } : {}),
    ...(o.family ? { family: o.family } : {}),
    ...(o.contextWindow ? { contextWindow: o.contextWindow } : {}),
    ...(o.maxOutput ? { maxOutput: o.maxOutput } : {}),
    ...(o.pricing !== undefined ? { pricing: o.pricing } : {}),
    ...(o.encoding ? { encoding: o.encoding } : {}),
    ...(o.fineTunable !== undefined
      ? {
          fineTunable: o.fineTunable,
          fineTuning:
            o.fineTunable && !resolved.fineTuned ? (resolved.fineTuning ?? DEFAULT_FINE_TUNING) : null,
        }
      : {}),
    ...(o.image ? { image: o.image } : {}),
    ...(o.instructionsRole ? { instructionsRole: o.instructionsRole } : {}),
    capabilities: { ...resolved.capabilities, ...o.capabilities },
    matched: resolved.matched ?? "override",
  };
}
