import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import {
  configToResponsesBody,
  expandRequest,
  readPromptRef,
  substituteVariables,
  VARIABLE_VALUE_MAX,
} from "./expand";
import { type AssistantConfig, assistantConfigSchema } from "./schema";

function config(over: Partial<AssistantConfig> = {}): AssistantConfig {
  return {
    name: "Support",
    description: "",
    model: "gpt-5-mini",
    instructions: "You help {{customer}}.",
    variables: [],
    tools: [],
    responseFormat: { type: "text" },
    metadata: [],
    ...over,
  };
}

function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an ApiError");
}

describe("readPromptRef", () => {
  it("is null without a prompt, or with prompt: null", () => {
    expect(readPromptRef({ model: "x" })).toBeNull();
    expect(readPromptRef({ prompt: null })).toBeNull();
  });

  it("reads id, version (text or number) and variables", () => {
    expect(readPromptRef({ prompt: { id: "asst_bt_1" } })).toEqual({
      id: "asst_bt_1",
      version: null,
      variables: {},
    });
    expect(readPromptRef({ prompt: { id: "a", version: "3", variables: { x: "1" } } })).toEqual({
      id: "a",
      version: "3",
      variables: { x: "1" },
    });
    expect(readPromptRef({ prompt: { id: "a", version: 7, variables: null } })?.version).toBe("7");
    expect(readPromptRef({ prompt: { id: "a", version: null } })?.version).toBeNull();
    expect(readPromptRef({ prompt: { id: "a", version: "latest" } })?.version).toBe("latest");
    expect(readPromptRef({ prompt: { id: "a", version: "production" } })?.version).toBe("production");
  });

  it.each([
    [{ prompt: "asst_bt_1" }, "prompt", "invalid_prompt"],
    [{ prompt: [] }, "prompt", "invalid_prompt"],
    [{ prompt: {} }, "prompt.id", "invalid_prompt"],
    [{ prompt: { id: 3 } }, "prompt.id", "invalid_prompt"],
    [{ prompt: { id: "" } }, "prompt.id", "invalid_prompt"],
    [{ prompt: { id: "a", version: "newest" } }, "prompt.version", "invalid_prompt"],
    [{ prompt: { id: "a", version: "0" } }, "prompt.version", "invalid_prompt"],
    [{ prompt: { id: "a", version: 1.5 } }, "prompt.version", "invalid_prompt"],
    [{ prompt: { id: "a", version: -1 } }, "prompt.version", "invalid_prompt"],
    [{ prompt: { id: "a", variables: "x" } }, "prompt.variables", "invalid_prompt"],
    [{ prompt: { id: "a", variables: ["x"] } }, "prompt.variables", "invalid_prompt"],
    [{ prompt: { id: "a", extra: 1 } }, "prompt.extra", "unknown_parameter"],
  ])("refuses %j with a 400 on %s", (body, param, code) => {
    const e = thrown(() => readPromptRef(body));
    expect(e.status).toBe(400);
    expect(e.type).toBe("invalid_request_error");
    expect(e.param).toBe(param);
    expect(e.code).toBe(code);
  });
});

describe("substituteVariables", () => {
  const vars: AssistantConfig["variables"] = [
    { name: "customer", type: "string", description: "" },
    { name: "tier", type: "enum", description: "", options: ["free", "pro"], default: "free" },
    { name: "limit", type: "integer", description: "", default: "5" },
    { name: "ratio", type: "number", description: "", default: "0.5" },
    { name: "vip", type: "boolean", description: "", default: "false" },
  ];
  const cfg = {
    instructions:
      "Help {{customer}} ({{ tier }}) up to {{limit}} times, ratio {{ratio}}, vip {{vip}}. {{undeclared}}",
    variables: vars,
  };

  it("substitutes given values and defaults, leaving undeclared placeholders as written", () => {
    expect(substituteVariables(cfg, { customer: "Ada" })).toBe(
      "Help Ada (free) up to 5 times, ratio 0.5, vip false. {{undeclared}}",
    );
    expect(
      substituteVariables(cfg, {
        customer: { type: "input_text", text: "Bob" },
        tier: "pro",
        limit: 9,
        ratio: "2.25",
        vip: true,
      }),
    ).toBe("Help Bob (pro) up to 9 times, ratio 2.25, vip true. {{undeclared}}");
  });

  it("inserts values literally ($ patterns, braces) and substitutes every occurrence", () => {
    const e = substituteVariables(
      { instructions: "{{a}} and {{a}}", variables: [{ name: "a", type: "string", description: "" }] },
      { a: "$& $1 {{a}}" },
    );
    expect(e).toBe("$& $1 {{a}} and $& $1 {{a}}");
  });

  it("accepts an empty string for a string variable", () => {
    expect(
      substituteVariables({ instructions: "[{{customer}}]", variables: vars.slice(0, 1) }, { customer: "" }),
    ).toBe("[]");
  });

  it("refuses a missing variable without a default", () => {
    const e = thrown(() => substituteVariables(cfg, {}));
    expect(e.status).toBe(400);
    expect(e.code).toBe("missing_variable");
    expect(e.param).toBe("prompt.variables.customer");
    expect(e.message).toContain("`customer` (string) is required");
  });

  it("refuses an unknown variable, naming the declared ones", () => {
    const e = thrown(() => substituteVariables(cfg, { customer: "x", colour: "red" }));
    expect(e.code).toBe("unknown_variable");
    expect(e.param).toBe("prompt.variables.colour");
    expect(e.message).toContain("customer, tier, limit, ratio, vip");
  });

  it.each([
    ["tier", "gold", "must be one of"],
    ["limit", "2.5", "whole number"],
    ["limit", "ten", "whole number"],
    ["ratio", "abc", "must be a number"],
    ["ratio", "", "must be a number"],
    ["vip", "yes", "true or false"],
    ["customer", null, "must be a string"],
    ["customer", ["a"], "must be a string"],
    ["customer", { type: "input_text" }, "must be a string"],
    ["customer", { type: "input_image", image_url: "https://x/y.png" }, "variables are text only"],
    ["customer", { type: "input_file", file_id: "file-1" }, "variables are text only"],
  ])("refuses %s = %j as invalid", (name, value, message) => {
    const e = thrown(() => substituteVariables(cfg, { customer: "x", [name]: value }));
    expect(e.code).toBe("invalid_variable");
    expect(e.param).toBe(`prompt.variables.${name}`);
    expect(e.message).toContain(message);
  });

  it("names every problem in one error, the first in param and code", () => {
    const e = thrown(() => substituteVariables(cfg, { extra: "1", tier: "gold" }));
    expect(e.message).toContain("3 variables");
    expect(e.message).toContain("`extra` is not a variable");
    expect(e.message).toContain("`customer` (string) is required");
    expect(e.message).toContain("`tier` must be one of");
    expect(e.code).toBe("unknown_variable");
    expect(e.param).toBe("prompt.variables.extra");
  });

  it("refuses, before building them, instructions that would expand past the cap", () => {
    const started = performance.now();
    const e = thrown(() =>
      substituteVariables(
        { instructions: "{{x}}".repeat(51_000), variables: [{ name: "x", type: "string", description: "" }] },
        { x: "a".repeat(8000) },
      ),
    );
    expect(performance.now() - started).toBeLessThan(500);
    expect(e).toMatchObject({ status: 400, code: "instructions_too_long", param: "prompt.variables.x" });
    // A saved default is checked the same way.
    expect(() =>
      substituteVariables(
        {
          instructions: "{{x}}".repeat(51_000),
          variables: [{ name: "x", type: "string", description: "", default: "a".repeat(8000) }],
        },
        {},
      ),
    ).toThrow(/instructions would be/);
  });

  it("refuses a value longer than the per-value cap", () => {
    const e = thrown(() =>
      substituteVariables(
        { instructions: "{{x}}", variables: [{ name: "x", type: "string", description: "" }] },
        { x: "a".repeat(VARIABLE_VALUE_MAX + 1) },
      ),
    );
    expect(e).toMatchObject({ code: "invalid_variable", param: "prompt.variables.x" });
  });

  it("says the assistant has no variables when it has none", () => {
    const e = thrown(() => substituteVariables({ instructions: "x", variables: [] }, { a: "1" }));
    expect(e.message).toContain("it has none");
  });
});

describe("configToResponsesBody", () => {
  it("maps a minimal config to model and instructions only", () => {
    expect(configToResponsesBody(config({ instructions: "" }), "Hi", null)).toEqual({
      model: "gpt-5-mini",
      instructions: "Hi",
    });
    expect(configToResponsesBody(config(), "", null)).toEqual({ model: "gpt-5-mini" });
  });

  it("maps every setting to the API's names", () => {
    const body = configToResponsesBody(
      config({
        toolChoice: "required",
        parallelToolCalls: false,
        responseFormat: { type: "json_schema", name: "answer", schema: '{"type":"object"}', strict: true },
        reasoningEffort: "low",
        reasoningSummary: "auto",
        verbosity: "high",
        temperature: 0.2,
        topP: 0.9,
        maxOutputTokens: 500,
        truncation: "auto",
        compactThreshold: 20000,
        store: false,
        metadata: [{ key: "team", value: "support" }],
      }),
      "I",
      null,
    );
    expect(body).toEqual({
      model: "gpt-5-mini",
      instructions: "I",
      tool_choice: "required",
      parallel_tool_calls: false,
      text: {
        format: { type: "json_schema", name: "answer", schema: { type: "object" }, strict: true },
        verbosity: "high",
      },
      reasoning: { effort: "low", summary: "auto" },
      temperature: 0.2,
      top_p: 0.9,
      max_output_tokens: 500,
      truncation: "auto",
      context_management: [{ type: "compaction", compact_threshold: 20000 }],
      store: false,
      metadata: { team: "support" },
    });
  });

  it("maps json_object and verbosity alone", () => {
    expect(configToResponsesBody(config({ responseFormat: { type: "json_object" } }), "", null).text).toEqual(
      {
        format: { type: "json_object" },
      },
    );
    expect(configToResponsesBody(config({ verbosity: "low" }), "", null).text).toEqual({ verbosity: "low" });
  });

  it("maps every tool type", () => {
    const cfg = config({
      tools: [
        {
          type: "function",
          name: "lookup",
          description: "Find",
          parameters:
            '{"type":"object","properties":{"q":{"type":"string"}},"required":["q"],"additionalProperties":false}',
          strict: true,
          mockOutput: "{}",
        },
        { type: "function", name: "ping", description: "", parameters: "", strict: false },
        {
          type: "file_search",
          vectorStoreIds: ["vs_1"],
          maxNumResults: 5,
          ranker: "auto",
          scoreThreshold: 0.4,
          filters: '{"type":"eq","key":"lang","value":"en"}',
        },
        { type: "file_search", vectorStoreIds: ["vs_2"], filters: "" },
        { type: "web_search", contextSize: "low", allowedDomains: ["example.com"] },
        { type: "web_search", allowedDomains: [] },
        { type: "code_interpreter", container: { type: "auto", fileIds: ["file-1"], memoryLimit: "4g" } },
        { type: "code_interpreter", container: { type: "auto", fileIds: [] } },
        { type: "code_interpreter", container: { type: "id", id: "cntr_1" } },
        {
          type: "image_generation",
          model: "gpt-image-1",
          size: "1024x1024",
          quality: "low",
          background: "auto",
          outputFormat: "png",
        },
        { type: "image_generation" },
        {
          type: "mcp",
          serverLabel: "docs",
          serverUrl: "https://mcp.example.com",
          serverDescription: "Docs",
          allowedTools: ["search"],
          requireApproval: "always",
          headerNames: ["Authorization", "X-Unset"],
        },
        {
          type: "mcp",
          serverLabel: "open",
          serverUrl: "https://o.example.com",
          allowedTools: null,
          requireApproval: "never",
          headerNames: [],
        },
      ],
    });
    const tools = configToResponsesBody(cfg, "", {
      docs: { Authorization: "Bearer s3cret", Other: "x" },
    }).tools;
    expect(tools).toEqual([
      {
        type: "function",
        name: "lookup",
        description: "Find",
        parameters: {
          type: "object",
          properties: { q: { type: "string" } },
          required: ["q"],
          additionalProperties: false,
        },
        strict: true,
      },
      { type: "function", name: "ping", parameters: { type: "object", properties: {} }, strict: false },
      {
        type: "file_search",
        vector_store_ids: ["vs_1"],
        max_num_results: 5,
        ranking_options: { ranker: "auto", score_threshold: 0.4 },
        filters: { type: "eq", key: "lang", value: "en" },
      },
      { type: "file_search", vector_store_ids: ["vs_2"] },
      { type: "web_search", search_context_size: "low", filters: { allowed_domains: ["example.com"] } },
      { type: "web_search" },
      { type: "code_interpreter", container: { type: "auto", file_ids: ["file-1"], memory_limit: "4g" } },
      { type: "code_interpreter", container: { type: "auto", file_ids: [] } },
      { type: "code_interpreter", container: "cntr_1" },
      {
        type: "image_generation",
        model: "gpt-image-1",
        size: "1024x1024",
        quality: "low",
        background: "auto",
        output_format: "png",
      },
      { type: "image_generation" },
      {
        type: "mcp",
        server_label: "docs",
        server_url: "https://mcp.example.com",
        server_description: "Docs",
        allowed_tools: ["search"],
        require_approval: "always",
        headers: { Authorization: "Bearer s3cret" },
      },
      { type: "mcp", server_label: "open", server_url: "https://o.example.com", require_approval: "never" },
    ]);
    // Without secrets (view code, previews) no header value appears.
    expect(JSON.stringify(configToResponsesBody(cfg, "", null))).not.toContain("s3cret");
    // The config the test built is one the schema accepts.
    expect(assistantConfigSchema.safeParse(cfg).success).toBe(true);
  });

  it("refuses a version whose saved JSON text is broken", () => {
    const e = thrown(() =>
      configToResponsesBody(
        config({ tools: [{ type: "function", name: "f", description: "", parameters: "{", strict: true }] }),
        "",
        null,
      ),
    );
    expect(e.status).toBe(400);
    expect(e.code).toBe("invalid_assistant");
    expect(e.message).toContain("function f");
  });
});

describe("expandRequest", () => {
  const assistant = {
    model: "gpt-5-mini",
    instructions: "Be brief.",
    tools: [
      { type: "function", name: "a", parameters: {}, strict: true },
      { type: "mcp", server_label: "docs", server_url: "https://m", require_approval: "always" },
      { type: "web_search" },
    ],
    text: { format: { type: "json_object" }, verbosity: "low" },
    reasoning: { effort: "low", summary: "auto" },
    temperature: 0.2,
    metadata: { team: "support", env: "prod" },
  };

  it("removes prompt and adds the request's own fields", () => {
    expect(expandRequest({ prompt: { id: "x" }, input: "hi", stream: true }, { model: "m" })).toEqual({
      model: "m",
      input: "hi",
      stream: true,
    });
  });

  it("lets the request's scalars win", () => {
    const out = expandRequest(
      { model: "gpt-5", instructions: "Other", temperature: 1, store: false },
      assistant,
    );
    expect(out.model).toBe("gpt-5");
    expect(out.instructions).toBe("Other");
    expect(out.temperature).toBe(1);
    expect(out.store).toBe(false);
  });

  it("appends request tools, replacing same-name functions and same-label MCP servers in place", () => {
    const a2 = { type: "function", name: "a", parameters: { type: "object" }, strict: false };
    const b = { type: "function", name: "b", parameters: {}, strict: true };
    const docs = {
      type: "mcp",
      server_label: "docs",
      server_url: "https://other",
      require_approval: "never",
    };
    const fs = { type: "file_search", vector_store_ids: ["vs_1"] };
    const out = expandRequest({ tools: [b, docs, a2, fs] }, assistant);
    expect(out.tools).toEqual([a2, docs, { type: "web_search" }, b, fs]);
  });

  it("takes the request's tools when the assistant has none", () => {
    const b = { type: "function", name: "b" };
    expect(expandRequest({ tools: [b] }, { model: "m" }).tools).toEqual([b]);
  });

  it("merges metadata, text and reasoning key by key, the request winning", () => {
    const out = expandRequest(
      { metadata: { env: "dev", run: "7" }, text: { verbosity: "high" }, reasoning: { effort: "high" } },
      assistant,
    );
    expect(out.metadata).toEqual({ team: "support", env: "dev", run: "7" });
    expect(out.text).toEqual({ format: { type: "json_object" }, verbosity: "high" });
    expect(out.reasoning).toEqual({ effort: "high", summary: "auto" });
  });

  it("lets a null in the request clear a setting", () => {
    expect(expandRequest({ metadata: null, temperature: null }, assistant)).toMatchObject({
      metadata: null,
      temperature: null,
    });
  });

  it("does not change its inputs", () => {
    const before = JSON.stringify(assistant);
    expandRequest({ tools: [{ type: "function", name: "a" }], metadata: { x: "1" } }, assistant);
    expect(JSON.stringify(assistant)).toBe(before);
  });
});
