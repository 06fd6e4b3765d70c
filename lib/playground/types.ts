import * as z from "zod/mini";
import {
  IMAGE_DETAILS,
  INSTRUCTION_ROLES,
  MESSAGE_ROLES,
  METADATA_LIMITS,
  REASONING_EFFORTS,
  REASONING_SUMMARIES,
  SEARCH_CONTEXT_SIZES,
  SERVICE_TIERS,
  STOP_MAX,
  TOOL_CHOICES,
  VERBOSITIES,
  WIRE_APIS,
} from "@/lib/openai-facts";

/**
 * The playground's setup: everything that decides the request, kept as plain JSON so it can be
 * persisted as a draft, saved as a preset, frozen in a share snapshot and turned into code.
 * Free-text fields that must be JSON (schemas, logit_bias) stay text here so a half-typed value is
 * never lost; they are parsed and validated when the request is built.
 *
 * One zod schema per piece, and the types inferred from them: the draft in localStorage, presets,
 * share snapshots (lib/playground/snapshot.ts) and the server all check the same shape, so nothing
 * stored or shared can hold a value the playground cannot render. Bounds are generous (what the UI
 * can produce, and more); they exist so a crafted snapshot cannot make the page render millions of
 * rows. Enum values and API limits come from lib/openai-facts.ts.
 */

export const MAX_MESSAGES = 1000;
export const MAX_IMAGES_PER_MESSAGE = 100;
export const MAX_TOOLS = 128;
export const MAX_COLUMNS = 4;

export const wireApiSchema = z.enum(WIRE_APIS);
export type WireApi = z.infer<typeof wireApiSchema>;

export const roleSchema = z.enum(MESSAGE_ROLES);
export type Role = z.infer<typeof roleSchema>;

export const imageDetailSchema = z.enum(IMAGE_DETAILS);
export type ImageDetail = z.infer<typeof imageDetailSchema>;

/** A data: URL of a type the API takes: the only kind of image a share shows without asking. */
export function isInlineImage(url: string): boolean {
  return /^data:image\/(png|jpeg|webp|gif);base64,/.test(url);
}

export function isRemoteImage(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** An https URL or a data: URL. */
const imageUrlSchema = z.string().check(
  z.refine((u) => isInlineImage(u) || isRemoteImage(u), {
    message: "Expected a data:image URL or an http(s) URL.",
  }),
);

export const imageInputSchema = z.object({
  id: z.string(),
  url: imageUrlSchema,
  detail: imageDetailSchema,
  name: z.optional(z.string()),
});
export type ImageInput = z.infer<typeof imageInputSchema>;

/**
 * An image a share did not keep: its remote URL as text, never loaded by the viewer's browser
 * unless they choose to open it or add it back.
 */
export const omittedImageSchema = z.object({
  url: z.string(),
  detail: imageDetailSchema,
  name: z.optional(z.string()),
});
export type OmittedImage = z.infer<typeof omittedImageSchema>;

export const toolCallSchema = z.object({
  /** The call id the model gave (`call_…`), used to match its output. */
  id: z.string(),
  name: z.string(),
  /** Arguments as the model produced them: JSON text, possibly invalid. */
  arguments: z.string(),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

export const tokenLogprobSchema = z.object({
  token: z.string(),
  logprob: z.number(),
  top: z.array(z.object({ token: z.string(), logprob: z.number() })).check(z.maxLength(100)),
});
export type TokenLogprob = z.infer<typeof tokenLogprobSchema>;

/** One output of a run (a choice), as the run panel and a share show it. */
export const choiceSchema = z.object({
  index: z.number(),
  text: z.string(),
  refusal: z.string(),
  reasoning: z.string(),
  toolCalls: z.array(toolCallSchema).check(z.maxLength(MAX_TOOLS)),
  logprobs: z.array(tokenLogprobSchema).check(z.maxLength(100_000)),
  /** Chat `finish_reason`, or the Responses status / incomplete reason mapped to the same words. */
  finishReason: z.nullable(z.string()),
});
export type Choice = z.infer<typeof choiceSchema>;

export const messageSchema = z.object({
  id: z.string(),
  role: roleSchema,
  content: z.string(),
  images: z.array(imageInputSchema).check(z.maxLength(MAX_IMAGES_PER_MESSAGE)),
  /** Remote images a share left out (see omittedImageSchema). */
  omittedImages: z.optional(z.array(omittedImageSchema).check(z.maxLength(MAX_IMAGES_PER_MESSAGE))),
  /** On assistant messages that asked for tools. */
  toolCalls: z.optional(z.array(toolCallSchema).check(z.maxLength(MAX_TOOLS))),
  /** On tool messages: the call this is the output of. */
  toolCallId: z.optional(z.string()),
  /** On assistant messages from Responses: the id of the response they came from. */
  responseId: z.optional(z.string()),
  /** On assistant messages from a run: the reasoning summary and per-token log probabilities. */
  reasoning: z.optional(z.string()),
  logprobs: z.optional(z.array(tokenLogprobSchema).check(z.maxLength(100_000))),
});
export type Message = z.infer<typeof messageSchema>;

export const functionToolSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** JSON Schema text. */
  parameters: z.string(),
  strict: z.boolean(),
});
export type FunctionTool = z.infer<typeof functionToolSchema>;

export const toolChoiceSchema = z.union([z.enum(TOOL_CHOICES), z.object({ name: z.string() })]);
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

export const responseFormatSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({ type: z.literal("json_schema"), name: z.string(), schema: z.string(), strict: z.boolean() }),
]);
export type ResponseFormat = z.infer<typeof responseFormatSchema>;

export const reasoningEffortSchema = z.enum(REASONING_EFFORTS);
export type ReasoningEffort = z.infer<typeof reasoningEffortSchema>;
export const reasoningSummarySchema = z.enum(REASONING_SUMMARIES);
export type ReasoningSummary = z.infer<typeof reasoningSummarySchema>;
export const verbositySchema = z.enum(VERBOSITIES);
export type Verbosity = z.infer<typeof verbositySchema>;
export const serviceTierSchema = z.enum(SERVICE_TIERS);
export type ServiceTier = z.infer<typeof serviceTierSchema>;

export const instructionsRoleSchema = z.enum(["auto", ...INSTRUCTION_ROLES]);
export type InstructionsRoleChoice = z.infer<typeof instructionsRoleSchema>;

export const builtinToolsSchema = z.object({
  fileSearch: z.object({
    enabled: z.boolean(),
    vectorStoreIds: z.array(z.string()).check(z.maxLength(100)),
    maxNumResults: z.optional(z.number()),
  }),
  webSearch: z.object({ enabled: z.boolean(), contextSize: z.enum(SEARCH_CONTEXT_SIZES) }),
  codeInterpreter: z.object({ enabled: z.boolean() }),
  imageGeneration: z.object({ enabled: z.boolean() }),
});
export type BuiltinTools = z.infer<typeof builtinToolsSchema>;

/** Unset (undefined) means "not sent": the upstream's default applies. */
export const paramsSchema = z.object({
  temperature: z.optional(z.number()),
  topP: z.optional(z.number()),
  maxOutputTokens: z.optional(z.number()),
  stop: z.array(z.string()).check(z.maxLength(STOP_MAX)),
  seed: z.optional(z.number()),
  n: z.optional(z.number()),
  presencePenalty: z.optional(z.number()),
  frequencyPenalty: z.optional(z.number()),
  /** JSON text: {"token id": bias}. */
  logitBias: z.string(),
  logprobs: z.boolean(),
  topLogprobs: z.optional(z.number()),
  reasoningEffort: z.optional(reasoningEffortSchema),
  reasoningSummary: z.optional(reasoningSummarySchema),
  verbosity: z.optional(verbositySchema),
  serviceTier: z.optional(serviceTierSchema),
  store: z.optional(z.boolean()),
  metadata: z
    .array(z.object({ key: z.string(), value: z.string() }))
    .check(z.maxLength(METADATA_LIMITS.pairs)),
});
export type Params = z.infer<typeof paramsSchema>;

export const setupSchema = z.object({
  api: wireApiSchema,
  model: z.string(),
  /** Instructions (Responses) or the system/developer message (Chat). */
  instructions: z.string(),
  /**
   * Chat: the role of the instructions message; `auto` takes the model's (its catalogue entry's
   * `instructionsRole`). Setups saved before `auto` existed hold `system` or `developer`.
   */
  instructionsRole: instructionsRoleSchema,
  messages: z.array(messageSchema).check(z.maxLength(MAX_MESSAGES)),
  /** Legacy Completions only. */
  prompt: z.string(),
  /** Legacy Completions: the latest output, kept apart from the prompt until Continue appends it. */
  completion: z.optional(z.string()),
  params: paramsSchema,
  tools: z.array(functionToolSchema).check(z.maxLength(MAX_TOOLS)),
  toolChoice: toolChoiceSchema,
  parallelToolCalls: z.boolean(),
  builtinTools: builtinToolsSchema,
  responseFormat: responseFormatSchema,
  stream: z.boolean(),
});
export type Setup = z.infer<typeof setupSchema>;

/** What a request builder produced: the path under /v1 and the exact body text sent. */
export interface BuiltRequest {
  /** e.g. "/chat/completions", "/responses", "/completions". */
  path: string;
  /** The parsed body. */
  body: Record<string, unknown>;
  /** The exact bytes sent: JSON.stringify(body, null, 2). View code shows this text unchanged. */
  text: string;
  /** Controls that were set but not sent, with the reason (the model does not take them, …). */
  omitted: { param: string; reason: string }[];
}
