import { ApiError } from "@/lib/errors";
import { type AssistantConfig, type AssistantTool, type AssistantVariable, VARIABLE_PATTERN } from "./schema";

/**
 * The `prompt` expansion (docs/assistants-proxy.md): a Responses request that names a saved
 * assistant, `{ prompt: { id, version?, variables? }, ...rest }`, becomes the body the upstream
 * receives. Pure; the proxy (lib/server/proxy/prompt.ts) resolves the assistant and calls these.
 */

export interface PromptRef {
  id: string;
  version: string | null;
  /** Values as the API allows them: strings, or `{type:"input_text", text}`. */
  variables: Record<string, unknown>;
}

const PROMPT_KEYS = new Set(["id", "version", "variables"]);

/** A variable's given value, in characters; a saved default has the same cap (schema.ts). */
export const VARIABLE_VALUE_MAX = 100_000;
/**
 * The expanded instructions, in characters. Checked from placeholder counts × value lengths before
 * any text is built, so `{{x}}` repeated with a long value cannot make the process build gigabytes.
 */
export const EXPANDED_INSTRUCTIONS_MAX = 1_000_000;

const bad = (message: string, param: string, code: string) =>
  new ApiError({ type: "invalid_request_error", status: 400, message, param, code });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The request's `prompt`, checked; null when it has none. A malformed one: a 400 ApiError (param `prompt…`). */
export function readPromptRef(body: Record<string, unknown>): PromptRef | null {
  const prompt = body.prompt;
  if (prompt === undefined || prompt === null) return null;
  if (!isRecord(prompt)) {
    throw bad(
      "`prompt` must be an object: { id: <assistant id>, version?: <number as text>, variables?: {…} }.",
      "prompt",
      "invalid_prompt",
    );
  }
  for (const key of Object.keys(prompt)) {
    if (!PROMPT_KEYS.has(key)) {
      throw bad(
        `Unknown field \`prompt.${key.slice(0, 64)}\`. A prompt takes id, version and variables.`,
        `prompt.${key.slice(0, 64)}`,
        "unknown_parameter",
      );
    }
  }
  const { id, version, variables } = prompt;
  if (typeof id !== "string" || id === "") {
    throw bad("`prompt.id` must be the id of a saved assistant (asst_bt_…).", "prompt.id", "invalid_prompt");
  }
  let v: string | null = null;
  if (typeof version === "number" && Number.isSafeInteger(version) && version > 0) v = String(version);
  else if (typeof version === "string" && /^(?:[1-9]\d{0,8}|latest|production)$/.test(version)) v = version;
  else if (version !== undefined && version !== null) {
    throw bad(
      '`prompt.version` must be a version number ("3" or 3), "latest" or "production"; without it, the production version runs (the latest when none is marked).',
      "prompt.version",
      "invalid_prompt",
    );
  }
  if (variables !== undefined && variables !== null && !isRecord(variables)) {
    throw bad(
      "`prompt.variables` must be an object of variable name → value.",
      "prompt.variables",
      "invalid_prompt",
    );
  }
  return { id, version: v, variables: (variables as Record<string, unknown> | null | undefined) ?? {} };
}

interface Problem {
  code: "missing_variable" | "unknown_variable" | "invalid_variable";
  name: string;
  message: string;
}

/** A given value as text, or the reason it cannot be one. */
function valueText(value: unknown): { text: string } | { error: string } {
  if (typeof value === "string") return { text: value };
  if (typeof value === "number" && Number.isFinite(value)) return { text: String(value) };
  if (typeof value === "boolean") return { text: String(value) };
  if (isRecord(value)) {
    if (value.type === "input_text" && typeof value.text === "string") return { text: value.text };
    if (value.type === "input_image" || value.type === "input_file") {
      return {
        error: `is an ${value.type}; assistants' variables are text only. Put images and files in \`input\` instead.`,
      };
    }
  }
  return { error: 'must be a string or {"type":"input_text","text":"…"}.' };
}

/** The value checked against the variable's type: its text, or the reason it does not fit. */
function typed(v: AssistantVariable, text: string): { text: string } | { error: string } {
  switch (v.type) {
    case "string":
      return { text };
    case "number":
      return text.trim() !== "" && Number.isFinite(Number(text))
        ? { text: text.trim() }
        : { error: `must be a number, got ${quote(text)}.` };
    case "integer":
      return /^\s*-?\d+\s*$/.test(text) && Number.isSafeInteger(Number(text))
        ? { text: text.trim() }
        : { error: `must be a whole number, got ${quote(text)}.` };
    case "boolean":
      return text === "true" || text === "false"
        ? { text }
        : { error: `must be true or false, got ${quote(text)}.` };
    case "enum": {
      const options = v.options ?? [];
      return options.includes(text)
        ? { text }
        : { error: `must be one of ${options.map(quote).join(", ")}, got ${quote(text)}.` };
    }
  }
}

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/**
 * Instructions with `{{name}}` replaced. Missing (no value, no default), unknown (not declared) or
 * ill-typed variables: a 400 ApiError naming each problem (code `missing_variable`,
 * `unknown_variable`, `invalid_variable`; param `prompt.variables.<name>`).
 */
export function substituteVariables(
  config: Pick<AssistantConfig, "instructions" | "variables">,
  given: Record<string, unknown>,
): string {
  const problems: Problem[] = [];
  const values = new Map<string, string>();
  const declared = new Map(config.variables.map((v) => [v.name, v]));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) {
      const known = config.variables.map((v) => v.name);
      problems.push({
        code: "unknown_variable",
        name,
        message: `\`${name.slice(0, 64)}\` is not a variable of this assistant (${known.length ? `it has ${known.join(", ")}` : "it has none"}).`,
      });
    }
  }
  for (const v of config.variables) {
    const has = Object.hasOwn(given, v.name) && given[v.name] !== undefined;
    if (!has) {
      if (v.default === undefined) {
        problems.push({
          code: "missing_variable",
          name: v.name,
          message: `\`${v.name}\` (${v.type}) is required: it has no default.`,
        });
      } else {
        values.set(v.name, v.default);
      }
      continue;
    }
    const raw = valueText(given[v.name]);
    const checked =
      "text" in raw && raw.text.length > VARIABLE_VALUE_MAX
        ? {
            error: `is ${raw.text.length.toLocaleString("en-US")} characters long; a value may have at most ${VARIABLE_VALUE_MAX.toLocaleString("en-US")}.`,
          }
        : "text" in raw
          ? typed(v, raw.text)
          : raw;
    if ("error" in checked) {
      problems.push({ code: "invalid_variable", name: v.name, message: `\`${v.name}\` ${checked.error}` });
    } else {
      values.set(v.name, checked.text);
    }
  }
  if (problems.length > 0) {
    const first = problems[0] as Problem;
    const list = problems.map((p) => p.message).join(" ");
    throw bad(
      `${problems.length === 1 ? "A variable" : `${problems.length} variables`} of the assistant could not be used: ${list}`,
      `prompt.variables.${first.name.slice(0, 64)}`,
      first.code,
    );
  }
  checkExpandedLength(config.instructions, values);
  // A placeholder that names no declared variable stays as written (the builder flags it on save).
  return config.instructions.replace(VARIABLE_PATTERN, (whole, name: string) => values.get(name) ?? whole);
}

/** Refuses, before building it, instructions that would expand past EXPANDED_INSTRUCTIONS_MAX. */
function checkExpandedLength(instructions: string, values: Map<string, string>): void {
  let total = instructions.length;
  const growth = new Map<string, number>();
  for (const m of instructions.matchAll(VARIABLE_PATTERN)) {
    const value = values.get(m[1] as string);
    if (value === undefined) continue;
    const delta = value.length - m[0].length;
    total += delta;
    growth.set(m[1] as string, (growth.get(m[1] as string) ?? 0) + delta);
  }
  if (total <= EXPANDED_INSTRUCTIONS_MAX) return;
  const [name] = [...growth.entries()].reduce((a, b) => (b[1] > a[1] ? b : a), ["", 0]);
  throw bad(
    `The assistant's instructions would be ${total.toLocaleString("en-US")} characters long once variables are substituted (at most ${EXPANDED_INSTRUCTIONS_MAX.toLocaleString("en-US")}). \`${name.slice(0, 64)}\` grows them most: send a shorter value, or put long text in \`input\`.`,
    `prompt.variables.${name.slice(0, 64)}`,
    "instructions_too_long",
  );
}

/** JSON text saved in a version (schemas, filters), parsed; validated on save, so a failure is a broken version. */
function parseSaved(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError({
      type: "invalid_request_error",
      status: 400,
      code: "invalid_assistant",
      param: "prompt",
      message: `The assistant's ${what} is not valid JSON; open it in Benchtop and save a corrected version.`,
    });
  }
}

function toolBody(
  tool: AssistantTool,
  mcpHeaders: Record<string, Record<string, string>> | null,
): Record<string, unknown> {
  switch (tool.type) {
    case "function":
      return {
        type: "function",
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        parameters: tool.parameters.trim()
          ? parseSaved(tool.parameters, `parameters of function ${tool.name}`)
          : { type: "object", properties: {} },
        strict: tool.strict,
      };
    case "file_search": {
      const ranking: Record<string, unknown> = {};
      if (tool.ranker !== undefined) ranking.ranker = tool.ranker;
      if (tool.scoreThreshold !== undefined) ranking.score_threshold = tool.scoreThreshold;
      return {
        type: "file_search",
        vector_store_ids: tool.vectorStoreIds,
        ...(tool.maxNumResults !== undefined ? { max_num_results: tool.maxNumResults } : {}),
        ...(Object.keys(ranking).length ? { ranking_options: ranking } : {}),
        ...(tool.filters.trim() ? { filters: parseSaved(tool.filters, "file search filter") } : {}),
      };
    }
    case "web_search":
      return {
        type: "web_search",
        ...(tool.contextSize !== undefined ? { search_context_size: tool.contextSize } : {}),
        ...(tool.allowedDomains.length ? { filters: { allowed_domains: tool.allowedDomains } } : {}),
      };
    case "code_interpreter":
      return {
        type: "code_interpreter",
        container:
          tool.container.type === "id"
            ? tool.container.id
            : {
                type: "auto",
                file_ids: tool.container.fileIds,
                ...(tool.container.memoryLimit ? { memory_limit: tool.container.memoryLimit } : {}),
              },
      };
    case "image_generation":
      return {
        type: "image_generation",
        ...(tool.model ? { model: tool.model } : {}),
        ...(tool.size ? { size: tool.size } : {}),
        ...(tool.quality ? { quality: tool.quality } : {}),
        ...(tool.background ? { background: tool.background } : {}),
        ...(tool.outputFormat ? { output_format: tool.outputFormat } : {}),
      };
    case "mcp": {
      const stored = mcpHeaders?.[tool.serverLabel] ?? {};
      const headers: Record<string, string> = {};
      for (const name of tool.headerNames) {
        const value = stored[name];
        if (value) headers[name] = value;
      }
      return {
        type: "mcp",
        server_label: tool.serverLabel,
        server_url: tool.serverUrl,
        ...(tool.serverDescription ? { server_description: tool.serverDescription } : {}),
        ...(tool.allowedTools !== null ? { allowed_tools: tool.allowedTools } : {}),
        require_approval: tool.requireApproval,
        ...(Object.keys(headers).length ? { headers } : {}),
      };
    }
  }
}

function textFormat(format: AssistantConfig["responseFormat"]): Record<string, unknown> | null {
  switch (format.type) {
    case "text":
      return null;
    case "json_object":
      return { type: "json_object" };
    case "json_schema":
      return {
        type: "json_schema",
        name: format.name,
        schema: parseSaved(format.schema, "response format schema"),
        strict: format.strict,
      };
  }
}

/**
 * The Responses body a version stands for (model, instructions, tools, text, reasoning, sampling,
 * truncation, context_management, store, metadata), without `input`. `mcpHeaders` fills MCP tools'
 * `headers`; pass null where secrets must not appear (view code, the builder's preview).
 */
export function configToResponsesBody(
  config: AssistantConfig,
  instructions: string,
  mcpHeaders: Record<string, Record<string, string>> | null,
): Record<string, unknown> {
  const body: Record<string, unknown> = { model: config.model };
  if (instructions) body.instructions = instructions;
  if (config.tools.length) body.tools = config.tools.map((t) => toolBody(t, mcpHeaders));
  if (config.toolChoice !== undefined) body.tool_choice = config.toolChoice;
  if (config.parallelToolCalls !== undefined) body.parallel_tool_calls = config.parallelToolCalls;
  const text: Record<string, unknown> = {};
  const format = textFormat(config.responseFormat);
  if (format) text.format = format;
  if (config.verbosity !== undefined) text.verbosity = config.verbosity;
  if (Object.keys(text).length) body.text = text;
  const reasoning: Record<string, unknown> = {};
  if (config.reasoningEffort !== undefined) reasoning.effort = config.reasoningEffort;
  if (config.reasoningSummary !== undefined) reasoning.summary = config.reasoningSummary;
  if (Object.keys(reasoning).length) body.reasoning = reasoning;
  if (config.temperature !== undefined) body.temperature = config.temperature;
  if (config.topP !== undefined) body.top_p = config.topP;
  if (config.maxOutputTokens !== undefined) body.max_output_tokens = config.maxOutputTokens;
  if (config.truncation !== undefined) body.truncation = config.truncation;
  if (config.compactThreshold !== undefined) {
    body.context_management = [{ type: "compaction", compact_threshold: config.compactThreshold }];
  }
  if (config.store !== undefined) body.store = config.store;
  if (config.metadata.length)
    body.metadata = Object.fromEntries(config.metadata.map((m) => [m.key, m.value]));
  return body;
}

/** The key a request tool replaces an assistant tool by: a function's name or an MCP server's label. */
function toolKey(tool: unknown): string | null {
  if (!isRecord(tool)) return null;
  if (tool.type === "function" && typeof tool.name === "string") return `function:${tool.name}`;
  if (tool.type === "mcp" && typeof tool.server_label === "string") return `mcp:${tool.server_label}`;
  return null;
}

/** Settings objects the request refines key by key rather than replaces. */
const MERGED = new Set(["metadata", "text", "reasoning"]);

/**
 * The body to forward: the version's body, overridden by the request's own fields where the API
 * allows (scalars win; `tools` appended, a request tool with the same function name or MCP label
 * replacing the assistant's; `metadata`, `text` and `reasoning` merged key by key, the request's
 * keys winning), `prompt` removed.
 */
export function expandRequest(
  request: Record<string, unknown>,
  assistantBody: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...assistantBody };
  for (const [key, value] of Object.entries(request)) {
    if (key === "prompt") continue;
    const base = out[key];
    if (key === "tools" && Array.isArray(value) && Array.isArray(base)) {
      const own = new Map<string, unknown>();
      for (const t of value) {
        const k = toolKey(t);
        if (k) own.set(k, t);
      }
      const merged = base.map((t) => {
        const k = toolKey(t);
        const replacement = k ? own.get(k) : undefined;
        if (k && replacement) own.delete(k);
        return replacement ?? t;
      });
      const placed = new Set(merged);
      for (const t of value) if (!placed.has(t)) merged.push(t);
      out.tools = merged;
    } else if (MERGED.has(key) && isRecord(value) && isRecord(base)) {
      out[key] = { ...base, ...value };
    } else {
      out[key] = value;
    }
  }
  return out;
}
