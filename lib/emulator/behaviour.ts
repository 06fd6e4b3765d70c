import { HttpError } from "./http";
import { isReasoningModel } from "./models";
import { brokenExample, schemaExample } from "./schema-example";

/**
 * What the emulated model does with a turn, shared by Chat Completions and Responses. Triggers in the
 * last user text: `[long]` (200 words), `[tool]` (call a function tool), `[tools2]` (two calls),
 * `[refuse]` (a refusal), `[badjson]` (structured output missing a required property).
 */

export const REFUSAL = "I can't help with that.";

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A deterministic reply: the last user message echoed, or a long text when it asks for `[long]`. */
export function replyFor(prompt: string): string {
  if (prompt.includes("[long]")) {
    return Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
  }
  return `Echo: ${prompt.trim() || "(empty)"}`;
}

export interface FnTool {
  name: string;
  parameters: unknown;
}

/** Function tools of either API: Chat `{type, function:{name, parameters}}`, Responses `{type, name, parameters}`. */
export function functionTools(raw: unknown): FnTool[] {
  if (!Array.isArray(raw)) return [];
  const out: FnTool[] = [];
  for (const t of raw) {
    if (!isObj(t) || t.type !== "function") continue;
    const fn = isObj(t.function) ? t.function : t;
    if (typeof fn.name === "string") out.push({ name: fn.name, parameters: fn.parameters ?? {} });
  }
  return out;
}

export interface ToolChoice {
  mode: "none" | "auto" | "required";
  /** The function tools the model may call. */
  allowed: FnTool[];
  forced?: FnTool;
}

const nameOf = (t: unknown): string | undefined => {
  if (!isObj(t)) return undefined;
  const fn = isObj(t.function) ? t.function : t;
  return typeof fn.name === "string" ? fn.name : undefined;
};

/** Normalises `tool_choice` (both APIs' shapes), checking it against `tools` as the API does. */
export function toolChoice(raw: unknown, rawTools: unknown, tools: FnTool[]): ToolChoice {
  const hasTools = Array.isArray(rawTools) && rawTools.length > 0;
  if (raw === undefined || raw === null) return { mode: hasTools ? "auto" : "none", allowed: tools };
  if (raw === "none" || raw === "auto" || raw === "required") {
    if (raw === "required" && !hasTools) {
      throw new HttpError(
        400,
        "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
        "tool_choice",
        "invalid_value",
      );
    }
    return { mode: raw, allowed: tools };
  }
  if (!isObj(raw))
    throw new HttpError(400, "Invalid value for 'tool_choice'.", "tool_choice", "invalid_value");
  if (raw.type === "function") {
    const name = nameOf(raw);
    const forced = tools.find((t) => t.name === name);
    if (!forced) {
      throw new HttpError(
        400,
        `Tool choice 'function' not found in 'tools' parameter.`,
        "tool_choice",
        "invalid_value",
      );
    }
    return { mode: "required", allowed: [forced], forced };
  }
  if (raw.type === "allowed_tools") {
    const spec = isObj(raw.allowed_tools) ? raw.allowed_tools : raw;
    const names = new Set((Array.isArray(spec.tools) ? spec.tools : []).map(nameOf));
    return {
      mode: spec.mode === "required" ? "required" : "auto",
      allowed: tools.filter((t) => names.has(t.name)),
    };
  }
  // A hosted or custom tool: the emulator never calls those, nor a function instead.
  return { mode: "none", allowed: [] };
}

export type Format = { type: "text" } | { type: "json_object" } | { type: "json_schema"; schema: unknown };

/** Chat `response_format` or Responses `text.format`; `at` names the field for errors. */
export function parseFormat(raw: unknown, at: "response_format" | "text.format"): Format {
  if (!isObj(raw) || raw.type === undefined || raw.type === "text") return { type: "text" };
  if (raw.type === "json_object") return { type: "json_object" };
  if (raw.type === "json_schema") {
    const spec = at === "response_format" ? raw.json_schema : raw;
    const where = at === "response_format" ? "response_format.json_schema" : at;
    if (!isObj(spec))
      throw new HttpError(
        400,
        `Missing required parameter: '${where}'.`,
        where,
        "missing_required_parameter",
      );
    if (typeof spec.name !== "string" || !spec.name) {
      throw new HttpError(
        400,
        `Missing required parameter: '${where}.name'.`,
        `${where}.name`,
        "missing_required_parameter",
      );
    }
    return { type: "json_schema", schema: spec.schema ?? {} };
  }
  throw new HttpError(
    400,
    `Invalid value: '${String(raw.type)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`,
    `${at}.type`,
    "invalid_value",
  );
}

export interface Turn {
  api: "chat" | "responses";
  /** The last user text. */
  prompt: string;
  /** Outputs of the trailing tool messages / function_call_output items, when the turn ends with them. */
  toolOutputs: string[];
  /** Every message and instruction text, for JSON mode's "must contain the word json" rule. */
  context: string;
  tools: FnTool[];
  choice: ToolChoice;
  parallel: boolean;
  format: Format;
}

export interface PlannedCall {
  name: string;
  arguments: string;
}

export type Outcome =
  | { kind: "tools"; calls: PlannedCall[] }
  | { kind: "refusal"; text: string }
  | { kind: "text"; text: string; structured: boolean };

export function decide(t: Turn): Outcome {
  if (t.format.type === "json_object" && !/json/i.test(t.context)) {
    throw t.api === "chat"
      ? new HttpError(
          400,
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
          "messages",
          null,
        )
      : new HttpError(
          400,
          "Response input messages must contain the word 'json' in some form to use 'text.format' of type 'json_object'.",
          "input",
          null,
        );
  }
  const toolResult = t.toolOutputs.length ? `Tool result: ${t.toolOutputs.join("; ")}` : undefined;
  if (toolResult === undefined) {
    const calls = planCalls(t);
    if (calls) return { kind: "tools", calls };
    if (t.prompt.includes("[refuse]")) return { kind: "refusal", text: REFUSAL };
  }
  const subject = toolResult ?? t.prompt.trim();
  if (t.format.type === "json_schema") {
    const value = t.prompt.includes("[badjson]")
      ? brokenExample(t.format.schema, subject)
      : schemaExample(t.format.schema, subject);
    return { kind: "text", text: JSON.stringify(value), structured: true };
  }
  if (t.format.type === "json_object") {
    return { kind: "text", text: JSON.stringify({ echo: subject }), structured: true };
  }
  return { kind: "text", text: toolResult ?? replyFor(t.prompt), structured: false };
}

function planCalls(t: Turn): PlannedCall[] | null {
  const { mode, allowed, forced } = t.choice;
  if (mode === "none" || allowed.length === 0) return null;
  const two = t.prompt.includes("[tools2]");
  if (mode === "auto" && !two && !t.prompt.includes("[tool]")) return null;
  const first = forced ?? allowed[0];
  if (!first) return null;
  const picked = two && t.parallel ? [first, forced ? first : (allowed[1] ?? first)] : [first];
  return picked.map((tool) => ({ name: tool.name, arguments: JSON.stringify(toolArguments(tool)) }));
}

function toolArguments(tool: FnTool): Record<string, unknown> {
  const v = schemaExample(tool.parameters);
  return isObj(v) ? v : {};
}

/** JSON-ish tokens (`{"`, `city`, `":"`, ` Paris`…) so arguments and structured replies stream in pieces. */
export function jsonTokens(text: string): string[] {
  return text.match(/\s*(?:[A-Za-z0-9_]+|[^A-Za-z0-9_\s]+)/g) ?? [];
}

const EFFORTS = ["none", "minimal", "low", "medium", "high", "xhigh", "max"];

/** Reasoning models refuse non-default sampling; efforts must be known values. */
export function checkReasoningParams(
  model: string,
  body: Record<string, unknown>,
  effort: unknown,
  at: string,
) {
  if (isReasoningModel(model)) {
    for (const param of ["temperature", "top_p"]) {
      const v = body[param];
      if (v !== undefined && v !== null && v !== 1) {
        throw new HttpError(
          400,
          `Unsupported parameter: '${param}' is not supported with this model.`,
          param,
          "unsupported_parameter",
        );
      }
    }
  }
  if (effort !== undefined && effort !== null && !EFFORTS.includes(String(effort))) {
    throw new HttpError(
      400,
      `Invalid value: '${String(effort)}'. Supported values are: ${EFFORTS.map((e) => `'${e}'`).join(", ")}.`,
      at,
      "invalid_value",
    );
  }
}
