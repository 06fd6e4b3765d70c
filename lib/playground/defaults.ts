import { newId } from "@/lib/ids";
import type { ResolvedModel } from "@/lib/models/catalogue";
import type { Message, Params, Role, Setup, WireApi } from "./types";

export function newMessage(role: Role = "user", content = ""): Message {
  return { id: newId(), role, content, images: [] };
}

/** What legacy Completions stops at when `max_tokens` is not sent: almost every answer is cut. */
export const COMPLETIONS_API_MAX_TOKENS = 16;
/** What Benchtop sends instead, as OpenAI's legacy playground did, within the model's own limit. */
const COMPLETIONS_MAX_TOKENS = 256;

/**
 * The output cap sent when the field is empty, or null to send none (Responses and Chat then let the
 * model write up to its limit). Shown in the field, so what is sent is never a surprise.
 */
export function defaultMaxOutput(api: WireApi, model: ResolvedModel): number | null {
  if (api !== "completions") return null;
  return Math.min(COMPLETIONS_MAX_TOKENS, model.maxOutput || COMPLETIONS_MAX_TOKENS);
}

export const DEFAULT_PARAMS: Params = {
  stop: [],
  logitBias: "",
  logprobs: false,
  metadata: [],
};

export function defaultSetup(model = "gpt-4o-mini"): Setup {
  return {
    api: "responses",
    model,
    instructions: "",
    instructionsRole: "auto",
    messages: [newMessage("user")],
    prompt: "",
    params: { ...DEFAULT_PARAMS },
    tools: [],
    toolChoice: "auto",
    parallelToolCalls: true,
    builtinTools: {
      fileSearch: { enabled: false, vectorStoreIds: [] },
      webSearch: { enabled: false, contextSize: "medium" },
      codeInterpreter: { enabled: false },
      imageGeneration: { enabled: false },
    },
    responseFormat: { type: "text" },
    stream: true,
  };
}
