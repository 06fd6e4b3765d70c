import type { ResolvedModel } from "@/lib/models/catalogue";
import {
  API_LABELS,
  IMAGE_LIMITS,
  type InstructionRole,
  METADATA_LIMITS,
  MIN_OUTPUT_TOKENS,
  NAME_PATTERN,
  PARAM_BOUNDS,
  STOP_MAX,
  TOP_LOGPROBS_MAX,
} from "@/lib/openai-facts";
import { defaultMaxOutput } from "./defaults";
import type { BuiltRequest, FunctionTool, Message, Setup, WireApi } from "./types";

/**
 * Turns a setup into the exact request the playground sends, for each wire API. Controls the
 * model or API does not take are left out and listed with the reason, never sent; values that
 * cannot be sent (bad JSON, out of range) are problems that block the run, each naming its field.
 */

export interface Problem {
  param: string;
  message: string;
}

export interface BuildResult extends BuiltRequest {
  problems: Problem[];
}

type Body = Record<string, unknown>;

class Builder {
  readonly body: Body = {};
  readonly omitted: { param: string; reason: string }[] = [];
  readonly problems: Problem[] = [];

  constructor(
    readonly setup: Setup,
    readonly model: ResolvedModel,
  ) {}

  /** Sends `value` under `key` when `ok`, else records why the set control was left out. */
  put(key: string, value: unknown, ok: true | string, param = key): void {
    if (value === undefined) return;
    if (ok === true) this.body[key] = value;
    else this.omitted.push({ param, reason: ok });
  }

  problem(param: string, message: string): void {
    this.problems.push({ param, message });
  }

  only(...apis: WireApi[]): true | string {
    return apis.includes(this.setup.api)
      ? true
      : `The ${API_LABELS[this.setup.api]} API does not take it (${apis.map((a) => API_LABELS[a]).join(", ")} only).`;
  }

  get sampling(): true | string {
    return this.model.capabilities.sampling
      ? true
      : `${this.model.label} is a reasoning model and does not accept sampling controls.`;
  }

  get reasoning(): true | string {
    return this.model.capabilities.reasoning ? true : `${this.model.label} is not a reasoning model.`;
  }

  get logprobs(): true | string {
    return this.model.capabilities.logprobs ? true : `${this.model.label} does not return log probabilities.`;
  }

  get tools(): true | string {
    return this.model.capabilities.tools ? true : `${this.model.label} does not take tools.`;
  }
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : "Invalid JSON." };
  }
}

function inRange(
  b: Builder,
  param: string,
  v: number | undefined,
  { min, max }: { min: number; max: number },
): number | undefined {
  if (v === undefined) return undefined;
  if (!Number.isFinite(v) || v < min || v > max) {
    b.problem(param, `${param} must be between ${min} and ${max}.`);
    return undefined;
  }
  return v;
}

function sampling(b: Builder): void {
  const p = b.setup.params;
  b.put("temperature", inRange(b, "temperature", p.temperature, PARAM_BOUNDS.temperature), b.sampling);
  b.put("top_p", inRange(b, "top_p", p.topP, PARAM_BOUNDS.topP), b.sampling);
  const chatish = b.only("chat", "completions");
  const penalty = chatish === true ? b.sampling : chatish;
  b.put(
    "presence_penalty",
    inRange(b, "presence_penalty", p.presencePenalty, PARAM_BOUNDS.presencePenalty),
    penalty,
  );
  b.put(
    "frequency_penalty",
    inRange(b, "frequency_penalty", p.frequencyPenalty, PARAM_BOUNDS.frequencyPenalty),
    penalty,
  );
  b.put("seed", p.seed, chatish);
  b.put("n", inRange(b, "n", p.n, PARAM_BOUNDS.n), chatish);
  if (p.stop.length) {
    if (p.stop.length > STOP_MAX) b.problem("stop", `At most ${STOP_MAX} stop sequences.`);
    const ok =
      chatish !== true
        ? chatish
        : b.model.capabilities.reasoning
          ? "Reasoning models ignore stop sequences."
          : true;
    b.put("stop", p.stop.slice(0, STOP_MAX), ok);
  }
  if (p.logitBias.trim()) {
    const parsed = parseJson(p.logitBias);
    if (
      !parsed.ok ||
      typeof parsed.value !== "object" ||
      parsed.value === null ||
      Array.isArray(parsed.value)
    ) {
      b.problem(
        "logit_bias",
        'logit_bias must be a JSON object of token ids to biases, e.g. {"1734": -100}.',
      );
    } else {
      const entries = Object.entries(parsed.value as Record<string, unknown>);
      const { min, max } = PARAM_BOUNDS.logitBias;
      const bad = entries.find(([k, v]) => !/^\d+$/.test(k) || typeof v !== "number" || v < min || v > max);
      if (bad)
        b.problem(
          "logit_bias",
          `logit_bias: "${bad[0]}" must be a token id with a bias from ${min} to ${max}.`,
        );
      else b.put("logit_bias", parsed.value, chatish === true ? b.sampling : chatish);
    }
  }
}

function outputCap(b: Builder): void {
  const v = b.setup.params.maxOutputTokens ?? defaultMaxOutput(b.setup.api, b.model);
  if (v === null) return;
  const min = MIN_OUTPUT_TOKENS[b.setup.api];
  const max = b.model.maxOutput;
  if (!Number.isInteger(v) || v < min || v > max) {
    b.problem(
      "max_output_tokens",
      `Max output tokens must be a whole number from ${min} to ${max} for ${b.model.label}.`,
    );
    return;
  }
  const key = { responses: "max_output_tokens", chat: "max_completion_tokens", completions: "max_tokens" }[
    b.setup.api
  ];
  b.put(key, v, true, "max_output_tokens");
}

function logprobs(b: Builder): void {
  const p = b.setup.params;
  if (!p.logprobs) return;
  const top = inRange(b, "top_logprobs", p.topLogprobs, { min: 0, max: TOP_LOGPROBS_MAX[b.setup.api] });
  if (b.logprobs !== true) {
    b.omitted.push({ param: "logprobs", reason: b.logprobs });
    return;
  }
  if (b.setup.api === "chat") {
    b.body.logprobs = true;
    if (top !== undefined) b.body.top_logprobs = top;
  } else if (b.setup.api === "responses") {
    b.body.include = ["message.output_text.logprobs"];
    if (top !== undefined) b.body.top_logprobs = top;
  } else {
    b.body.logprobs = top ?? 0;
  }
}

function reasoning(b: Builder): void {
  const { reasoningEffort: effort, reasoningSummary: summary } = b.setup.params;
  if (b.setup.api === "chat") {
    b.put("reasoning_effort", effort, b.reasoning);
    b.put(
      "reasoning_summary",
      summary,
      "Chat Completions does not return reasoning summaries (Responses only).",
    );
  } else if (b.setup.api === "responses") {
    if (effort === undefined && summary === undefined) return;
    if (b.reasoning !== true) {
      b.omitted.push({ param: "reasoning", reason: b.reasoning });
      return;
    }
    b.body.reasoning = { ...(effort ? { effort } : {}), ...(summary ? { summary } : {}) };
  } else {
    b.put("reasoning_effort", effort, b.only("responses", "chat"));
  }
}

function common(b: Builder): void {
  const p = b.setup.params;
  const notLegacy = b.only("responses", "chat");
  b.put("service_tier", p.serviceTier, notLegacy);
  b.put("store", p.store, notLegacy);
  if (p.metadata.length) {
    const meta: Record<string, string> = {};
    for (const { key, value } of p.metadata) {
      if (!key) continue;
      if (key.length > METADATA_LIMITS.keyChars)
        b.problem(
          "metadata",
          `Metadata key "${key.slice(0, 20)}…" is over ${METADATA_LIMITS.keyChars} characters.`,
        );
      if (value.length > METADATA_LIMITS.valueChars)
        b.problem(
          "metadata",
          `Metadata value for "${key}" is over ${METADATA_LIMITS.valueChars} characters.`,
        );
      meta[key] = value;
    }
    if (Object.keys(meta).length > METADATA_LIMITS.pairs)
      b.problem("metadata", `At most ${METADATA_LIMITS.pairs} metadata pairs.`);
    b.put("metadata", Object.keys(meta).length ? meta : undefined, notLegacy);
  }
  if (p.verbosity) {
    if (b.setup.api === "chat") b.body.verbosity = p.verbosity;
    else if (b.setup.api === "responses")
      b.body.text = { ...(b.body.text as Body | undefined), verbosity: p.verbosity };
    else b.omitted.push({ param: "verbosity", reason: "Legacy Completions does not take it." });
  }
}

function schemaOf(b: Builder, tool: FunctionTool): unknown {
  if (!tool.parameters.trim()) return { type: "object", properties: {} };
  const parsed = parseJson(tool.parameters);
  if (!parsed.ok) {
    b.problem(
      `tools.${tool.name || "?"}`,
      `The parameters of tool "${tool.name}" are not valid JSON: ${parsed.message}`,
    );
    return undefined;
  }
  return parsed.value;
}

function tools(b: Builder): void {
  const s = b.setup;
  if (s.api === "completions") {
    if (s.tools.length) b.omitted.push({ param: "tools", reason: "Legacy Completions does not take tools." });
    return;
  }
  const fns = s.tools.map((t) => {
    if (!NAME_PATTERN.test(t.name))
      b.problem("tools", `Tool name "${t.name}" must be 1–64 letters, digits, _ or -.`);
    const parameters = schemaOf(b, t);
    const fn = {
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      parameters,
      strict: t.strict,
    };
    return s.api === "chat" ? { type: "function", function: fn } : { type: "function", ...fn };
  });
  const builtin: Body[] = [];
  const bt = s.builtinTools;
  if (s.api === "responses") {
    if (bt.fileSearch.enabled) {
      if (!bt.fileSearch.vectorStoreIds.length)
        b.problem("file_search", "File search needs at least one vector store.");
      builtin.push({
        type: "file_search",
        vector_store_ids: bt.fileSearch.vectorStoreIds,
        ...(bt.fileSearch.maxNumResults ? { max_num_results: bt.fileSearch.maxNumResults } : {}),
      });
    }
    if (bt.webSearch.enabled)
      builtin.push({ type: "web_search", search_context_size: bt.webSearch.contextSize });
    if (bt.codeInterpreter.enabled) builtin.push({ type: "code_interpreter", container: { type: "auto" } });
    if (bt.imageGeneration.enabled) builtin.push({ type: "image_generation" });
  } else if (Object.values(bt).some((t) => t.enabled)) {
    b.omitted.push({ param: "built-in tools", reason: "Built-in tools need the Responses API." });
  }
  const all = [...fns, ...builtin];
  if (!all.length) return;
  if (b.tools !== true) {
    b.omitted.push({ param: "tools", reason: b.tools });
    return;
  }
  b.body.tools = all;
  const choice = s.toolChoice;
  if (typeof choice === "object") {
    if (!s.tools.some((t) => t.name === choice.name))
      b.problem("tool_choice", `tool_choice names "${choice.name}", which is not one of the tools.`);
    b.body.tool_choice =
      s.api === "chat"
        ? { type: "function", function: { name: choice.name } }
        : { type: "function", name: choice.name };
  } else if (choice !== "auto") {
    b.body.tool_choice = choice;
  }
  if (!s.parallelToolCalls) b.body.parallel_tool_calls = false;
}

function responseFormat(b: Builder): void {
  const f = b.setup.responseFormat;
  if (f.type === "text") return;
  if (b.setup.api === "completions") {
    b.omitted.push({
      param: "response_format",
      reason: "Legacy Completions does not take a response format.",
    });
    return;
  }
  let format: Body;
  if (f.type === "json_object") {
    format = { type: "json_object" };
  } else {
    if (!NAME_PATTERN.test(f.name))
      b.problem("response_format", "The schema name must be 1–64 letters, digits, _ or -.");
    const parsed = parseJson(f.schema);
    if (!parsed.ok) {
      b.problem("response_format", `The JSON schema is not valid JSON: ${parsed.message}`);
      return;
    }
    if (!b.model.capabilities.structuredOutputs) {
      b.omitted.push({
        param: "response_format",
        reason: `${b.model.label} does not support structured outputs.`,
      });
      return;
    }
    format = { type: "json_schema", name: f.name, schema: parsed.value, strict: f.strict };
  }
  if (b.setup.api === "chat") {
    b.body.response_format =
      format.type === "json_schema"
        ? {
            type: "json_schema",
            json_schema: {
              name: f.type === "json_schema" ? f.name : "",
              schema: format.schema,
              strict: format.strict,
            },
          }
        : format;
  } else {
    b.body.text = { format, ...(b.body.text as Body | undefined) };
  }
}

function chatContent(m: Message): unknown {
  if (!m.images.length) return m.content;
  return [
    ...(m.content ? [{ type: "text", text: m.content }] : []),
    ...m.images.map((i) => ({ type: "image_url", image_url: { url: i.url, detail: i.detail } })),
  ];
}

/** Blank messages (the empty box left for the next turn) are not sent; tool outputs always are. */
function sendable(messages: Message[]): Message[] {
  return messages.filter(
    (m) => m.role === "tool" || m.content.trim() || m.images.length || m.toolCalls?.length,
  );
}

/** The role Chat sends the instructions under: the setup's choice, or on auto the model's. */
export function instructionsRoleOf(
  setup: Pick<Setup, "instructionsRole">,
  model: ResolvedModel,
): InstructionRole {
  return setup.instructionsRole === "auto" ? model.instructionsRole : setup.instructionsRole;
}

function chatMessages(b: Builder): unknown[] {
  const s = b.setup;
  const out: unknown[] = [];
  if (s.instructions.trim()) out.push({ role: instructionsRoleOf(s, b.model), content: s.instructions });
  for (const m of sendable(s.messages)) {
    if (m.role === "tool") out.push({ role: "tool", tool_call_id: m.toolCallId ?? "", content: m.content });
    else if (m.role === "assistant" && m.toolCalls?.length)
      out.push({
        role: "assistant",
        content: m.content || null,
        tool_calls: m.toolCalls.map((c) => ({
          id: c.id,
          type: "function",
          function: { name: c.name, arguments: c.arguments },
        })),
      });
    else if (m.role === "assistant") out.push({ role: "assistant", content: m.content });
    else out.push({ role: m.role, content: chatContent(m) });
  }
  return out;
}

function responsesInput(b: Builder): unknown[] {
  const out: unknown[] = [];
  for (const m of sendable(b.setup.messages)) {
    if (m.role === "tool") {
      out.push({ type: "function_call_output", call_id: m.toolCallId ?? "", output: m.content });
      continue;
    }
    if (m.role === "assistant") {
      if (m.content) out.push({ role: "assistant", content: m.content });
      for (const c of m.toolCalls ?? [])
        out.push({ type: "function_call", call_id: c.id, name: c.name, arguments: c.arguments });
      continue;
    }
    out.push({
      role: m.role,
      content: m.images.length
        ? [
            ...(m.content ? [{ type: "input_text", text: m.content }] : []),
            ...m.images.map((i) => ({ type: "input_image", image_url: i.url, detail: i.detail })),
          ]
        : m.content,
    });
  }
  return out;
}

function images(b: Builder): void {
  const count = b.setup.messages.reduce((a, m) => a + m.images.length, 0);
  if (!count) return;
  if (b.setup.api === "completions") b.problem("images", "Legacy Completions does not take images.");
  else if (!b.model.capabilities.vision)
    b.problem("images", `${b.model.label} does not accept images; remove them or pick a vision model.`);
  if (count > IMAGE_LIMITS.perRequest)
    b.problem("images", `At most ${IMAGE_LIMITS.perRequest} images per request.`);
  // Data URLs are base64: 4 characters per 3 bytes. URLs of remote images do not count here.
  const bytes = b.setup.messages
    .flatMap((m) => m.images)
    .reduce(
      (a, i) =>
        a + (i.url.startsWith("data:") ? Math.floor(((i.url.length - i.url.indexOf(",") - 1) * 3) / 4) : 0),
      0,
    );
  if (bytes > IMAGE_LIMITS.bytesPerRequest)
    b.problem(
      "images",
      `The images add up to ${(bytes / 1048576).toFixed(1)} MB; a request takes at most ${IMAGE_LIMITS.bytesPerRequest / 1048576} MB of images.`,
    );
}

export function buildRequest(setup: Setup, model: ResolvedModel): BuildResult {
  const b = new Builder(setup, model);
  if (!setup.model.trim()) b.problem("model", "Pick a model.");
  b.body.model = setup.model;
  if (setup.api === "completions") {
    b.body.prompt = setup.prompt;
    if (!setup.prompt) b.problem("prompt", "Write a prompt.");
  } else if (setup.api === "chat") {
    b.body.messages = chatMessages(b);
    if (!(b.body.messages as unknown[]).length) b.problem("messages", "Add at least one message.");
  } else {
    if (setup.instructions.trim()) b.body.instructions = setup.instructions;
    b.body.input = responsesInput(b);
    if (!(b.body.input as unknown[]).length) b.problem("messages", "Add at least one message.");
  }
  if (!model.capabilities.apis.includes(setup.api) && model.matched)
    b.problem(
      "api",
      `${model.label} is not served by the ${API_LABELS[setup.api]} API; switch to ${model.capabilities.apis.map((a) => API_LABELS[a]).join(" or ")}.`,
    );
  images(b);
  sampling(b);
  outputCap(b);
  logprobs(b);
  reasoning(b);
  tools(b);
  responseFormat(b);
  common(b);
  if (setup.stream) {
    b.body.stream = true;
    if (setup.api !== "responses") b.body.stream_options = { include_usage: true };
  }
  const path = { responses: "/responses", chat: "/chat/completions", completions: "/completions" }[setup.api];
  return {
    path,
    body: b.body,
    text: JSON.stringify(b.body, null, 2),
    omitted: b.omitted,
    problems: b.problems,
  };
}
