/**
 * The playground's setup: everything that decides the request, kept as plain JSON so it can be
 * persisted as a draft, saved as a preset, frozen in a share snapshot and turned into code.
 * Free-text fields that must be JSON (schemas, logit_bias) stay text here so a half-typed value is
 * never lost; they are parsed and validated when the request is built.
 */

export type WireApi = "responses" | "chat" | "completions";

export type Role = "system" | "developer" | "user" | "assistant" | "tool";

export type ImageDetail = "auto" | "low" | "high";

export interface ImageInput {
  id: string;
  /** An https URL or a data: URL. */
  url: string;
  detail: ImageDetail;
  name?: string;
}

export interface ToolCall {
  /** The call id the model gave (`call_…`), used to match its output. */
  id: string;
  name: string;
  /** Arguments as the model produced them: JSON text, possibly invalid. */
  arguments: string;
}

export interface Message {
  id: string;
  role: Role;
  content: string;
  images: ImageInput[];
  /** On assistant messages that asked for tools. */
  toolCalls?: ToolCall[];
  /** On tool messages: the call this is the output of. */
  toolCallId?: string;
  /** On assistant messages from Responses: the id of the response they came from. */
  responseId?: string;
  /** On assistant messages from a run: the reasoning summary and per-token log probabilities. */
  reasoning?: string;
  logprobs?: { token: string; logprob: number; top: { token: string; logprob: number }[] }[];
}

export interface FunctionTool {
  id: string;
  name: string;
  description: string;
  /** JSON Schema text. */
  parameters: string;
  strict: boolean;
}

export type ToolChoice = "auto" | "none" | "required" | { name: string };

export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; schema: string; strict: boolean };

export type ReasoningEffort = "none" | "minimal" | "low" | "medium" | "high" | "xhigh";
export type ReasoningSummary = "auto" | "concise" | "detailed";
export type Verbosity = "low" | "medium" | "high";
export type ServiceTier = "auto" | "default" | "flex" | "priority";

export interface BuiltinTools {
  fileSearch: { enabled: boolean; vectorStoreIds: string[]; maxNumResults?: number };
  webSearch: { enabled: boolean; contextSize: "low" | "medium" | "high" };
  codeInterpreter: { enabled: boolean };
  imageGeneration: { enabled: boolean };
}

/** Unset (undefined) means "not sent": the upstream's default applies. */
export interface Params {
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  stop: string[];
  seed?: number;
  n?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  /** JSON text: {"token id": bias}. */
  logitBias: string;
  logprobs: boolean;
  topLogprobs?: number;
  reasoningEffort?: ReasoningEffort;
  reasoningSummary?: ReasoningSummary;
  verbosity?: Verbosity;
  serviceTier?: ServiceTier;
  store?: boolean;
  metadata: { key: string; value: string }[];
}

export interface Setup {
  api: WireApi;
  model: string;
  /** Instructions (Responses) or the system/developer message (Chat). */
  instructions: string;
  /** Chat: `system` or `developer` for the instructions message. */
  instructionsRole: "system" | "developer";
  messages: Message[];
  /** Legacy Completions only. */
  prompt: string;
  params: Params;
  tools: FunctionTool[];
  toolChoice: ToolChoice;
  parallelToolCalls: boolean;
  builtinTools: BuiltinTools;
  responseFormat: ResponseFormat;
  stream: boolean;
}

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
