import type { AssistantConfig } from "./schema";

/**
 * The `prompt` expansion (docs/assistants.md): a Responses request that names a saved assistant,
 * `{ prompt: { id, version?, variables? }, ...rest }`, becomes the body the upstream receives.
 * Pure; the proxy (lib/server/proxy) resolves the assistant and calls these. CONTRACT STUB: the
 * proxy part implements it.
 */

export interface PromptRef {
  id: string;
  version: string | null;
  /** Values as the API allows them: strings, or `{type:"input_text", text}`. */
  variables: Record<string, unknown>;
}

/** The request's `prompt`, checked; null when it has none. A malformed one: a 400 ApiError (param `prompt…`). */
export function readPromptRef(_body: Record<string, unknown>): PromptRef | null {
  throw new Error("not implemented yet");
}

/**
 * Instructions with `{{name}}` replaced. Missing (no value, no default), unknown (not declared) or
 * ill-typed variables: a 400 ApiError naming each problem (code `missing_variable`,
 * `unknown_variable`, `invalid_variable`; param `prompt.variables.<name>`).
 */
export function substituteVariables(
  _config: Pick<AssistantConfig, "instructions" | "variables">,
  _given: Record<string, unknown>,
): string {
  throw new Error("not implemented yet");
}

/**
 * The Responses body a version stands for (model, instructions, tools, text, reasoning, sampling,
 * truncation, context_management, store, metadata), without `input`. `mcpHeaders` fills MCP tools'
 * `headers`; pass null where secrets must not appear (view code, the builder's preview).
 */
export function configToResponsesBody(
  _config: AssistantConfig,
  _instructions: string,
  _mcpHeaders: Record<string, Record<string, string>> | null,
): Record<string, unknown> {
  throw new Error("not implemented yet");
}

/**
 * The body to forward: the version's body, overridden by the request's own fields where the API
 * allows (scalars win; `tools` appended, a request tool with the same function name or MCP label
 * replacing the assistant's; `metadata` merged), `prompt` removed.
 */
export function expandRequest(
  _request: Record<string, unknown>,
  _assistantBody: Record<string, unknown>,
): Record<string, unknown> {
  throw new Error("not implemented yet");
}
