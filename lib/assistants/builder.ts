import type { BuiltRequest } from "@/lib/playground/types";
import {
  type AssistantConfig,
  type AssistantTool,
  type AssistantToolType,
  type AssistantVariable,
  type SaveVersionInput,
  VARIABLE_PATTERN,
} from "./schema";

/** The builder's pure logic (components/assistants/builder): blanks, placeholders, field anchors, the call by id. */

export function blankConfig(model = "gpt-4o-mini"): AssistantConfig {
  return {
    name: "",
    description: "",
    model,
    instructions: "",
    variables: [],
    tools: [],
    responseFormat: { type: "text" },
    metadata: [],
  };
}

const OBJECT_SCHEMA = {
  type: "object",
  properties: { location: { type: "string", description: "City and country" } },
  required: ["location"],
  additionalProperties: false,
};

export const TOOL_LABELS: Record<AssistantToolType, string> = {
  function: "Function",
  file_search: "File search",
  web_search: "Web search",
  code_interpreter: "Code interpreter",
  image_generation: "Image generation",
  mcp: "MCP server",
};

/** A new tool of `type`, named so that it does not clash with `existing` ones. */
export function blankTool(type: AssistantToolType, existing: AssistantTool[] = []): AssistantTool {
  const count = existing.filter((t) => t.type === type).length;
  switch (type) {
    case "function":
      return {
        type,
        name: count ? `function_${count + 1}` : "get_weather",
        description: "",
        parameters: JSON.stringify(OBJECT_SCHEMA, null, 2),
        strict: true,
      };
    case "file_search":
      return { type, vectorStoreIds: [], filters: "" };
    case "web_search":
      return { type, allowedDomains: [] };
    case "code_interpreter":
      return { type, container: { type: "auto", fileIds: [] } };
    case "image_generation":
      return { type };
    case "mcp":
      return {
        type,
        serverLabel: count ? `server_${count + 1}` : "server",
        serverUrl: "",
        allowedTools: null,
        requireApproval: "always",
        headerNames: [],
      };
  }
}

/** The distinct `{{name}}` placeholders of a text, in order of first use. */
export function placeholders(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(VARIABLE_PATTERN)) if (m[1]) seen.add(m[1]);
  return [...seen];
}

/** Placeholders the instructions use that no variable declares. */
export function undeclared(config: AssistantConfig): string[] {
  const declared = new Set(config.variables.map((v) => v.name));
  return placeholders(config.instructions).filter((n) => !declared.has(n));
}

/** "Add from instructions": a string variable for every undeclared placeholder, required (no default). */
export function addFromInstructions(config: AssistantConfig): AssistantVariable[] {
  return [
    ...config.variables,
    ...undeclared(config).map((name): AssistantVariable => ({ name, type: "string", description: "" })),
  ];
}

/**
 * The DOM id of the field an issue path points at (`tools.2.parameters` → `af-tools-2-parameters`),
 * falling back to its parent (`tools.2`, then `tools`) when no such field is rendered.
 */
export function fieldId(path: string): string {
  return `af-${path.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

export function fieldCandidates(path: string): string[] {
  const parts = path.split(".");
  const out: string[] = [];
  for (let i = parts.length; i > 0; i--) out.push(fieldId(parts.slice(0, i).join(".")));
  return out;
}

/** Whether two configs are the same (drafts equal to their base are not kept). */
export function sameConfig(a: AssistantConfig, b: AssistantConfig): boolean {
  return stable(a) === stable(b);
}

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>)
            .filter(([, y]) => y !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : x,
  );
}

/** A variable's default as the JSON value a caller sends (numbers and booleans typed). */
export function variableValue(v: AssistantVariable): unknown {
  const d = v.default ?? "";
  if (v.type === "number" || v.type === "integer") {
    const n = Number(d);
    return d.trim() !== "" && Number.isFinite(n) ? n : 0;
  }
  if (v.type === "boolean") return d === "true";
  return d;
}

/**
 * "View code": a Responses call naming the assistant by id, with every variable at its default (an
 * example value for those without one). Never carries a secret: MCP header values are not in the browser.
 */
export function callById(id: string, config: AssistantConfig, version?: number): BuiltRequest {
  const variables = Object.fromEntries(
    config.variables.map((v) => [
      v.name,
      v.default === undefined
        ? v.type === "enum"
          ? (v.options?.[0] ?? "")
          : exampleOf(v)
        : variableValue(v),
    ]),
  );
  const body: Record<string, unknown> = {
    prompt: {
      id,
      ...(version !== undefined ? { version: String(version) } : {}),
      ...(config.variables.length ? { variables } : {}),
    },
    input: "Hello!",
  };
  return { path: "/responses", body, text: JSON.stringify(body, null, 2), omitted: [] };
}

function exampleOf(v: AssistantVariable): unknown {
  if (v.type === "number" || v.type === "integer") return 0;
  if (v.type === "boolean") return false;
  return `<${v.name}>`;
}

/**
 * `SaveVersionInput.mcpHeaders` for a save: the values typed for headers the config still names,
 * and "" (delete) for every stored value whose header or server is gone, so no secret outlives
 * its declaration. `typed` and `stored` are per server label.
 */
export function mcpHeaderInput(
  config: AssistantConfig,
  typed: Record<string, Record<string, string>>,
  stored: Record<string, string[]>,
): SaveVersionInput["mcpHeaders"] {
  const out: Record<string, Record<string, string>> = {};
  const declared = new Map<string, string[]>();
  for (const t of config.tools) if (t.type === "mcp") declared.set(t.serverLabel, t.headerNames);
  for (const [label, names] of declared) {
    const kept = Object.entries(typed[label] ?? {}).filter(([name]) => names.includes(name));
    if (kept.length) out[label] = Object.fromEntries(kept);
  }
  for (const [label, names] of Object.entries(stored)) {
    const still = declared.get(label) ?? [];
    const dropped = names.filter((name) => !still.includes(name));
    if (dropped.length) out[label] = { ...out[label], ...Object.fromEntries(dropped.map((n) => [n, ""])) };
  }
  return Object.keys(out).length ? out : undefined;
}
