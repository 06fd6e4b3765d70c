/**
 * Checks of one training example, per method: the OpenAI cookbook's error kinds for chat data
 * (reference notes §7.3–7.4) plus what the cookbook predates (tool calls, weights, DPO and
 * reinforcement shapes). Pure; the tokens are counted by whoever calls `planExample`.
 */
import type { ChatMessageLike } from "@/lib/tokens/chat-overhead";

export type TrainingMethod = "supervised" | "dpo" | "reinforcement";

export type IssueKind =
  | "invalid_json"
  | "invalid_utf8"
  | "line_too_long"
  | "data_type"
  | "missing_messages_list"
  | "message_missing_key"
  | "message_unrecognized_key"
  | "unrecognized_role"
  | "missing_content"
  | "example_missing_assistant_message"
  | "invalid_weight"
  | "invalid_tool_call"
  | "invalid_function_call"
  | "example_unrecognized_key"
  | "dpo_missing_input"
  | "dpo_invalid_output"
  | "dpo_not_text"
  | "reinforcement_no_reference"
  | "reinforcement_ends_with_assistant"
  | "too_long"
  | "too_few_examples"
  | "overlap";

export type Severity = "error" | "warning";

export interface ExampleIssue {
  kind: IssueKind;
  severity: Severity;
  message: string;
}

const ROLES = new Set(["system", "developer", "user", "assistant", "tool", "function"]);
const MESSAGE_KEYS = new Set([
  "role",
  "content",
  "name",
  "function_call",
  "weight",
  "tool_calls",
  "tool_call_id",
  "refusal",
]);
const CHAT_EXAMPLE_KEYS = new Set(["messages", "tools", "parallel_tool_calls", "functions"]);
const DPO_KEYS = new Set(["input", "preferred_output", "non_preferred_output"]);

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const err = (kind: IssueKind, message: string): ExampleIssue => ({ kind, severity: "error", message });
const warn = (kind: IssueKind, message: string): ExampleIssue => ({ kind, severity: "warning", message });

/** Text content: a string, or parts of which every text part has a string `text`. */
function hasContent(m: Obj): boolean {
  const c = m.content;
  if (typeof c === "string") return c.length > 0;
  if (Array.isArray(c))
    return (
      c.length > 0 &&
      c.every(
        (p) => isObject(p) && typeof p.type === "string" && (p.type !== "text" || typeof p.text === "string"),
      )
    );
  return false;
}

function checkToolCalls(calls: unknown, at: string, out: ExampleIssue[]): void {
  if (!Array.isArray(calls) || calls.length === 0) {
    out.push(err("invalid_tool_call", `${at}: tool_calls must be a non-empty list.`));
    return;
  }
  calls.forEach((c, j) => {
    const fn = isObject(c) ? c.function : undefined;
    if (!isObject(c) || typeof c.id !== "string" || c.type !== "function" || !isObject(fn)) {
      out.push(
        err(
          "invalid_tool_call",
          `${at}, tool call ${j + 1}: needs "id", "type": "function" and a "function" object.`,
        ),
      );
      return;
    }
    if (typeof fn.name !== "string" || typeof fn.arguments !== "string")
      out.push(
        err(
          "invalid_tool_call",
          `${at}, tool call ${j + 1}: "function" needs a "name" and "arguments" as a JSON string.`,
        ),
      );
  });
}

/** One message of a chat example; `i` counts from 1 in messages. */
function checkMessage(m: unknown, at: string, out: ExampleIssue[]): void {
  if (!isObject(m)) {
    out.push(err("data_type", `${at} is not an object.`));
    return;
  }
  const role = m.role;
  if (!("role" in m)) out.push(err("message_missing_key", `${at} has no "role".`));
  const unknown = Object.keys(m).filter((k) => !MESSAGE_KEYS.has(k));
  if (unknown.length > 0)
    out.push(
      err(
        "message_unrecognized_key",
        `${at} has ${unknown.map((k) => `"${k}"`).join(", ")}; allowed: role, content, name, weight, tool_calls, tool_call_id, function_call.`,
      ),
    );
  if ("role" in m && (typeof role !== "string" || !ROLES.has(role))) {
    out.push(
      err(
        "unrecognized_role",
        `${at} has role ${JSON.stringify(role)}; use system, developer, user, assistant or tool.`,
      ),
    );
  }
  const callsTools = "tool_calls" in m || "function_call" in m;
  if (!("content" in m) && !callsTools) out.push(err("message_missing_key", `${at} has no "content".`));
  else if (!hasContent(m) && !(callsTools && (m.content === null || m.content === undefined)))
    out.push(err("missing_content", `${at} has empty or non-text content.`));
  if ("weight" in m) {
    if (m.weight !== 0 && m.weight !== 1)
      out.push(err("invalid_weight", `${at} has weight ${JSON.stringify(m.weight)}; only 0 or 1.`));
    else if (role !== "assistant")
      out.push(err("invalid_weight", `${at}: only assistant messages take a weight.`));
  }
  if ("tool_calls" in m) {
    if (role !== "assistant")
      out.push(err("invalid_tool_call", `${at}: only assistant messages make tool calls.`));
    checkToolCalls(m.tool_calls, at, out);
  }
  if (role === "tool" && typeof m.tool_call_id !== "string")
    out.push(err("invalid_tool_call", `${at}: a tool message needs the "tool_call_id" it answers.`));
  if ("function_call" in m) {
    const fc = m.function_call;
    if (!isObject(fc) || typeof fc.name !== "string" || typeof fc.arguments !== "string")
      out.push(err("invalid_function_call", `${at}: function_call needs a "name" and "arguments" string.`));
  }
  if (role === "function" && typeof m.name !== "string")
    out.push(err("invalid_function_call", `${at}: a function message needs the function's "name".`));
}

function checkMessages(messages: unknown, where: string, out: ExampleIssue[]): Obj[] {
  if (!Array.isArray(messages) || messages.length === 0) {
    out.push(err("missing_messages_list", `${where} needs a non-empty "messages" list.`));
    return [];
  }
  for (const [i, m] of messages.entries()) checkMessage(m, `Message ${i + 1}`, out);
  return messages.filter(isObject);
}

function checkUnknownKeys(example: Obj, allowed: Set<string>, out: ExampleIssue[]): void {
  const unknown = Object.keys(example).filter((k) => !allowed.has(k));
  if (unknown.length > 0)
    out.push(
      warn(
        "example_unrecognized_key",
        `The example has ${unknown.map((k) => `"${k}"`).join(", ")}, which training ignores or refuses.`,
      ),
    );
}

function checkSupervised(example: Obj, out: ExampleIssue[]): void {
  const messages = checkMessages(example.messages, "The example", out);
  checkUnknownKeys(example, CHAT_EXAMPLE_KEYS, out);
  if (messages.length > 0 && !messages.some((m) => m.role === "assistant"))
    out.push(
      err(
        "example_missing_assistant_message",
        "The example has no assistant message, so nothing is trained.",
      ),
    );
}

function isTextOnly(m: Obj): boolean {
  return (
    typeof m.content === "string" ||
    (Array.isArray(m.content) && m.content.every((p) => isObject(p) && p.type === "text"))
  );
}

function checkDpoOutput(value: unknown, key: string, out: ExampleIssue[]): void {
  if (!Array.isArray(value) || value.length !== 1 || !isObject(value[0]) || value[0].role !== "assistant") {
    out.push(err("dpo_invalid_output", `"${key}" must be a list of exactly one assistant message.`));
    return;
  }
  const m = value[0];
  if (!hasContent(m)) out.push(err("missing_content", `"${key}" has no text content.`));
  else if (!isTextOnly(m)) out.push(err("dpo_not_text", `"${key}" must be text only (DPO takes no images).`));
}

function checkDpo(example: Obj, out: ExampleIssue[]): void {
  checkUnknownKeys(example, DPO_KEYS, out);
  const input = example.input;
  if (!isObject(input))
    out.push(err("dpo_missing_input", 'The example needs an "input" object with "messages".'));
  else {
    const messages = checkMessages(input.messages, '"input"', out);
    if (messages.some((m) => !isTextOnly(m) && hasContent(m)))
      out.push(err("dpo_not_text", 'DPO takes text only; "input" has an image or file part.'));
  }
  checkDpoOutput(example.preferred_output, "preferred_output", out);
  checkDpoOutput(example.non_preferred_output, "non_preferred_output", out);
}

/** Reference fields a grader reads are any other top-level keys (unverified beyond that, §7.3). */
function checkReinforcement(example: Obj, out: ExampleIssue[]): void {
  const messages = checkMessages(example.messages, "The example", out);
  const last = messages[messages.length - 1];
  if (last?.role === "assistant")
    out.push(
      warn(
        "reinforcement_ends_with_assistant",
        "The last message is the assistant's; reinforcement examples end with the prompt the model answers.",
      ),
    );
  const reference = Object.keys(example).filter((k) => !CHAT_EXAMPLE_KEYS.has(k));
  if (reference.length === 0)
    out.push(
      warn(
        "reinforcement_no_reference",
        'No reference field beside "messages" (e.g. "reference_answer"); a grader usually reads one as {{item.…}}.',
      ),
    );
}

/** The problems of one parsed line. */
export function checkExample(value: unknown, method: TrainingMethod): ExampleIssue[] {
  const out: ExampleIssue[] = [];
  if (!isObject(value)) {
    out.push(err("data_type", "The line is not a JSON object."));
    return out;
  }
  if (method === "supervised") checkSupervised(value, out);
  else if (method === "dpo") checkDpo(value, out);
  else checkReinforcement(value, out);
  return out;
}

/** Text or nothing: `String()` throws on an object whose `toString` is not a function. */
const str = (v: unknown): string => (typeof v === "string" ? v : "");

function asChatMessages(list: unknown): ChatMessageLike[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((m) => ({
    role: typeof m.role === "string" ? m.role : "",
    content:
      typeof m.content === "string" || Array.isArray(m.content)
        ? (m.content as ChatMessageLike["content"])
        : "",
    ...(typeof m.name === "string" ? { name: m.name } : {}),
    toolCalls: [
      ...(Array.isArray(m.tool_calls) ? m.tool_calls : []).map((c: unknown) => {
        const fn = isObject(c) && isObject(c.function) ? c.function : {};
        return { name: str(fn.name), arguments: str(fn.arguments) };
      }),
      ...(isObject(m.function_call)
        ? [{ name: str(m.function_call.name), arguments: str(m.function_call.arguments) }]
        : []),
    ],
  }));
}

/**
 * The conversations whose tokens make up an example: one for chat and reinforcement data; for DPO,
 * the input with each output (both are trained on, so both count; an estimate, unverified).
 */
export function conversationsOf(
  value: unknown,
  method: TrainingMethod,
): { messages: ChatMessageLike[]; tools: unknown }[] {
  if (!isObject(value)) return [];
  if (method !== "dpo")
    return [{ messages: asChatMessages(value.messages), tools: value.tools ?? value.functions }];
  const input = isObject(value.input) ? value.input : {};
  const base = asChatMessages(input.messages);
  return [value.preferred_output, value.non_preferred_output].map((out) => ({
    messages: [...base, ...asChatMessages(out)],
    tools: input.tools,
  }));
}
