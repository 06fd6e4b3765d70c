import { z } from "zod";
import {
  APIS,
  ENCODINGS,
  IMAGE_BACKGROUNDS,
  IMAGE_ENDPOINTS,
  IMAGE_FORMATS,
  IMAGE_QUALITIES,
  IMAGE_STYLES,
  INSTRUCTION_ROLES,
  MODEL_KINDS,
  TOOL_TYPES,
} from "@/lib/openai-facts";

/**
 * The shape of a model catalogue entry and of an admin's correction to one. The catalogue
 * (lib/models/catalogue.ts) imports only the types from here, so the browser never loads zod for
 * it; the unit tests parse every entry, and the settings route parses overrides. Fields are
 * described in docs/model-catalogue.md.
 */

const tokens = z.number().int().nonnegative();
const positiveInt = z.number().int().positive();
const price = z.number().nonnegative();
const sizePattern = /^(auto|\d{2,5}x\d{2,5})$/;

/** USD per 1M tokens. */
export const pricingSchema = z
  .object({ input: price, cachedInput: price.optional(), output: price })
  .strict();
export type Pricing = z.infer<typeof pricingSchema>;

/** The switches the playground reads; what an admin override may correct one by one. */
export const capabilitiesSchema = z
  .object({
    apis: z.array(z.enum(APIS)),
    tools: z.boolean(),
    vision: z.boolean(),
    reasoning: z.boolean(),
    structuredOutputs: z.boolean(),
    logprobs: z.boolean(),
    /** Sampling controls (temperature, top_p, penalties); reasoning models refuse them. */
    sampling: z.boolean(),
    /** Sampling only with reasoning effort `none` (GPT-6: with any other effort, omit temperature and top_p). */
    samplingRequiresEffortNone: z.boolean().optional(),
  })
  .strict();
export type Capabilities = z.infer<typeof capabilitiesSchema>;

/** Which tool types the model takes on each API; empty lists mean no tools there. */
export const toolsByApiSchema = z
  .object({ responses: z.array(z.enum(TOOL_TYPES)), chat: z.array(z.enum(TOOL_TYPES)) })
  .strict();
export type ToolsByApi = z.infer<typeof toolsByApiSchema>;

/** Any `WxH` inside these rules is a valid size, besides the fixed `sizes`. */
export const customSizeSchema = z
  .object({
    multipleOf: positiveInt,
    /** Longest side over shortest side, at most. */
    maxAspect: z.number().min(1),
    maxEdge: positiveInt,
    maxPixels: positiveInt,
    /** Sizes with more pixels than this work but are experimental. */
    experimentalAbovePixels: positiveInt.optional(),
  })
  .strict();

export const imageSpecSchema = z
  .object({
    endpoints: z.array(z.enum(IMAGE_ENDPOINTS)).min(1),
    sizes: z.array(z.string().regex(sizePattern)).min(1),
    customSizes: customSizeSchema.optional(),
    qualities: z.array(z.enum(IMAGE_QUALITIES)).min(1),
    /** Empty: the model takes no `background`. */
    backgrounds: z.array(z.enum(IMAGE_BACKGROUNDS)),
    /** `output_format` values; empty for DALL·E, which answers with `response_format` url or b64_json. */
    formats: z.array(z.enum(IMAGE_FORMATS)),
    /** `output_compression` 0–100 for jpeg and webp. */
    compression: z.boolean(),
    /** Most images per request (`n`). */
    maxN: positiveInt,
    promptMaxChars: positiveInt,
    /** `input_fidelity` on edits. */
    inputFidelity: z.boolean(),
    stream: z.boolean(),
    /** Most `partial_images` when streaming (0–3). */
    partialImages: z.number().int().min(0).max(3),
    /** Most input images an edit takes; 0 without edits. */
    maxInputs: tokens,
    /** What each edit input may be; absent: PNG, JPEG or WEBP under 50 MB (the GPT-image rule). */
    input: z
      .object({
        formats: z.array(z.enum(["png", "jpeg", "webp"])).min(1),
        maxBytes: positiveInt,
        /** Only square images (DALL·E 2). */
        square: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** `exact`: a hard alpha boundary (DALL·E 2); `guided`: the model may change pixels outside it. */
    mask: z.enum(["exact", "guided"]).nullable(),
    styles: z.array(z.enum(IMAGE_STYLES)),
    /** `moderation: auto | low`. */
    moderation: z.boolean(),
    /** gpt-image-2.6: `complexity`, a markup overlay that guides an edit, and animated GIF output. */
    complexity: z.boolean().optional(),
    markup: z.boolean().optional(),
    gif: z
      .object({
        frameCount: z.object({ min: positiveInt, max: positiveInt, default: positiveInt }).strict(),
        frameDurationMs: z.object({ min: positiveInt, default: positiveInt }).strict(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ImageSpec = z.infer<typeof imageSpecSchema>;

export const embeddingSpecSchema = z
  .object({
    dimensions: positiveInt,
    /** Takes `dimensions` to shorten its vectors (text-embedding-3 and later). */
    customDimensions: z.boolean(),
  })
  .strict();
export type EmbeddingSpec = z.infer<typeof embeddingSpecSchema>;

export const moderationSpecSchema = z.object({ inputs: z.array(z.enum(["text", "image"])).min(1) }).strict();
export type ModerationSpec = z.infer<typeof moderationSpecSchema>;

export const FINE_TUNING_METHODS = ["supervised", "dpo", "reinforcement"] as const;

/** What a fine-tuning job on this base accepts and costs (reference notes §7.2–7.4). */
export const fineTuningSpecSchema = z
  .object({
    methods: z.array(z.enum(FINE_TUNING_METHODS)).min(1),
    /** USD per 1M trained tokens; null when training is not billed per token (reinforcement: per hour). */
    trainingPrice: price.nullable(),
    /** Tokens one training example may have; longer ones are truncated from the end. */
    trainingContextTokens: positiveInt,
  })
  .strict();
export type FineTuningSpec = z.infer<typeof fineTuningSpecSchema>;

const TEXT_KINDS = new Set(["chat", "reasoning", "completion"]);

export const modelEntrySchema = z
  .object({
    /** A model id, or a family prefix matched at a boundary (`-`, `.`, `:`, `_`, `@`). Lower case. */
    match: z.string().regex(/^[a-z0-9][a-z0-9.:_@-]*$/, "Lower-case model ids only."),
    /** Only this exact id, not its dated snapshots. */
    exact: z.boolean().optional(),
    label: z.string().min(1).max(120),
    /** The picker's group, e.g. "GPT-4o" or "GPT Image". */
    family: z.string().min(1).max(60),
    kind: z.enum(MODEL_KINDS),
    apis: z.array(z.enum(APIS)).min(1),
    /** The tokenizer encoding of its text. */
    encoding: z.enum(ENCODINGS),
    /** Tokens in and out; 0 where the model has no token window (images, moderation). */
    contextWindow: tokens,
    maxOutput: tokens,
    /** USD per 1M tokens; null when not known. */
    pricing: pricingSchema.nullable(),
    /** Fine-tuned models of this base are billed at these rates. */
    fineTunedPricing: pricingSchema.optional(),
    /** New fine-tuning jobs can start from it. */
    fineTunable: z.boolean().optional(),
    /** Methods, training price and per-example limit for new jobs; absent = `DEFAULT_FINE_TUNING`. */
    fineTuning: fineTuningSpecSchema.optional(),
    /** Takes images as input. */
    vision: z.boolean(),
    params: z
      .object({
        sampling: z.boolean(),
        logprobs: z.boolean(),
        structuredOutputs: z.boolean(),
        samplingRequiresEffortNone: z.boolean().optional(),
      })
      .strict(),
    tools: toolsByApiSchema,
    /** The role of Chat's system text when the playground leaves it on auto; chat and reasoning models only. */
    instructionsRole: z.enum(INSTRUCTION_ROLES).optional(),
    /** When OpenAI turns it off (YYYY-MM-DD); the upstream's own `shutdown_date` wins. */
    shutdownDate: z.iso.date().optional(),
    image: imageSpecSchema.optional(),
    embedding: embeddingSpecSchema.optional(),
    moderation: moderationSpecSchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", message });
    if (TEXT_KINDS.has(m.kind) && m.contextWindow === 0) fail("A text model needs a context window.");
    if (m.contextWindow > 0 && m.maxOutput > m.contextWindow) fail("maxOutput exceeds the context window.");
    if ((m.kind === "chat" || m.kind === "reasoning") !== Boolean(m.instructionsRole))
      fail("Chat and reasoning models, and only they, have `instructionsRole`.");
    if ((m.kind === "image") !== Boolean(m.image)) fail("Image models, and only they, have `image`.");
    if ((m.kind === "embedding") !== Boolean(m.embedding))
      fail("Embedding models, and only they, have `embedding`.");
    if ((m.kind === "moderation") !== Boolean(m.moderation))
      fail("Moderation models, and only they, have `moderation`.");
  });
export type ModelEntry = z.infer<typeof modelEntrySchema>;

/**
 * An admin's correction, kept in settings under a model id or family prefix (the longest matching
 * key wins); each field given replaces the catalogue's. Stored overrides predate `family`,
 * `fineTunable` and `image`, so every field stays optional.
 */
export const modelOverrideSchema = z
  .object({
    label: z.string().max(120).optional(),
    family: z.string().max(60).optional(),
    contextWindow: positiveInt.optional(),
    maxOutput: positiveInt.optional(),
    pricing: pricingSchema.nullable().optional(),
    capabilities: capabilitiesSchema.partial().optional(),
    encoding: z.enum(ENCODINGS).optional(),
    fineTunable: z.boolean().optional(),
    image: imageSpecSchema.optional(),
    instructionsRole: z.enum(INSTRUCTION_ROLES).optional(),
  })
  .strict();
export type ModelOverride = z.infer<typeof modelOverrideSchema>;

export const modelOverridesSchema = z
  .record(z.string().trim().min(1, "Model ids cannot be empty.").max(200), modelOverrideSchema)
  .refine((v) => Object.keys(v).length <= 500, "At most 500 overrides.");
export type ModelOverrides = z.infer<typeof modelOverridesSchema>;
