import { newId } from "@/lib/ids";
import type { Message, Params, Role, Setup } from "./types";

export function newMessage(role: Role = "user", content = ""): Message {
  return { id: newId(), role, content, images: [] };
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
