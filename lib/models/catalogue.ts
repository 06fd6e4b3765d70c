/**
 * What the console knows about models that `GET /models` does not say: context window, output cap,
 * prices, capabilities and tokenizer encoding. Shared by the playground, the tokenizer and usage.
 *
 * Prices are USD per 1M tokens, list prices as of PRICES_AS_OF; admins can override them in settings
 * (a later issue). Entries match a model id exactly or by prefix, so dated snapshots
 * (`gpt-4o-2024-08-06`) and fine-tunes (`ft:gpt-4o-mini-2024-07-18:org::id`) find their family.
 * Unknown models (other providers, new releases) still work with DEFAULT_MODEL.
 * To add a model: add a row; keep more specific prefixes before shorter ones of the same family.
 */

export const PRICES_AS_OF = "2026-11-01";

export type Encoding =
  | "o200k_base"
  | "cl100k_base"
  | "p50k_base"
  | "p50k_edit"
  | "r50k_base"
  | "o200k_harmony";

export type Api = "responses" | "chat" | "completions" | "embeddings";

export interface Pricing {
  input: number;
  cachedInput?: number;
  output: number;
}

export interface Capabilities {
  apis: Api[];
  tools: boolean;
  vision: boolean;
  reasoning: boolean;
  structuredOutputs: boolean;
  logprobs: boolean;
  /** Sampling controls (temperature, top_p, penalties); reasoning models refuse them. */
  sampling: boolean;
}

export interface ModelSpec {
  /** An exact id, or a family prefix when `prefix` is set. */
  id: string;
  prefix?: boolean;
  label: string;
  contextWindow: number;
  maxOutput: number;
  pricing: Pricing | null;
  /** Fine-tuned models of this base are billed at these rates. */
  fineTunedPricing?: Pricing;
  capabilities: Capabilities;
  encoding: Encoding;
}

const CHAT: Capabilities = {
  apis: ["responses", "chat"],
  tools: true,
  vision: true,
  reasoning: false,
  structuredOutputs: true,
  logprobs: true,
  sampling: true,
};
const REASONING: Capabilities = { ...CHAT, reasoning: true, logprobs: false, sampling: false };
const LEGACY_CHAT: Capabilities = { ...CHAT, vision: false, structuredOutputs: false };
const TEXT_COMPLETION: Capabilities = {
  apis: ["completions"],
  tools: false,
  vision: false,
  reasoning: false,
  structuredOutputs: false,
  logprobs: true,
  sampling: true,
};
const EMBEDDING: Capabilities = {
  apis: ["embeddings"],
  tools: false,
  vision: false,
  reasoning: false,
  structuredOutputs: false,
  logprobs: false,
  sampling: false,
};

const spec = (
  id: string,
  label: string,
  contextWindow: number,
  maxOutput: number,
  pricing: Pricing | null,
  capabilities: Capabilities,
  encoding: Encoding = "o200k_base",
  extra: Partial<ModelSpec> = {},
): ModelSpec => ({
  id,
  prefix: true,
  label,
  contextWindow,
  maxOutput,
  pricing,
  capabilities,
  encoding,
  ...extra,
});

export const CATALOGUE: ModelSpec[] = [
  spec(
    "gpt-5-nano",
    "GPT-5 nano",
    400_000,
    128_000,
    { input: 0.05, cachedInput: 0.005, output: 0.4 },
    REASONING,
  ),
  spec(
    "gpt-5-mini",
    "GPT-5 mini",
    400_000,
    128_000,
    { input: 0.25, cachedInput: 0.025, output: 2 },
    REASONING,
  ),
  spec(
    "gpt-5-pro",
    "GPT-5 pro",
    400_000,
    272_000,
    { input: 15, output: 120 },
    { ...REASONING, apis: ["responses"] },
  ),
  spec("gpt-5-chat", "GPT-5 chat", 128_000, 16_384, { input: 1.25, cachedInput: 0.125, output: 10 }, CHAT),
  spec("gpt-5", "GPT-5", 400_000, 128_000, { input: 1.25, cachedInput: 0.125, output: 10 }, REASONING),
  spec(
    "gpt-4.1-nano",
    "GPT-4.1 nano",
    1_047_576,
    32_768,
    { input: 0.1, cachedInput: 0.025, output: 0.4 },
    CHAT,
    "o200k_base",
    {
      fineTunedPricing: { input: 0.2, cachedInput: 0.05, output: 0.8 },
    },
  ),
  spec(
    "gpt-4.1-mini",
    "GPT-4.1 mini",
    1_047_576,
    32_768,
    { input: 0.4, cachedInput: 0.1, output: 1.6 },
    CHAT,
    "o200k_base",
    {
      fineTunedPricing: { input: 0.8, cachedInput: 0.2, output: 3.2 },
    },
  ),
  spec(
    "gpt-4.1",
    "GPT-4.1",
    1_047_576,
    32_768,
    { input: 2, cachedInput: 0.5, output: 8 },
    CHAT,
    "o200k_base",
    {
      fineTunedPricing: { input: 3, cachedInput: 0.75, output: 12 },
    },
  ),
  spec(
    "gpt-4o-mini",
    "GPT-4o mini",
    128_000,
    16_384,
    { input: 0.15, cachedInput: 0.075, output: 0.6 },
    CHAT,
    "o200k_base",
    {
      fineTunedPricing: { input: 0.3, cachedInput: 0.15, output: 1.2 },
    },
  ),
  spec("gpt-4o-2024-05-13", "GPT-4o (2024-05-13)", 128_000, 4_096, { input: 5, output: 15 }, CHAT),
  spec(
    "gpt-4o",
    "GPT-4o",
    128_000,
    16_384,
    { input: 2.5, cachedInput: 1.25, output: 10 },
    CHAT,
    "o200k_base",
    {
      fineTunedPricing: { input: 3.75, cachedInput: 1.875, output: 15 },
    },
  ),
  spec("chatgpt-4o", "ChatGPT-4o", 128_000, 16_384, { input: 5, output: 15 }, { ...CHAT, tools: false }),
  spec("o4-mini", "o4-mini", 200_000, 100_000, { input: 1.1, cachedInput: 0.275, output: 4.4 }, REASONING),
  spec(
    "o3-pro",
    "o3-pro",
    200_000,
    100_000,
    { input: 20, output: 80 },
    { ...REASONING, apis: ["responses"] },
  ),
  spec(
    "o3-mini",
    "o3-mini",
    200_000,
    100_000,
    { input: 1.1, cachedInput: 0.55, output: 4.4 },
    { ...REASONING, vision: false },
  ),
  spec("o3", "o3", 200_000, 100_000, { input: 2, cachedInput: 0.5, output: 8 }, REASONING),
  spec(
    "o1-pro",
    "o1-pro",
    200_000,
    100_000,
    { input: 150, output: 600 },
    { ...REASONING, apis: ["responses"] },
  ),
  spec(
    "o1-mini",
    "o1-mini",
    128_000,
    65_536,
    { input: 1.1, cachedInput: 0.55, output: 4.4 },
    { ...REASONING, tools: false, vision: false, structuredOutputs: false },
  ),
  spec("o1", "o1", 200_000, 100_000, { input: 15, cachedInput: 7.5, output: 60 }, REASONING),
  spec("gpt-4.5", "GPT-4.5", 128_000, 16_384, { input: 75, cachedInput: 37.5, output: 150 }, CHAT),
  spec(
    "gpt-4-turbo",
    "GPT-4 Turbo",
    128_000,
    4_096,
    { input: 10, output: 30 },
    { ...LEGACY_CHAT, vision: true },
    "cl100k_base",
  ),
  spec("gpt-4-32k", "GPT-4 32k", 32_768, 8_192, { input: 60, output: 120 }, LEGACY_CHAT, "cl100k_base"),
  spec("gpt-4", "GPT-4", 8_192, 8_192, { input: 30, output: 60 }, LEGACY_CHAT, "cl100k_base"),
  spec(
    "gpt-3.5-turbo-instruct",
    "GPT-3.5 Turbo Instruct",
    4_096,
    4_096,
    { input: 1.5, output: 2 },
    TEXT_COMPLETION,
    "cl100k_base",
  ),
  spec(
    "gpt-3.5-turbo",
    "GPT-3.5 Turbo",
    16_385,
    4_096,
    { input: 0.5, output: 1.5 },
    LEGACY_CHAT,
    "cl100k_base",
    {
      fineTunedPricing: { input: 3, output: 6 },
    },
  ),
  spec("davinci-002", "davinci-002", 16_384, 16_384, { input: 2, output: 2 }, TEXT_COMPLETION, "cl100k_base"),
  spec(
    "babbage-002",
    "babbage-002",
    16_384,
    16_384,
    { input: 0.4, output: 0.4 },
    TEXT_COMPLETION,
    "cl100k_base",
  ),
  spec(
    "text-embedding-3-small",
    "text-embedding-3-small",
    8_192,
    0,
    { input: 0.02, output: 0 },
    EMBEDDING,
    "cl100k_base",
  ),
  spec(
    "text-embedding-3-large",
    "text-embedding-3-large",
    8_192,
    0,
    { input: 0.13, output: 0 },
    EMBEDDING,
    "cl100k_base",
  ),
  spec(
    "text-embedding-ada-002",
    "text-embedding-ada-002",
    8_192,
    0,
    { input: 0.1, output: 0 },
    EMBEDDING,
    "cl100k_base",
  ),
  spec("gpt-oss", "gpt-oss", 131_072, 131_072, null, REASONING, "o200k_harmony"),
  spec("text-davinci-edit", "text-davinci-edit (retired)", 2_049, 2_049, null, TEXT_COMPLETION, "p50k_edit"),
  spec("code-davinci-edit", "code-davinci-edit (retired)", 2_049, 2_049, null, TEXT_COMPLETION, "p50k_edit"),
  spec("text-davinci-002", "text-davinci-002 (retired)", 4_097, 4_097, null, TEXT_COMPLETION, "p50k_base"),
  spec("text-davinci-003", "text-davinci-003 (retired)", 4_097, 4_097, null, TEXT_COMPLETION, "p50k_base"),
  spec("code-davinci", "code-davinci (retired)", 8_001, 8_001, null, TEXT_COMPLETION, "p50k_base"),
  spec("code-cushman", "code-cushman (retired)", 2_048, 2_048, null, TEXT_COMPLETION, "p50k_base"),
  spec("text-", "GPT-3 text model (retired)", 2_049, 2_049, null, TEXT_COMPLETION, "r50k_base"),
  ...["davinci", "curie", "babbage", "ada"].map((id) =>
    spec(id, `${id} (retired)`, 2_049, 2_049, null, TEXT_COMPLETION, "r50k_base", { prefix: false }),
  ),
];

/** For models the catalogue does not know: generous limits, every control offered, no price. */
export const DEFAULT_MODEL: Omit<ModelSpec, "id" | "label"> = {
  contextWindow: 128_000,
  maxOutput: 16_384,
  pricing: null,
  capabilities: CHAT,
  encoding: "o200k_base",
};

export interface ResolvedModel extends ModelSpec {
  /** The id asked about. */
  model: string;
  /** Which catalogue entry answered, or null for an unknown model. */
  matched: string | null;
  fineTuned: boolean;
  /** From the upstream's model list (`YYYY-MM-DD`), when known. */
  shutdownDate: string | null;
}

/** `ft:gpt-4o-mini-2024-07-18:org:suffix:id` → `gpt-4o-mini-2024-07-18`; legacy `curie:ft-…` → `curie`. */
export function baseOfFineTune(model: string): string | null {
  if (model.startsWith("ft:")) return model.slice(3).split(":")[0] || null;
  const legacy = /^([a-z0-9.-]+):ft-/.exec(model);
  return legacy?.[1] ?? null;
}

/** A prefix matches at a boundary: `gpt-4o` covers `gpt-4o-2024-08-06` but not `gpt-4omni`. */
function prefixMatches(m: ModelSpec, id: string): boolean {
  if (m.prefix === false || !id.startsWith(m.id)) return false;
  const next = id.charAt(m.id.length);
  return next === "" || m.id.endsWith("-") || "-.:_@".includes(next);
}

function match(id: string): ModelSpec | undefined {
  const lower = id.toLowerCase();
  return CATALOGUE.find((m) => m.id === lower) ?? CATALOGUE.find((m) => prefixMatches(m, lower));
}

export function resolveModel(model: string, upstream?: { shutdown_date?: string | null }): ResolvedModel {
  const base = baseOfFineTune(model);
  const found = match(base ?? model);
  const shutdownDate = upstream?.shutdown_date ?? null;
  if (!found) {
    return {
      ...DEFAULT_MODEL,
      id: model,
      label: model,
      model,
      matched: null,
      fineTuned: Boolean(base),
      shutdownDate,
    };
  }
  const pricing = base ? (found.fineTunedPricing ?? found.pricing) : found.pricing;
  return {
    ...found,
    pricing,
    label: base ? `${found.label} (fine-tuned)` : found.label,
    model,
    matched: found.id,
    fineTuned: Boolean(base),
    shutdownDate,
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

/**
 * Admin corrections to the catalogue, kept in settings: new models, changed prices or limits, a
 * capability a server does or does not have. Keys are a model id or a family prefix (the longest
 * matching key wins); each field replaces the catalogue's.
 */
export interface ModelOverride {
  label?: string;
  contextWindow?: number;
  maxOutput?: number;
  pricing?: Pricing | null;
  capabilities?: Partial<Capabilities>;
  encoding?: Encoding;
}
export type ModelOverrides = Record<string, ModelOverride>;

export function overrideFor(model: string, overrides: ModelOverrides): ModelOverride | null {
  const id = model.toLowerCase();
  let best: string | null = null;
  for (const key of Object.keys(overrides)) {
    const k = key.toLowerCase();
    const boundary = id.length === k.length || k.endsWith("-") || "-.:_@".includes(id.charAt(k.length));
    if (id.startsWith(k) && boundary && (best === null || k.length > best.length)) best = key;
  }
  return best === null ? null : (overrides[best] ?? null);
}

export function applyOverrides(resolved: ResolvedModel, overrides: ModelOverrides): ResolvedModel {
  const o = overrideFor(resolved.model, overrides);
  if (!o) return resolved;
  return {
    ...resolved,
    ...(o.label ? { label: o.label } : {}),
    ...(o.contextWindow ? { contextWindow: o.contextWindow } : {}),
    ...(o.maxOutput ? { maxOutput: o.maxOutput } : {}),
    ...(o.pricing !== undefined ? { pricing: o.pricing } : {}),
    ...(o.encoding ? { encoding: o.encoding } : {}),
    capabilities: { ...resolved.capabilities, ...o.capabilities },
    matched: resolved.matched ?? "override",
  };
}
