import type { ResolvedModel } from "@/lib/models/catalogue";
import { MIN_OUTPUT_TOKENS, NAME_PATTERN, PARAM_BOUNDS } from "@/lib/openai-facts";
import { type AssistantConfig, type AssistantTool, VARIABLE_PATTERN } from "./schema";

/**
 * What a version would send that its model refuses or that cannot work, from the model catalogue
 * (data, never a branch per model): sampling on a model without it, a tool type the model does not
 * take on Responses, reasoning settings on a non-reasoning model, a JSON schema on a model without
 * structured outputs, a `{{variable}}` not declared (or declared and unused), JSON text that does
 * not parse. The builder shows the list; the save route refuses `error`s and keeps `warning`s.
 */

export interface ConfigIssue {
  level: "error" | "warning";
  /** A dotted path into the config: `temperature`, `tools.2.parameters`, `variables.city`. */
  path: string;
  message: string;
}

export const FILE_SEARCH_RESULTS = { min: 1, max: 50 } as const;
export const COMPACT_THRESHOLD_MIN = 1000;

const MCP_LABEL = /^[A-Za-z0-9_-]{1,64}$/;
/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,200}$/;
const COMPARISONS = new Set(["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin"]);
const COMPOUNDS = new Set(["and", "or"]);

const TOOL_LABELS: Record<AssistantTool["type"], string> = {
  function: "Function tools",
  file_search: "File search",
  web_search: "Web search",
  code_interpreter: "Code interpreter",
  image_generation: "Image generation",
  mcp: "MCP servers",
};

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Why `v` is not a file-search attribute filter (comparison or compound), or null when it is one. */
export function filterProblem(v: unknown, at = "filters"): string | null {
  if (!isRecord(v) || typeof v.type !== "string") return `${at} must be an object with a "type".`;
  if (COMPARISONS.has(v.type)) {
    if (typeof v.key !== "string" || !v.key) return `${at}: a comparison needs a "key".`;
    const value = v.value;
    const scalar = (x: unknown) => ["string", "number", "boolean"].includes(typeof x);
    if (v.type === "in" || v.type === "nin") {
      if (!Array.isArray(value) || !value.every(scalar))
        return `${at}: "${v.type}" compares against an array of strings or numbers.`;
    } else if (!scalar(value)) return `${at}: "value" must be a string, number or boolean.`;
    return null;
  }
  if (COMPOUNDS.has(v.type)) {
    if (!Array.isArray(v.filters) || v.filters.length === 0)
      return `${at}: "${v.type}" needs a non-empty "filters" array.`;
    for (const [i, f] of v.filters.entries()) {
      const p = filterProblem(f, `${at}.filters.${i}`);
      if (p) return p;
    }
    return null;
  }
  return `${at}: type "${v.type}" is neither a comparison (${[...COMPARISONS].join(", ")}) nor a compound filter (and, or).`;
}

function isLocalHttp(url: URL): boolean {
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/** `{{name}}` placeholders in the instructions, in order of first use. */
export function placeholders(instructions: string): string[] {
  return [...new Set([...instructions.matchAll(VARIABLE_PATTERN)].map((m) => m[1] as string))];
}

const between = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max;

/** `model`: resolved with the admin's overrides (`useModels()` in the browser; a model nobody knows gets the defaults). */
export function validateConfig(config: AssistantConfig, model: ResolvedModel): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const error = (path: string, message: string) => issues.push({ level: "error", path, message });
  const warn = (path: string, message: string) => issues.push({ level: "warning", path, message });
  const caps = model.capabilities;
  const label = model.label || model.model;

  if (!config.name.trim()) error("name", "Give the assistant a name.");
  if (!config.model.trim()) error("model", "Choose a model.");

  // Sampling and reasoning
  const effortOn = config.reasoningEffort !== undefined && config.reasoningEffort !== "none";
  for (const [key, bounds, param] of [
    ["temperature", PARAM_BOUNDS.temperature, "temperature"],
    ["topP", PARAM_BOUNDS.topP, "top_p"],
  ] as const) {
    const v = config[key];
    if (v === undefined) continue;
    if (!caps.sampling) error(key, `${label} does not take ${param}. Remove it.`);
    else if (caps.samplingRequiresEffortNone && (effortOn || !config.reasoningEffort))
      error(
        key,
        `${label} takes ${param} only with reasoning effort "none". Set the effort to none or remove ${param}.`,
      );
    else if (!between(v, bounds.min, bounds.max))
      error(key, `${param} must be between ${bounds.min} and ${bounds.max}.`);
  }
  if (!caps.reasoning) {
    if (config.reasoningEffort !== undefined)
      error("reasoningEffort", `${label} is not a reasoning model: it takes no reasoning effort.`);
    if (config.reasoningSummary !== undefined)
      error("reasoningSummary", `${label} is not a reasoning model: it gives no reasoning summary.`);
  }

  if (config.maxOutputTokens !== undefined) {
    const v = config.maxOutputTokens;
    const min = MIN_OUTPUT_TOKENS.responses;
    if (!Number.isInteger(v) || v < min)
      error("maxOutputTokens", `Max output tokens must be a whole number ≥ ${min}.`);
    else if (model.maxOutput > 0 && v > model.maxOutput)
      error(
        "maxOutputTokens",
        `${label} writes at most ${model.maxOutput.toLocaleString("en-US")} output tokens.`,
      );
  }
  if (config.compactThreshold !== undefined) {
    const v = config.compactThreshold;
    if (!Number.isInteger(v) || v < COMPACT_THRESHOLD_MIN)
      error(
        "compactThreshold",
        `The compaction threshold must be a whole number of tokens ≥ ${COMPACT_THRESHOLD_MIN}.`,
      );
    else if (model.contextWindow > 0 && v >= model.contextWindow)
      warn(
        "compactThreshold",
        `${label}'s context window is ${model.contextWindow.toLocaleString("en-US")} tokens: compaction would never start.`,
      );
  }

  // Response format
  const rf = config.responseFormat;
  if (rf.type === "json_schema") {
    if (!caps.structuredOutputs)
      error("responseFormat", `${label} does not take a JSON schema response format.`);
    if (!NAME_PATTERN.test(rf.name))
      error("responseFormat.name", "The schema name is 1–64 letters, digits, _ or -.");
    const parsed = parseJson(rf.schema);
    if (!parsed.ok) error("responseFormat.schema", `The JSON schema does not parse: ${parsed.error}`);
    else if (!isRecord(parsed.value)) error("responseFormat.schema", "The JSON schema must be an object.");
  }

  // Tools
  if (config.tools.length > 0 && model.tools.responses.length === 0)
    error("tools", `${label} takes no tools on the Responses API.`);
  const functionNames = new Map<string, number>();
  const mcpLabels = new Map<string, number>();
  for (const [i, tool] of config.tools.entries()) {
    const at = `tools.${i}`;
    if (model.tools.responses.length > 0 && !model.tools.responses.includes(tool.type))
      error(at, `${TOOL_LABELS[tool.type]}: ${label} does not take this tool on the Responses API.`);
    switch (tool.type) {
      case "function": {
        if (!NAME_PATTERN.test(tool.name))
          error(`${at}.name`, "A function name is 1–64 letters, digits, _ or -.");
        const seen = functionNames.get(tool.name);
        if (seen !== undefined)
          error(`${at}.name`, `Another function (tool ${seen + 1}) is named "${tool.name}".`);
        else functionNames.set(tool.name, i);
        const p = parseJson(tool.parameters || "{}");
        if (!p.ok) error(`${at}.parameters`, `The parameters schema does not parse: ${p.error}`);
        else if (!isRecord(p.value))
          error(`${at}.parameters`, "The parameters schema must be a JSON object.");
        break;
      }
      case "file_search": {
        if (tool.vectorStoreIds.length === 0)
          error(`${at}.vectorStoreIds`, "Choose at least one vector store.");
        const n = tool.maxNumResults;
        if (
          n !== undefined &&
          !(Number.isInteger(n) && between(n, FILE_SEARCH_RESULTS.min, FILE_SEARCH_RESULTS.max))
        )
          error(
            `${at}.maxNumResults`,
            `Max results must be a whole number from ${FILE_SEARCH_RESULTS.min} to ${FILE_SEARCH_RESULTS.max}.`,
          );
        if (tool.scoreThreshold !== undefined && !between(tool.scoreThreshold, 0, 1))
          error(`${at}.scoreThreshold`, "The score threshold must be between 0 and 1.");
        if (tool.filters.trim()) {
          const f = parseJson(tool.filters);
          if (!f.ok) error(`${at}.filters`, `The filters do not parse: ${f.error}`);
          else {
            const problem = filterProblem(f.value);
            if (problem) error(`${at}.filters`, problem);
          }
        }
        break;
      }
      case "code_interpreter":
        if (tool.container.type === "id" && !tool.container.id.trim())
          error(`${at}.container`, "Give the container id, or let a new container start per conversation.");
        break;
      case "mcp": {
        if (!MCP_LABEL.test(tool.serverLabel))
          error(`${at}.serverLabel`, "A server label is 1–64 letters, digits, _ or -.");
        const seen = mcpLabels.get(tool.serverLabel);
        if (seen !== undefined)
          error(
            `${at}.serverLabel`,
            `Another MCP server (tool ${seen + 1}) is labelled "${tool.serverLabel}".`,
          );
        else mcpLabels.set(tool.serverLabel, i);
        let url: URL | null = null;
        try {
          url = new URL(tool.serverUrl);
        } catch {
          url = null;
        }
        if (!url || !(url.protocol === "https:" || isLocalHttp(url)))
          error(
            `${at}.serverUrl`,
            "The server URL must be https:// (or http://localhost for a local server).",
          );
        const headers = new Set<string>();
        for (const [j, name] of tool.headerNames.entries()) {
          if (!HEADER_NAME.test(name))
            error(`${at}.headerNames.${j}`, `"${name}" is not a valid HTTP header name.`);
          else if (headers.has(name.toLowerCase()))
            error(`${at}.headerNames.${j}`, `Header "${name}" is listed twice.`);
          headers.add(name.toLowerCase());
        }
        if (tool.allowedTools?.length === 0)
          warn(`${at}.allowedTools`, "No tool is allowed: the model cannot call this server.");
        break;
      }
      default:
        break;
    }
  }

  // Variables
  const used = placeholders(config.instructions);
  const declared = new Map<string, number>();
  for (const [i, v] of config.variables.entries()) {
    const at = `variables.${v.name}`;
    if (declared.has(v.name)) error(at, `Variable "${v.name}" is declared twice.`);
    declared.set(v.name, i);
    if (!used.includes(v.name)) warn(at, `Variable "${v.name}" is not used in the instructions.`);
    const d = v.default;
    if (v.type === "enum") {
      const options = v.options ?? [];
      if (options.length === 0) error(at, `Variable "${v.name}" is an enum: give it options.`);
      else if (d === undefined || !options.includes(d))
        error(at, `Variable "${v.name}": the default must be one of its options.`);
      if (new Set(options).size !== options.length) error(at, `Variable "${v.name}" lists an option twice.`);
    } else if (d !== undefined && d !== "") {
      if (v.type === "number" && !Number.isFinite(Number(d)))
        error(at, `Variable "${v.name}": the default is not a number.`);
      if (v.type === "integer" && !/^-?\d+$/.test(d.trim()))
        error(at, `Variable "${v.name}": the default is not a whole number.`);
      if (v.type === "boolean" && d !== "true" && d !== "false")
        error(at, `Variable "${v.name}": the default must be true or false.`);
    }
  }
  for (const name of used)
    if (!declared.has(name))
      error("instructions", `{{${name}}} is not a declared variable. Declare it, or remove the placeholder.`);

  // Metadata
  const keys = new Set<string>();
  for (const [i, m] of config.metadata.entries()) {
    if (!m.key) error(`metadata.${i}`, "A metadata key cannot be empty.");
    else if (keys.has(m.key)) error(`metadata.${i}`, `Metadata key "${m.key}" is set twice.`);
    keys.add(m.key);
  }
  return issues;
}
