import type { ResolvedModel } from "@/lib/models/catalogue";
import { buildRequest } from "./request";
import type { Setup } from "./types";

/**
 * Which controls the current API and model take, and why not where they don't. Derived by building
 * a request with every control set and reading what the builder left out, so the panel and the
 * request can never disagree.
 */
export function unavailable(setup: Setup, model: ResolvedModel): Map<string, string> {
  const probe: Setup = {
    ...setup,
    prompt: setup.prompt || "x",
    params: {
      temperature: 1,
      topP: 1,
      presencePenalty: 0,
      frequencyPenalty: 0,
      seed: 1,
      n: 1,
      stop: ["x"],
      logitBias: '{"1":1}',
      logprobs: true,
      topLogprobs: 1,
      reasoningEffort: "low",
      reasoningSummary: "auto",
      verbosity: "low",
      serviceTier: "auto",
      store: true,
      metadata: [{ key: "k", value: "v" }],
    },
    tools: [{ id: "probe", name: "probe", description: "", parameters: "{}", strict: false }],
    toolChoice: "auto",
    builtinTools: {
      ...setup.builtinTools,
      webSearch: { ...setup.builtinTools.webSearch, enabled: true },
    },
    responseFormat: { type: "json_schema", name: "probe", schema: "{}", strict: true },
  };
  const out = new Map<string, string>();
  for (const o of buildRequest(probe, model).omitted) out.set(o.param, o.reason);
  // Responses groups effort and summary under `reasoning`.
  const r = out.get("reasoning");
  if (r) {
    out.set("reasoning_effort", r);
    out.set("reasoning_summary", r);
  }
  return out;
}
