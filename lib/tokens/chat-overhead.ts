/**
 * Estimated prompt tokens of a Chat Completions request: the text of each message plus the chat
 * format's overhead (reference notes §3.2, the OpenAI cookbook recipe for gpt-3.5-turbo-0613+,
 * gpt-4 and gpt-4o): 3 per message, +1 when a message has a `name`, +3 to prime the reply.
 *
 * Tools are not documented. They are estimated the way the model is believed to see them, as a
 * TypeScript-like `namespace functions { … }` block (+9, −4 when there is a system message, and a
 * newline added to the first system message): a recipe inferred from API counts by the community
 * for gpt-3.5/gpt-4 function calling, unverified for newer models. Images, reasoning tokens and
 * hidden system content are not counted. Label the result an estimate; `usage` is the truth.
 *
 * Pure, and split in two so the counting can happen elsewhere (the worker): `planChatEstimate` lists
 * the texts to count and the fixed overhead, `sumPlan` adds up the counts.
 */

export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_NAME = 1;
export const REPLY_PRIMING = 3;
export const TOKENS_PER_TOOL_CALL = 3;
export const TOOLS_OVERHEAD = 9;
export const TOOLS_WITH_SYSTEM_DISCOUNT = 4;

export type CountTokens = (text: string) => number;

export type ContentPart = { type: "text"; text: string } | { type: string; [field: string]: unknown };

export interface ChatMessageLike {
  role: string;
  /** Text, or Chat content parts: text parts are counted, images and files are not. */
  content: string | null | undefined | readonly ContentPart[];
  name?: string;
  /** Tool calls of an assistant message: the name and the arguments text are counted. */
  toolCalls?: readonly { name: string; arguments: string }[];
}

/** One thing the estimate is made of: the tokens of `texts` plus `fixed`. */
export interface PlanItem {
  kind: "message" | "tools" | "reply";
  /** The message's index, for `kind: "message"`. */
  index?: number;
  texts: string[];
  fixed: number;
}

export interface ChatEstimatePlan {
  items: PlanItem[];
  /** A message has an image or file part, which this estimate leaves out. */
  hasUncountedParts: boolean;
  /** Tools were given and counted (by the unverified recipe above). */
  hasTools: boolean;
}

export interface ChatEstimate {
  total: number;
  /** Per message, including its overhead; same order as the messages. */
  messages: number[];
  tools: number;
  hasUncountedParts: boolean;
  hasTools: boolean;
}

function contentText(content: ChatMessageLike["content"]): { text: string; uncounted: boolean } {
  if (typeof content === "string") return { text: content, uncounted: false };
  if (!content) return { text: "", uncounted: false };
  let uncounted = false;
  const texts: string[] = [];
  for (const part of content) {
    if (part.type === "text" && typeof part.text === "string") texts.push(part.text);
    else uncounted = true;
  }
  // Separate text parts reach the model as separate pieces; joining them is close enough.
  return { text: texts.join(""), uncounted };
}

export function planChatEstimate(messages: readonly ChatMessageLike[], tools?: unknown): ChatEstimatePlan {
  const functions = toolFunctions(tools);
  const hasTools = functions.length > 0;
  let hasUncountedParts = false;
  let paddedSystem = false;
  const items: PlanItem[] = messages.map((message, index) => {
    const { text, uncounted } = contentText(message.content);
    hasUncountedParts ||= uncounted;
    let content = text;
    if (hasTools && message.role === "system" && !paddedSystem) {
      content += "\n";
      paddedSystem = true;
    }
    const texts = [message.role, content];
    let fixed = TOKENS_PER_MESSAGE;
    if (message.name) {
      texts.push(message.name);
      fixed += TOKENS_PER_NAME;
    }
    for (const call of message.toolCalls ?? []) {
      texts.push(call.name, call.arguments);
      fixed += TOKENS_PER_TOOL_CALL;
    }
    return { kind: "message", index, texts: texts.filter((t) => t !== ""), fixed };
  });
  if (hasTools) {
    const hasSystem = messages.some((m) => m.role === "system");
    items.push({
      kind: "tools",
      texts: [formatFunctions(functions)],
      fixed: TOOLS_OVERHEAD - (hasSystem ? TOOLS_WITH_SYSTEM_DISCOUNT : 0),
    });
  }
  items.push({ kind: "reply", texts: [], fixed: REPLY_PRIMING });
  return { items, hasUncountedParts, hasTools };
}

/** Adds up a plan given the token count of each of its texts. */
export function sumPlan(plan: ChatEstimatePlan, count: CountTokens): ChatEstimate {
  const messages: number[] = [];
  let tools = 0;
  let total = 0;
  for (const item of plan.items) {
    let n = item.fixed;
    for (const text of item.texts) n += count(text);
    total += n;
    if (item.kind === "message") messages.push(n);
    else if (item.kind === "tools") tools = n;
  }
  return { total, messages, tools, hasUncountedParts: plan.hasUncountedParts, hasTools: plan.hasTools };
}

/** The estimated prompt tokens of `messages` (and `tools`), given a text token counter. */
export function estimateChatTokens(
  messages: readonly ChatMessageLike[],
  tools: unknown,
  count: CountTokens,
): ChatEstimate {
  return sumPlan(planChatEstimate(messages, tools), count);
}

// ---- Tools ---------------------------------------------------------------------------------------

interface FunctionDef {
  name: string;
  description?: string;
  parameters?: JsonSchema | string;
}

interface JsonSchema {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Function definitions from any of: Chat tools (`{type:"function", function:{…}}`), Responses tools
 * (`{type:"function", name, …}`), the playground's `{name, description, parameters}` with
 * `parameters` as JSON text, or JSON text of such an array. Anything else is ignored.
 */
export function toolFunctions(tools: unknown): FunctionDef[] {
  let list = tools;
  if (typeof list === "string") {
    if (list.trim() === "") return [];
    try {
      list = JSON.parse(list);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  const out: FunctionDef[] = [];
  for (const tool of list) {
    if (!isRecord(tool)) continue;
    const fn = isRecord(tool.function) ? tool.function : tool;
    if (typeof fn.name !== "string" || fn.name === "") continue;
    if (tool.type !== undefined && tool.type !== "function") continue;
    let parameters: FunctionDef["parameters"];
    if (typeof fn.parameters === "string") {
      try {
        const parsed: unknown = JSON.parse(fn.parameters);
        parameters = isRecord(parsed) ? (parsed as JsonSchema) : fn.parameters;
      } catch {
        parameters = fn.parameters.trim() === "" ? undefined : fn.parameters;
      }
    } else if (isRecord(fn.parameters)) {
      parameters = fn.parameters as JsonSchema;
    }
    out.push({
      name: fn.name,
      description: typeof fn.description === "string" ? fn.description : undefined,
      parameters,
    });
  }
  return out;
}

/** The `namespace functions` text the model is believed to be shown. Unparseable schemas go in as is. */
export function formatFunctions(functions: readonly FunctionDef[]): string {
  const lines = ["namespace functions {", ""];
  for (const fn of functions) {
    if (fn.description) lines.push(`// ${fn.description}`);
    const params = fn.parameters;
    if (typeof params === "string") {
      lines.push(`type ${fn.name} = (_: ${params}) => any;`);
    } else if (params?.properties && Object.keys(params.properties).length > 0) {
      lines.push(`type ${fn.name} = (_: {`, formatProperties(params, 0, 0), "}) => any;");
    } else {
      lines.push(`type ${fn.name} = () => any;`);
    }
    lines.push("");
  }
  lines.push("} // namespace functions");
  return lines.join("\n");
}

/** Deeper schemas count as `any`: a hostile one nested thousands deep would overflow the stack. */
const MAX_SCHEMA_DEPTH = 32;

/** An enum value as text; `String()` throws on an object whose `toString` is not a function. */
const enumText = (v: unknown): string =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean"
    ? String(v)
    : (JSON.stringify(v) ?? "");

function formatProperties(schema: JsonSchema, indent: number, depth: number): string {
  const lines: string[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (!isRecord(prop)) continue;
    if (prop.description && indent < 2) lines.push(`// ${prop.description}`);
    const optional = schema.required?.includes(name) ? "" : "?";
    lines.push(`${name}${optional}: ${formatType(prop, indent, depth + 1)},`);
  }
  return lines.map((line) => " ".repeat(indent) + line).join("\n");
}

function formatType(schema: JsonSchema, indent: number, depth: number): string {
  if (depth > MAX_SCHEMA_DEPTH) return "any";
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      return schema.enum ? schema.enum.map((v) => JSON.stringify(enumText(v))).join(" | ") : "string";
    case "number":
    case "integer":
      return schema.enum ? schema.enum.map(enumText).join(" | ") : "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "object":
      return ["{", formatProperties(schema, indent + 2, depth), "}"].join("\n");
    case "array":
      return schema.items ? `${formatType(schema.items, indent, depth + 1)}[]` : "any[]";
    default:
      return "any";
  }
}
