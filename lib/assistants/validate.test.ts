import { describe, expect, it } from "vitest";
import { applyOverrides, resolveModel } from "@/lib/models/catalogue";
import type { AssistantConfig, AssistantTool } from "./schema";
import { filterProblem, placeholders, validateConfig } from "./validate";

function config(patch: Partial<AssistantConfig> = {}): AssistantConfig {
  return {
    name: "Bot",
    description: "",
    model: "gpt-4.1",
    instructions: "Hello {{who}}",
    variables: [{ name: "who", type: "string", description: "" }],
    tools: [],
    responseFormat: { type: "text" },
    metadata: [],
    ...patch,
  };
}

const check = (c: AssistantConfig, model = c.model) => validateConfig(c, resolveModel(model));
const errorsAt = (c: AssistantConfig, model?: string) =>
  check(c, model)
    .filter((i) => i.level === "error")
    .map((i) => i.path);

const fn = (name: string, parameters = '{"type":"object","properties":{}}'): AssistantTool => ({
  type: "function",
  name,
  description: "",
  parameters,
  strict: true,
});

describe("validateConfig", () => {
  it("passes a plain valid config", () => {
    expect(check(config())).toEqual([]);
  });

  it("flags sampling on a model without it, and out-of-range values", () => {
    expect(errorsAt(config({ model: "o3", temperature: 0.3, topP: 0.5 }))).toEqual(["temperature", "topP"]);
    expect(errorsAt(config({ temperature: 2.5, topP: -0.1 }))).toEqual(["temperature", "topP"]);
    expect(errorsAt(config({ temperature: 2, topP: 0 }))).toEqual([]);
  });

  it("applies the GPT-6 rule from the catalogue: sampling only with reasoning effort none", () => {
    const gpt6 = applyOverrides(resolveModel("gpt-6-luna"), {
      "gpt-6-luna": { capabilities: { reasoning: true, sampling: true, samplingRequiresEffortNone: true } },
    });
    const v = (c: AssistantConfig) => validateConfig(c, gpt6).map((i) => i.path);
    expect(v(config({ model: "gpt-6-luna", temperature: 0.4, reasoningEffort: "none" }))).toEqual([]);
    expect(v(config({ model: "gpt-6-luna", temperature: 0.4, reasoningEffort: "high" }))).toEqual([
      "temperature",
    ]);
    expect(v(config({ model: "gpt-6-luna", topP: 0.4 }))).toEqual(["topP"]);
  });

  it("flags reasoning settings on a non-reasoning model", () => {
    expect(errorsAt(config({ reasoningEffort: "low", reasoningSummary: "auto" }))).toEqual([
      "reasoningEffort",
      "reasoningSummary",
    ]);
    expect(errorsAt(config({ model: "o3", reasoningEffort: "low", reasoningSummary: "auto" }))).toEqual([]);
  });

  it("flags a tool type the model does not take on Responses", () => {
    const noMcp = applyOverrides(resolveModel("gpt-4.1"), {});
    const limited = { ...noMcp, tools: { responses: ["function" as const], chat: [] } };
    const issues = validateConfig(
      config({ tools: [fn("a"), { type: "web_search", allowedDomains: [] }] }),
      limited,
    );
    expect(issues.map((i) => i.path)).toEqual(["tools.1"]);
    expect(errorsAt(config({ model: "text-embedding-3-small", tools: [fn("a")] }))).toContain("tools");
  });

  it("flags a JSON schema format on a model without structured outputs, and bad schema text", () => {
    const rf = (schema: string): Extract<AssistantConfig["responseFormat"], { type: "json_schema" }> => ({
      type: "json_schema",
      name: "answer",
      schema,
      strict: true,
    });
    expect(errorsAt(config({ model: "gpt-3.5-turbo", responseFormat: rf("{}") }))).toEqual([
      "responseFormat",
    ]);
    expect(errorsAt(config({ responseFormat: rf("{nope") }))).toEqual(["responseFormat.schema"]);
    expect(errorsAt(config({ responseFormat: rf("[]") }))).toEqual(["responseFormat.schema"]);
    expect(errorsAt(config({ responseFormat: { ...rf("{}"), name: "bad name" } }))).toEqual([
      "responseFormat.name",
    ]);
  });

  it("checks output tokens and compaction bounds against the model", () => {
    expect(errorsAt(config({ maxOutputTokens: 15 }))).toEqual(["maxOutputTokens"]);
    expect(errorsAt(config({ maxOutputTokens: 16 }))).toEqual([]);
    expect(errorsAt(config({ model: "gpt-4o", maxOutputTokens: 20_000 }))).toEqual(["maxOutputTokens"]);
    expect(errorsAt(config({ compactThreshold: 999 }))).toEqual(["compactThreshold"]);
    expect(errorsAt(config({ compactThreshold: 1000 }))).toEqual([]);
  });

  it("checks function tools: JSON parameters, names, duplicates", () => {
    expect(errorsAt(config({ tools: [fn("a", "{"), fn("a"), fn("has space")] }))).toEqual([
      "tools.0.parameters",
      "tools.1.name",
      "tools.2.name",
    ]);
    expect(errorsAt(config({ tools: [fn("a", "")] }))).toEqual([]);
  });

  it("checks file search: stores, result count, threshold and filters", () => {
    const fs = (patch: Partial<Extract<AssistantTool, { type: "file_search" }>>): AssistantTool => ({
      type: "file_search",
      vectorStoreIds: ["vs_1"],
      filters: "",
      ...patch,
    });
    expect(errorsAt(config({ tools: [fs({})] }))).toEqual([]);
    expect(
      errorsAt(
        config({
          tools: [
            fs({ vectorStoreIds: [] }),
            fs({ maxNumResults: 0 }),
            fs({ maxNumResults: 51 }),
            fs({ scoreThreshold: 1.5 }),
            fs({ filters: "{" }),
            fs({ filters: '{"type":"like","key":"a","value":1}' }),
            fs({ filters: '{"type":"and","filters":[{"type":"eq","key":"a","value":"x"}]}' }),
          ],
        }),
      ),
    ).toEqual([
      "tools.0.vectorStoreIds",
      "tools.1.maxNumResults",
      "tools.2.maxNumResults",
      "tools.3.scoreThreshold",
      "tools.4.filters",
      "tools.5.filters",
    ]);
  });

  it("reads attribute filters: comparisons and nested compounds", () => {
    expect(filterProblem({ type: "in", key: "k", value: ["a", 1] })).toBeNull();
    expect(filterProblem({ type: "in", key: "k", value: "a" })).toMatch(/array/);
    expect(
      filterProblem({ type: "or", filters: [{ type: "gt", key: "n", value: 3 }, { type: "x" }] }),
    ).toMatch(/filters\.filters\.1/);
    expect(filterProblem({ type: "and", filters: [] })).toMatch(/non-empty/);
  });

  it("checks MCP servers: https URL (or local http), unique labels, header names", () => {
    const mcp = (label: string, url: string, headerNames: string[] = []): AssistantTool => ({
      type: "mcp",
      serverLabel: label,
      serverUrl: url,
      allowedTools: null,
      requireApproval: "always",
      headerNames,
    });
    expect(
      errorsAt(
        config({
          tools: [
            mcp("a", "https://x.example/mcp"),
            mcp("b", "http://localhost:8080/mcp"),
            mcp("a", "http://x.example/mcp"),
            mcp("c d", "notaurl", ["Bad Header", "X-Key", "x-key"]),
          ],
        }),
      ),
    ).toEqual([
      "tools.2.serverLabel",
      "tools.2.serverUrl",
      "tools.3.serverLabel",
      "tools.3.serverUrl",
      "tools.3.headerNames.0",
      "tools.3.headerNames.2",
    ]);
  });

  it("checks variables: undeclared placeholders are errors, unused ones warnings, enums need options", () => {
    const issues = check(
      config({
        instructions: "Hi {{ who }} from {{where}} in {{tone}}",
        variables: [
          { name: "who", type: "string", description: "" },
          { name: "tone", type: "enum", description: "", options: ["warm", "dry"], default: "cold" },
          { name: "unused", type: "number", description: "", default: "abc" },
        ],
      }),
    );
    expect(issues).toEqual([
      { level: "error", path: "variables.tone", message: expect.stringContaining("one of its options") },
      { level: "warning", path: "variables.unused", message: expect.stringContaining("not used") },
      { level: "error", path: "variables.unused", message: expect.stringContaining("not a number") },
      { level: "error", path: "instructions", message: expect.stringContaining("{{where}}") },
    ]);
    expect(placeholders("{{a}} {{ b.c }} {{a}} {{1x}}")).toEqual(["a", "b.c"]);
  });
});
