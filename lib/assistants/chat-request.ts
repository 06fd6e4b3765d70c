import type { ChatItem } from "./chat-stream";
import type { AssistantConfig, AssistantVariable } from "./schema";

/**
 * The test chat's requests (docs/assistants-chat.md), pure. A turn is exactly the call code makes
 * through the proxy: `POST /v1/responses` with `prompt: {id, version, variables}`, the
 * conversation, this turn's input items, `stream: true` and the `include`s that make tool results
 * visible. The proxy expands `prompt` into the version's model, instructions and tools.
 */

export interface TurnRequest {
  assistantId: string;
  version: number;
  variables: Record<string, string>;
  conversation: string;
  input: ChatItem[];
  include: string[];
}

/** What the chat asks the API to return beyond the defaults, by the tools the version has. */
export function chatInclude(config: Pick<AssistantConfig, "tools" | "store">): string[] {
  const types = new Set(config.tools.map((t) => t.type));
  const out: string[] = [];
  if (types.has("file_search")) out.push("file_search_call.results");
  if (types.has("code_interpreter")) out.push("code_interpreter_call.outputs");
  if (types.has("web_search")) out.push("web_search_call.action.sources");
  // Without storage, reasoning must travel with the conversation in encrypted form.
  if (config.store === false) out.push("reasoning.encrypted_content");
  return out;
}

export function turnBody(r: TurnRequest): Record<string, unknown> {
  return {
    prompt: { id: r.assistantId, version: String(r.version), variables: r.variables },
    conversation: r.conversation,
    input: r.input,
    stream: true,
    ...(r.include.length ? { include: r.include } : {}),
  };
}

export function userMessage(text: string): ChatItem {
  return { type: "message", role: "user", content: [{ type: "input_text", text }] };
}

export interface VariableProblem {
  name: string;
  message: string;
}

/** The values a version's variables start with: their defaults. */
export function defaultValues(variables: AssistantVariable[]): Record<string, string> {
  return Object.fromEntries(variables.map((v) => [v.name, v.default ?? ""]));
}

/** Problems that would make the proxy refuse the call, in words for the side panel. */
export function variableProblems(
  variables: AssistantVariable[],
  values: Record<string, string>,
): VariableProblem[] {
  const out: VariableProblem[] = [];
  for (const v of variables) {
    const value = values[v.name] ?? v.default ?? "";
    if (value === "") {
      if (v.default === undefined) out.push({ name: v.name, message: `“${v.name}” is required.` });
      continue;
    }
    const n = Number(value);
    if (v.type === "number" && (value.trim() === "" || !Number.isFinite(n)))
      out.push({ name: v.name, message: `“${v.name}” must be a number.` });
    else if (v.type === "integer" && !/^-?\d+$/.test(value.trim()))
      out.push({ name: v.name, message: `“${v.name}” must be a whole number.` });
    else if (v.type === "boolean" && value !== "true" && value !== "false")
      out.push({ name: v.name, message: `“${v.name}” must be true or false.` });
    else if (v.type === "enum" && !(v.options ?? []).includes(value))
      out.push({ name: v.name, message: `“${v.name}” must be one of ${(v.options ?? []).join(", ")}.` });
  }
  return out;
}

/** The variables a turn sends: the declared ones that have a value (an empty one falls back to its default upstream). */
export function variablesToSend(
  variables: AssistantVariable[],
  values: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of variables) {
    const value = values[v.name] ?? "";
    if (value !== "") out[v.name] = value;
  }
  return out;
}

/** What a finished turn waits for before the conversation can go on. */
export interface Pending {
  /** function_call items with no output yet. */
  calls: ChatItem[];
  /** mcp_approval_request items with no answer yet. */
  approvals: ChatItem[];
}

/**
 * The calls and approval requests among `items` (a conversation so far, in order) that nothing
 * after them answers.
 */
export function pendingOf(items: ChatItem[]): Pending {
  const answeredCalls = new Set(
    items.filter((i) => i.type === "function_call_output").map((i) => String(i.call_id)),
  );
  const answeredApprovals = new Set(
    items.filter((i) => i.type === "mcp_approval_response").map((i) => String(i.approval_request_id)),
  );
  return {
    calls: items.filter((i) => i.type === "function_call" && !answeredCalls.has(String(i.call_id))),
    approvals: items.filter((i) => i.type === "mcp_approval_request" && !answeredApprovals.has(String(i.id))),
  };
}

const INPUT_TYPES = new Set(["function_call_output", "mcp_approval_response", "custom_tool_call_output"]);

/** Whether an item is one the person (or the chat for them) sent, rather than one the model produced. */
export function isInputItem(item: ChatItem): boolean {
  return (item.type === "message" && item.role === "user") || INPUT_TYPES.has(item.type);
}

/**
 * A conversation's items (oldest first) as turns: each request appends its input items and then
 * the response's output, so a turn starts at each run of input items that follows output.
 */
export function segmentTurns(items: ChatItem[]): ChatItem[][] {
  const turns: ChatItem[][] = [];
  let sawOutput = true;
  for (const item of items) {
    const input = isInputItem(item);
    if (input && sawOutput) {
      turns.push([]);
      sawOutput = false;
    }
    if (!input) sawOutput = true;
    if (!turns.length) turns.push([]);
    turns[turns.length - 1]?.push(item);
  }
  return turns;
}

/** A title for the conversation index: the first message's start. */
export function conversationTitle(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? "";
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || "New conversation";
}
