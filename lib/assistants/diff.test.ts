import { describe, expect, it } from "vitest";
import { comparePair, diffConfigs, sameConfig, UNSET } from "./diff";
import type { AssistantConfig } from "./schema";

const base: AssistantConfig = {
  name: "Support",
  description: "Answers tickets",
  model: "gpt-5-mini",
  instructions: "You help customers.\nBe brief.",
  variables: [{ name: "product", type: "string", description: "", default: "Benchtop" }],
  tools: [
    { type: "function", name: "lookup", description: "Find an order", parameters: "{}", strict: true },
    { type: "web_search", allowedDomains: [] },
  ],
  responseFormat: { type: "text" },
  temperature: 0.2,
  metadata: [{ key: "team", value: "cx" }],
};

describe("diffConfigs", () => {
  it("finds nothing between equal configs", () => {
    const d = diffConfigs(base, structuredClone(base));
    expect(d.rows).toEqual([]);
    expect(d.instructions.changed).toBe(false);
    expect(sameConfig(base, structuredClone(base))).toBe(true);
  });

  it("reports settings, unset values and metadata", () => {
    const b: AssistantConfig = {
      ...base,
      model: "gpt-5",
      temperature: undefined,
      reasoningEffort: "high",
      metadata: [{ key: "team", value: "sales" }],
      instructions: "You help customers.\nBe thorough.",
    };
    const d = diffConfigs(base, b);
    expect(d.instructions).toMatchObject({ changed: true, after: b.instructions });
    expect(d.rows).toEqual([
      { group: "setting", label: "Model", before: "gpt-5-mini", after: "gpt-5" },
      { group: "setting", label: "Reasoning effort", before: UNSET, after: "high" },
      { group: "setting", label: "Temperature", before: "0.2", after: UNSET },
      { group: "setting", label: "Metadata", before: "team=cx", after: "team=sales" },
    ]);
  });

  it("reports the response format's own fields", () => {
    const b: AssistantConfig = {
      ...base,
      responseFormat: { type: "json_schema", name: "answer", schema: '{"type":"object"}', strict: true },
    };
    const labels = diffConfigs(base, b).rows.map((r) => r.label);
    expect(labels).toEqual([
      "Response format",
      "Response format · name",
      "Response format · strict",
      "Response format · schema",
    ]);
  });

  it("reports tools added, removed and changed field by field", () => {
    const b: AssistantConfig = {
      ...base,
      tools: [
        {
          type: "function",
          name: "lookup",
          description: "Find an order by id",
          parameters: "{}",
          strict: false,
        },
        {
          type: "mcp",
          serverLabel: "docs",
          serverUrl: "https://mcp.example/sse",
          allowedTools: null,
          requireApproval: "always",
          headerNames: [],
        },
      ],
    };
    expect(diffConfigs(base, b).rows).toEqual([
      {
        group: "tool",
        label: "Function lookup · description",
        before: "Find an order",
        after: "Find an order by id",
      },
      { group: "tool", label: "Function lookup · strict", before: "true", after: "false" },
      { group: "tool", label: "Web search", before: "on", after: "removed" },
      { group: "tool", label: "MCP server docs", before: "added", after: "https://mcp.example/sse" },
    ]);
  });

  it("keeps two tools of one kind apart and reports variables", () => {
    const two: AssistantConfig = {
      ...base,
      tools: [
        { type: "file_search", vectorStoreIds: ["vs_1"], filters: "" },
        { type: "file_search", vectorStoreIds: ["vs_2"], filters: "" },
      ],
      variables: [
        { name: "product", type: "string", description: "", default: "Console" },
        { name: "tone", type: "enum", description: "", options: ["warm", "dry"] },
      ],
    };
    const rows = diffConfigs({ ...two, tools: [two.tools[0] as AssistantConfig["tools"][number]] }, two).rows;
    expect(rows).toContainEqual({ group: "tool", label: "File search #2", before: "added", after: "vs_2" });
    const vars = diffConfigs(base, two).rows.filter((r) => r.group === "variable");
    expect(vars).toEqual([
      { group: "variable", label: "Variable product · default", before: "Benchtop", after: "Console" },
      { group: "variable", label: "Variable tone", before: "added", after: "enum, required" },
    ]);
  });

  it("shortens long values", () => {
    const long = "x".repeat(1000);
    const row = diffConfigs(base, { ...base, description: long }).rows[0];
    expect(row?.after.length).toBeLessThan(320);
  });
});

describe("comparePair", () => {
  it("needs two versions", () => {
    expect(comparePair([1], null)).toBeNull();
  });
  it("compares the latest with production, else with the one before", () => {
    expect(comparePair([1, 2, 3, 4], 2)).toEqual({ a: 2, b: 4 });
    expect(comparePair([1, 2, 3, 4], 4)).toEqual({ a: 3, b: 4 });
    expect(comparePair([3, 1, 2], null)).toEqual({ a: 2, b: 3 });
  });
  it("takes the URL's pair when both exist and differ", () => {
    expect(comparePair([1, 2, 3], null, { a: 3, b: 1 })).toEqual({ a: 3, b: 1 });
    expect(comparePair([1, 2, 3], null, { a: 3, b: 3 })).toEqual({ a: 2, b: 3 });
    expect(comparePair([1, 2, 3], null, { a: 9, b: 1 })).toEqual({ a: 2, b: 3 });
  });
});
