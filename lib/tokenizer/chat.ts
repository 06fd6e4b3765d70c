/**
 * Chat mode's messages, tools and the request for the upstream's exact count
 * (`POST /v1/responses/input_tokens`). The local estimate is `lib/tokens/chat-overhead.ts`.
 */

import { CHAT_ROLES } from "@/lib/openai-facts";

export type ChatRole = (typeof CHAT_ROLES)[number];

export interface ChatMessage {
  id: string;
  role: ChatRole;
  content: string;
}

export function isChatRole(x: unknown): x is ChatRole {
  return typeof x === "string" && (CHAT_ROLES as readonly string[]).includes(x);
}

export type ParsedTools =
  | { ok: true; tools: Record<string, unknown>[] | undefined }
  | { ok: false; error: string };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * The tools box: empty for none, else a JSON array of tools in the Chat shape
 * (`{type:"function", function:{name, …}}`) or the Responses shape (`{type:"function", name, …}`).
 */
export function parseTools(text: string): ParsedTools {
  if (text.trim() === "") return { ok: true, tools: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Tools are not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (isRecord(value)) value = [value];
  if (!Array.isArray(value)) return { ok: false, error: "Tools must be a JSON array of tool definitions." };
  for (const [i, tool] of value.entries()) {
    if (!isRecord(tool)) return { ok: false, error: `Tool ${i + 1} is not an object.` };
    const type = tool.type ?? "function";
    const fn = isRecord(tool.function) ? tool.function : tool;
    if (type === "function" && (typeof fn.name !== "string" || fn.name === "")) {
      return { ok: false, error: `Tool ${i + 1} is a function without a name.` };
    }
  }
  return { ok: true, tools: value as Record<string, unknown>[] };
}

/** A tool as the Responses API takes it: Chat's nested `function` is flattened. */
export function toResponsesTool(tool: Record<string, unknown>): Record<string, unknown> {
  const type = tool.type ?? "function";
  if (type !== "function") return tool;
  const fn = isRecord(tool.function) ? tool.function : tool;
  const out: Record<string, unknown> = { type: "function", name: fn.name };
  if (typeof fn.description === "string") out.description = fn.description;
  if (fn.parameters !== undefined) out.parameters = fn.parameters;
  if (typeof fn.strict === "boolean") out.strict = fn.strict;
  return out;
}

/** The body of `POST /v1/responses/input_tokens` for these messages and tools. */
export function inputTokensBody(
  model: string,
  messages: readonly Pick<ChatMessage, "role" | "content">[],
  tools: Record<string, unknown>[] | undefined,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model,
    input: messages.map((m) => ({ type: "message", role: m.role, content: m.content })),
  };
  if (tools?.length) body.tools = tools.map(toResponsesTool);
  return body;
}
