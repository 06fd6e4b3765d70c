import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { convertImport } from "./legacy";
import type { AssistantConfig, AssistantExport } from "./schema";

/** An Assistants API object as `GET /v1/assistants/{id}` returned it (notes §5.2). */
const LEGACY = {
  id: "asst_abc123",
  object: "assistant",
  created_at: 1698984975,
  name: "Data helper",
  description: "Answers from the handbook",
  model: "gpt-4o",
  instructions: "You answer questions about the handbook.",
  tools: [
    { type: "code_interpreter" },
    {
      type: "file_search",
      file_search: { max_num_results: 8, ranking_options: { ranker: "auto", score_threshold: 0.4 } },
    },
    {
      type: "function",
      function: {
        name: "get_weather",
        description: "Weather for a city",
        parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
        strict: true,
      },
    },
    { type: "function", function: { name: "get_time", parameters: { type: "object", properties: {} } } },
  ],
  tool_resources: {
    code_interpreter: { file_ids: ["file-abc", "file-def"] },
    file_search: { vector_store_ids: ["vs_123"] },
  },
  metadata: { team: "support" },
  temperature: 0.3,
  top_p: 1,
  response_format: {
    type: "json_schema",
    json_schema: {
      name: "answer",
      schema: { type: "object", properties: { text: { type: "string" } } },
      strict: true,
    },
  },
};

/** A prompt object export (liberal shape: versions with instructions, tools, variables, text.format). */
const PROMPT = {
  id: "pmpt_68ab",
  object: "prompt",
  name: "Greeter",
  production_version: "2",
  versions: [
    {
      version: "2",
      model: "gpt-5-mini",
      instructions: "Greet {{name}} in {{language}}.",
      variables: { name: "friend", language: "English" },
      tools: [
        { type: "web_search_preview", search_context_size: "low" },
        {
          type: "mcp",
          server_label: "crm",
          server_url: "https://crm.example.com/mcp",
          headers: { Authorization: "Bearer secret" },
          require_approval: "never",
          allowed_tools: { tool_names: ["lookup"] },
        },
        { type: "computer_use_preview", display_width: 1024 },
      ],
      reasoning: { effort: "low", summary: "auto" },
      text: { format: { type: "text" }, verbosity: "low" },
      max_output_tokens: 2000,
      prompt_cache_key: "x",
    },
    { version: "1", model: "gpt-4.1", prompt: "Say hi to {{name}}.", variables: ["name"], temperature: 0.7 },
  ],
};

const only = (c: ReturnType<typeof convertImport>): AssistantConfig => {
  expect(c.versions).toHaveLength(1);
  return c.versions[0]?.config as AssistantConfig;
};

function refused(raw: unknown): ApiError {
  try {
    convertImport(raw);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("convertImport: legacy Assistants API objects", () => {
  it("maps tools, tool resources, response format and sampling per notes §5.2", () => {
    const out = convertImport(LEGACY);
    expect(out.source).toBe("assistants_api");
    const c = only(out);
    expect(c).toMatchObject({
      name: "Data helper",
      description: "Answers from the handbook",
      model: "gpt-4o",
      instructions: "You answer questions about the handbook.",
      temperature: 0.3,
      metadata: [{ key: "team", value: "support" }],
      responseFormat: { type: "json_schema", name: "answer", strict: true },
    });
    expect(c.topP).toBeUndefined();
    expect(c.responseFormat.type === "json_schema" && JSON.parse(c.responseFormat.schema)).toEqual({
      type: "object",
      properties: { text: { type: "string" } },
    });
    expect(c.tools).toEqual([
      { type: "code_interpreter", container: { type: "auto", fileIds: ["file-abc", "file-def"] } },
      {
        type: "file_search",
        vectorStoreIds: ["vs_123"],
        maxNumResults: 8,
        ranker: "auto",
        scoreThreshold: 0.4,
        filters: "",
      },
      {
        type: "function",
        name: "get_weather",
        description: "Weather for a city",
        parameters: expect.stringContaining('"city"'),
        strict: true,
      },
      { type: "function", name: "get_time", description: "", parameters: expect.any(String), strict: false },
    ]);
    expect(out.notes).toEqual([]);
  });

  it("takes a one-item list, refuses a longer one with a clear message", () => {
    expect(only(convertImport({ object: "list", data: [LEGACY] })).name).toBe("Data helper");
    const e = refused({ object: "list", data: [LEGACY, { ...LEGACY, id: "asst_2" }] });
    expect(e.message).toMatch(/2 assistants; an import makes one/);
    expect(e.code).toBe("unsupported_import");
  });

  it("names what it dropped", () => {
    const out = convertImport({
      ...LEGACY,
      tools: [
        { type: "retrieval" },
        { type: "file_search", file_search: { ranking_options: { ranker: "default_2024_08_21" } } },
      ],
      tool_resources: { file_search: { vector_store_ids: ["vs_1"] }, code_interpreter: { file_ids: ["f"] } },
      name: null,
    });
    const c = only(out);
    expect(c.name).toBe("asst_abc123");
    expect(c.tools).toEqual([{ type: "file_search", vectorStoreIds: ["vs_1"], ranker: "auto", filters: "" }]);
    expect(out.notes.join("\n")).toMatch(/"retrieval" has no counterpart/);
    expect(out.notes.join("\n")).toMatch(/ranker "default_2024_08_21"/);
    expect(out.notes.join("\n")).toMatch(/code_interpreter was set without a code_interpreter tool/);
  });
});

describe("convertImport: prompt object exports", () => {
  it("imports every version in order, with variables, tools and production", () => {
    const out = convertImport(PROMPT);
    expect(out.source).toBe("prompt_object");
    expect(out.versions).toHaveLength(2);
    expect(out.productionVersion).toBe(2);
    const [v1, v2] = out.versions.map((v) => v.config);
    expect(v1).toMatchObject({
      name: "Greeter",
      model: "gpt-4.1",
      instructions: "Say hi to {{name}}.",
      temperature: 0.7,
      variables: [{ name: "name", type: "string", description: "" }],
    });
    expect(v2).toMatchObject({
      model: "gpt-5-mini",
      reasoningEffort: "low",
      reasoningSummary: "auto",
      verbosity: "low",
      maxOutputTokens: 2000,
      variables: [
        { name: "name", type: "string", description: "", default: "friend" },
        { name: "language", type: "string", description: "", default: "English" },
      ],
    });
    expect(v2?.tools).toEqual([
      { type: "web_search", contextSize: "low", allowedDomains: [] },
      {
        type: "mcp",
        serverLabel: "crm",
        serverUrl: "https://crm.example.com/mcp",
        allowedTools: ["lookup"],
        requireApproval: "never",
        headerNames: ["Authorization"],
      },
    ]);
    const notes = out.notes.join("\n");
    expect(notes).toMatch(/Version 2: MCP server "crm": header values are not imported \(Authorization\)/);
    expect(notes).toMatch(/"computer_use_preview" has no counterpart/);
    expect(notes).toMatch(/dropped: prompt_cache_key/);
    expect(notes).not.toContain("Bearer secret");
    expect(JSON.stringify(out.versions)).not.toContain("Bearer secret");
  });

  it("takes a single prompt version and instructions from developer messages", () => {
    const c = only(
      convertImport({
        id: "pmpt_1",
        version: "4",
        model: "gpt-4o",
        messages: [
          { role: "developer", content: [{ type: "input_text", text: "Be terse." }] },
          { role: "user", content: "Example question" },
        ],
      }),
    );
    expect(c.instructions).toBe("Be terse.");
    expect(c.name).toBe("pmpt_1");
  });
});

describe("convertImport: Benchtop exports and the rest", () => {
  it("reads a Benchtop export, renumbering gaps and keeping production", () => {
    const config: AssistantConfig = {
      name: "X",
      description: "",
      model: "gpt-4o",
      instructions: "",
      variables: [],
      tools: [],
      responseFormat: { type: "text" },
      metadata: [],
    };
    const file: AssistantExport = {
      format: "benchtop.assistant",
      formatVersion: 1,
      exportedAt: "2026-12-01T00:00:00Z",
      assistant: { id: "asst_bt_000000000000000000000001", name: "X", productionVersion: 3 },
      versions: [
        { version: 3, createdAt: "", note: "third", config: { ...config, name: "X3" } },
        { version: 1, createdAt: "", note: "first", config },
      ],
    };
    const out = convertImport(file);
    expect(out.source).toBe("benchtop");
    expect(out.versions.map((v) => v.note)).toEqual(["first", "third"]);
    expect(out.productionVersion).toBe(2);
    expect(out.notes[0]).toMatch(/renumbered/);
    expect(refused({ ...file, formatVersion: 2 }).message).toMatch(/not valid: formatVersion/);
  });

  it("refuses anything else, saying what it accepts", () => {
    expect(refused([1, 2]).message).toMatch(/JSON object/);
    expect(refused({ hello: 1 }).message).toMatch(/benchtop\.assistant.*Assistants API.*prompt object/);
  });
});

describe("convertImport: large files", () => {
  it("stays linear: 40k unknown tools, variables and metadata pairs convert in well under a second", () => {
    const started = performance.now();
    const n = 40_000;
    const out = convertImport({
      object: "prompt",
      id: "pmpt_x",
      model: "m",
      tools: Array.from({ length: n }, (_, i) => ({ type: `t${i}` })),
      variables: Array.from({ length: n }, (_, i) => `v${i}`),
      metadata: Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"])),
    });
    expect(performance.now() - started).toBeLessThan(1000);
    const config = out.versions[0]?.config;
    expect(config?.tools).toHaveLength(0);
    expect(config?.variables).toHaveLength(64);
    expect(out.notes.length).toBeLessThanOrEqual(51);
    expect(out.notes.join("\n")).toMatch(/tools were read; 39,872 more were dropped/);
  });
});

describe("convertImport: the e2e fixtures", () => {
  const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(`e2e/fixtures/${name}`, "utf8"));

  it("imports legacy-assistant.json with every tool, its resources, format and sampling", () => {
    const out = convertImport(fixture("legacy-assistant.json"));
    const c = only(out);
    expect(c).toMatchObject({ name: "Handbook analyst", model: "gpt-4o", temperature: 0.4, topP: 0.9 });
    expect(c.tools.map((t) => t.type)).toEqual(["code_interpreter", "file_search", "function", "function"]);
    expect(c.tools[0]).toEqual({
      type: "code_interpreter",
      container: { type: "auto", fileIds: ["file-8Vq2tNfJ3xWm1KcYb7ZrPd", "file-3LhR9sDcEe6aTq0WnUj4Gx"] },
    });
    expect(c.tools[1]).toMatchObject({
      vectorStoreIds: ["vs_67a1c0f2e4b88191a3d5c7e9f0b2d4a6"],
      maxNumResults: 8,
      scoreThreshold: 0.35,
    });
    expect(c.tools.slice(2).map((t) => t.type === "function" && [t.name, t.strict])).toEqual([
      ["lookup_policy", true],
      ["create_ticket", false],
    ]);
    expect(c.responseFormat).toMatchObject({ type: "json_schema", name: "handbook_answer", strict: true });
    expect(c.metadata).toHaveLength(2);
    expect(out.notes).toEqual([
      expect.stringContaining("default_2024_08_21"),
      expect.stringContaining("schema description"),
    ]);
  });

  it("imports prompt-object.json as three versions with the default as production", () => {
    const out = convertImport(fixture("prompt-object.json"));
    expect(out.versions.map((v) => [v.config.model, v.note])).toEqual([
      ["gpt-4.1", "First draft"],
      ["gpt-4.1", "Search the help centre"],
      ["gpt-5-mini", "Structured triage + web search + ticket lookup"],
    ]);
    expect(out.productionVersion).toBe(3);
    const v3 = out.versions[2]?.config;
    expect(v3?.tools.map((t) => t.type)).toEqual(["file_search", "web_search", "function"]);
    expect(v3).toMatchObject({ reasoningEffort: "low", reasoningSummary: "auto", maxOutputTokens: 4000 });
    expect(v3?.variables.map((v) => v.name)).toEqual(["customer_name", "plan"]);
    expect(out.notes).toEqual([]);
  });
});
