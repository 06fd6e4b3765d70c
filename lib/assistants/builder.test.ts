import { describe, expect, it } from "vitest";
import { generateCode } from "@/lib/playground/code";
import {
  addFromInstructions,
  blankConfig,
  blankTool,
  callById,
  fieldCandidates,
  mcpHeaderInput,
  placeholders,
  sameConfig,
  undeclared,
} from "./builder";
import { assistantConfigSchema } from "./schema";

const ID = "asst_bt_0123456789abcdef01234567";

describe("assistant builder logic", () => {
  it("finds placeholders once each, in order, spaces allowed inside the braces", () => {
    expect(placeholders("Hi {{name}}, from {{ company }}. Bye {{name}}. {{ 1bad }} {{a.b-c}}")).toEqual([
      "name",
      "company",
      "a.b-c",
    ]);
  });

  it("adds every undeclared placeholder as a required string variable", () => {
    const c = { ...blankConfig(), instructions: "{{city}} and {{unit}}" };
    c.variables = [{ name: "unit", type: "enum", description: "", options: ["c", "f"], default: "c" }];
    expect(undeclared(c)).toEqual(["city"]);
    const vars = addFromInstructions(c);
    expect(vars.map((v) => v.name)).toEqual(["unit", "city"]);
    expect(vars[1]).toEqual({ name: "city", type: "string", description: "" });
  });

  it("makes blank tools that parse and do not clash", () => {
    const tools = [blankTool("function")];
    tools.push(blankTool("function", tools));
    for (const t of ["file_search", "web_search", "code_interpreter", "image_generation", "mcp"] as const)
      tools.push(blankTool(t, tools));
    expect(
      tools[0]?.type === "function" && tools[1]?.type === "function" && tools[0].name !== tools[1].name,
    ).toBe(true);
    expect(assistantConfigSchema.safeParse({ ...blankConfig(), tools }).success).toBe(true);
  });

  it("links an issue to its field or the nearest parent", () => {
    expect(fieldCandidates("tools.2.parameters")).toEqual([
      "af-tools-2-parameters",
      "af-tools-2",
      "af-tools",
    ]);
  });

  it("compares configs ignoring key order and unset fields", () => {
    const a = blankConfig();
    expect(sameConfig(a, { ...a, temperature: undefined })).toBe(true);
    expect(sameConfig(a, { ...a, temperature: 1 })).toBe(false);
  });

  it("writes the call by id with typed defaults and BENCHTOP_TOKEN, never a header value", () => {
    const c = {
      ...blankConfig(),
      variables: [
        { name: "city", type: "string" as const, description: "", default: "Paris" },
        { name: "days", type: "integer" as const, description: "", default: "3" },
        { name: "metric", type: "boolean" as const, description: "", default: "true" },
        { name: "who", type: "string" as const, description: "" },
      ],
    };
    const req = callById(ID, c);
    expect(req.body).toEqual({
      prompt: { id: ID, variables: { city: "Paris", days: 3, metric: true, who: "<who>" } },
      input: "Hello!",
    });
    const target = { kind: "benchtop" as const, baseUrl: "http://x/api/v1", keyEnv: "BENCHTOP_TOKEN" };
    const py = generateCode(req, target, "python");
    expect(py).toContain('api_key=os.environ["BENCHTOP_TOKEN"]');
    expect(py).toContain("import os");
    expect(generateCode(req, target, "node")).toContain("apiKey: process.env.BENCHTOP_TOKEN");
    const curl = generateCode(req, target, "curl");
    expect(curl).toContain("Bearer $BENCHTOP_TOKEN");
    expect(curl).not.toContain("OPENAI_API_KEY");
  });

  it("sends typed header values for declared headers and deletes stored ones no longer declared", () => {
    const mcp = (serverLabel: string, headerNames: string[]) => ({
      type: "mcp" as const,
      serverLabel,
      serverUrl: "https://x",
      allowedTools: null,
      requireApproval: "never" as const,
      headerNames,
    });
    const c = { ...blankConfig(), tools: [mcp("a", ["Authorization"]), mcp("b", [])] };
    expect(
      mcpHeaderInput(
        c,
        { a: { Authorization: "Bearer 1", "X-Old": "typed then removed" } },
        { a: ["Authorization", "X-Old"], gone: ["Authorization"] },
      ),
    ).toEqual({ a: { Authorization: "Bearer 1", "X-Old": "" }, gone: { Authorization: "" } });
    expect(mcpHeaderInput(c, {}, { a: ["Authorization"] })).toBeUndefined();
  });
});
