import { describe, expect, it } from "vitest";
import { applyOverrides, resolveModel } from "@/lib/models/catalogue";
import { applyBody, applyEvent, emptyOutcome } from "./accumulate";
import { defaultSetup, newMessage } from "./defaults";
import { buildRequest, instructionsRoleOf } from "./request";
import type { Setup } from "./types";

function setup(over: Partial<Setup> = {}): Setup {
  const s = defaultSetup("gpt-4o-mini");
  s.messages = [newMessage("user", "Hello")];
  return { ...s, ...over };
}

const build = (s: Setup) => buildRequest(s, resolveModel(s.model));

describe("buildRequest", () => {
  it("builds a Responses request with instructions and input items", () => {
    const r = build(setup({ instructions: "Be brief." }));
    expect(r.path).toBe("/responses");
    expect(r.body).toEqual({
      model: "gpt-4o-mini",
      instructions: "Be brief.",
      input: [{ role: "user", content: "Hello" }],
      stream: true,
    });
    expect(r.text).toBe(JSON.stringify(r.body, null, 2));
    expect(r.problems).toEqual([]);
  });

  it("puts instructions first as a developer or system message for Chat", () => {
    const r = build(
      setup({ api: "chat", instructions: "Be brief.", instructionsRole: "system", stream: false }),
    );
    expect(r.path).toBe("/chat/completions");
    expect(r.body.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hello" },
    ]);
    expect(r.body.stream).toBeUndefined();
  });

  it("on auto, sends the system text under the model's role from the catalogue", () => {
    const first = (model: string, over: Partial<Setup> = {}) =>
      (
        build(setup({ api: "chat", model, instructions: "Be brief.", ...over })).body.messages as unknown[]
      )[0];
    expect(defaultSetup().instructionsRole).toBe("auto");
    // Unknown models and compatible servers: `system`, which every server takes.
    expect(first("llama-3.1-70b-instruct")).toEqual({ role: "system", content: "Be brief." });
    expect(first("gpt-4o-mini")).toMatchObject({ role: "system" });
    expect(first("gpt-3.5-turbo")).toMatchObject({ role: "system" });
    expect(first("gpt-oss-120b")).toMatchObject({ role: "system" });
    // OpenAI reasoning models and the GPT-4.1 and GPT-5 families: `developer`.
    for (const m of [
      "o4-mini",
      "o3",
      "o1",
      "gpt-4.1",
      "gpt-4.1-mini-2025-04-14",
      "gpt-5",
      "gpt-5-chat-latest",
    ])
      expect(first(m), m).toMatchObject({ role: "developer" });
    // The switch wins over the catalogue both ways.
    expect(first("llama-3.1-70b-instruct", { instructionsRole: "developer" })).toMatchObject({
      role: "developer",
    });
    expect(first("o4-mini", { instructionsRole: "system" })).toMatchObject({ role: "system" });
  });

  it("follows an admin's override of a model's instructions role", () => {
    const model = applyOverrides(resolveModel("my-local-model"), {
      "my-local": { instructionsRole: "developer" },
    });
    expect(instructionsRoleOf({ instructionsRole: "auto" }, model)).toBe("developer");
    expect(instructionsRoleOf({ instructionsRole: "system" }, model)).toBe("system");
  });

  it("sends Completions a max_tokens above the API's 16 when the field is empty, and only Completions", () => {
    const legacy = setup({ api: "completions", model: "gpt-3.5-turbo-instruct", prompt: "Hi" });
    expect(build(legacy).body.max_tokens).toBe(256);
    expect(build({ ...legacy, params: { ...legacy.params, maxOutputTokens: 40 } }).body.max_tokens).toBe(40);
    expect(build(setup({ api: "chat" })).body).not.toHaveProperty("max_completion_tokens");
    expect(build(setup()).body).not.toHaveProperty("max_output_tokens");
  });

  it("asks Chat and Completions streams for usage", () => {
    expect(build(setup({ api: "chat" })).body.stream_options).toEqual({ include_usage: true });
    expect(
      build(setup({ api: "completions", model: "gpt-3.5-turbo-instruct", prompt: "Hi" })).body.stream_options,
    ).toEqual({
      include_usage: true,
    });
  });

  it("leaves out sampling controls for reasoning models and says why", () => {
    const s = setup({ model: "o3-mini" });
    s.params = { ...s.params, temperature: 0.2, topP: 0.5, reasoningEffort: "low", reasoningSummary: "auto" };
    const r = build(s);
    expect(r.body.temperature).toBeUndefined();
    expect(r.body.top_p).toBeUndefined();
    expect(r.body.reasoning).toEqual({ effort: "low", summary: "auto" });
    expect(r.omitted.map((o) => o.param)).toEqual(["temperature", "top_p"]);
    expect(r.omitted[0]?.reason).toMatch(/reasoning model/);
  });

  it("maps each parameter to its wire name per API", () => {
    const s = setup();
    s.params = { ...s.params, maxOutputTokens: 100, seed: 7, n: 2, stop: ["END"], presencePenalty: 0.5 };
    const resp = build(s);
    expect(resp.body.max_output_tokens).toBe(100);
    expect(resp.body.seed).toBeUndefined();
    expect(resp.omitted.map((o) => o.param).sort()).toEqual(["n", "presence_penalty", "seed", "stop"]);
    const chat = build({ ...s, api: "chat" });
    expect(chat.body).toMatchObject({
      max_completion_tokens: 100,
      seed: 7,
      n: 2,
      stop: ["END"],
      presence_penalty: 0.5,
    });
    expect(chat.omitted).toEqual([]);
  });

  it("turns tools, tool choice and schemas into each API's shape", () => {
    const s = setup({
      tools: [
        {
          id: "t",
          name: "get_weather",
          description: "Weather",
          parameters: '{"type":"object","properties":{}}',
          strict: true,
        },
      ],
      toolChoice: { name: "get_weather" },
      parallelToolCalls: false,
      responseFormat: { type: "json_schema", name: "answer", schema: '{"type":"object"}', strict: true },
    });
    const resp = build(s);
    expect(resp.body.tools).toEqual([
      {
        type: "function",
        name: "get_weather",
        description: "Weather",
        parameters: { type: "object", properties: {} },
        strict: true,
      },
    ]);
    expect(resp.body.tool_choice).toEqual({ type: "function", name: "get_weather" });
    expect(resp.body.parallel_tool_calls).toBe(false);
    expect(resp.body.text).toEqual({
      format: { type: "json_schema", name: "answer", schema: { type: "object" }, strict: true },
    });
    const chat = build({ ...s, api: "chat" });
    expect(chat.body.tool_choice).toEqual({ type: "function", function: { name: "get_weather" } });
    expect(chat.body.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "answer", schema: { type: "object" }, strict: true },
    });
  });

  it("reports bad JSON and out-of-range values as problems naming the field", () => {
    const s = setup({ responseFormat: { type: "json_schema", name: "x", schema: "{", strict: true } });
    s.params = { ...s.params, temperature: 3, logitBias: "{nope" };
    const params = build({ ...s, api: "chat" }).problems.map((p) => p.param);
    expect(params).toEqual(["temperature", "logit_bias", "response_format"]);
  });

  it("round-trips tool calls and their outputs", () => {
    const assistant = {
      ...newMessage("assistant", ""),
      toolCalls: [{ id: "call_1", name: "f", arguments: "{}" }],
    };
    const tool = { ...newMessage("tool", "42"), toolCallId: "call_1" };
    const s = setup();
    s.messages = [...s.messages, assistant, tool];
    expect(build(s).body.input).toEqual([
      { role: "user", content: "Hello" },
      { type: "function_call", call_id: "call_1", name: "f", arguments: "{}" },
      { type: "function_call_output", call_id: "call_1", output: "42" },
    ]);
    expect(build({ ...s, api: "chat" }).body.messages).toEqual([
      { role: "user", content: "Hello" },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_1", type: "function", function: { name: "f", arguments: "{}" } }],
      },
      { role: "tool", tool_call_id: "call_1", content: "42" },
    ]);
  });

  it("refuses images for a model without vision", () => {
    const s = setup({ api: "chat", model: "gpt-3.5-turbo" });
    s.messages[0] = {
      ...newMessage("user", "look"),
      images: [{ id: "i", url: "https://x/y.png", detail: "auto" }],
    };
    expect(build(s).problems.map((p) => p.param)).toContain("images");
  });
});

describe("accumulate", () => {
  it("joins chat deltas, tool-call fragments and usage", () => {
    const o = emptyOutcome();
    const ev = (d: unknown) => applyEvent("chat", o, JSON.stringify(d));
    ev({ id: "c1", model: "m", choices: [{ index: 0, delta: { role: "assistant", content: "" } }] });
    ev({ id: "c1", choices: [{ index: 0, delta: { content: "Hel" } }] });
    ev({ id: "c1", choices: [{ index: 0, delta: { content: "lo" } }] });
    ev({
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: "call_1", function: { name: "f", arguments: '{"a"' } }] },
        },
      ],
    });
    ev({
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: ":1}" } }] },
          finish_reason: "tool_calls",
        },
      ],
    });
    ev({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } });
    expect(applyEvent("chat", o, "[DONE]")).toBe(false);
    expect(o.choices[0]).toMatchObject({ text: "Hello", finishReason: "tool_calls" });
    expect(o.choices[0]?.toolCalls).toEqual([{ id: "call_1", name: "f", arguments: '{"a":1}' }]);
    expect(o.usage).toEqual({ input: 5, cached: 0, output: 3, reasoning: 0 });
  });

  it("keeps streamed Responses text, then takes the terminal response", () => {
    const o = emptyOutcome();
    const ev = (d: unknown) => applyEvent("responses", o, JSON.stringify(d));
    ev({ type: "response.created", response: { id: "resp_1", model: "m" } });
    ev({ type: "response.output_text.delta", delta: "Hi " });
    ev({ type: "response.output_text.delta", delta: "there" });
    expect(o.choices[0]?.text).toBe("Hi there");
    ev({
      type: "response.incomplete",
      response: {
        id: "resp_1",
        status: "incomplete",
        incomplete_details: { reason: "max_output_tokens" },
        output: [{ type: "message", content: [{ type: "output_text", text: "Hi there" }] }],
        usage: { input_tokens: 4, output_tokens: 2, output_tokens_details: { reasoning_tokens: 0 } },
      },
    });
    expect(o.choices[0]).toMatchObject({ text: "Hi there", finishReason: "length" });
    expect(o.id).toBe("resp_1");
  });

  it("records an error event the proxy appends to a broken stream", () => {
    const o = emptyOutcome();
    applyEvent("chat", o, JSON.stringify({ choices: [{ index: 0, delta: { content: "part" } }] }));
    applyEvent(
      "chat",
      o,
      JSON.stringify({
        error: { message: "Upstream stream broke", type: "upstream_error", code: "upstream_stream_error" },
      }),
    );
    expect(o.choices[0]?.text).toBe("part");
    expect(o.error?.code).toBe("upstream_stream_error");
  });

  it("reads refusals from a whole chat body", () => {
    const o = emptyOutcome();
    applyBody("chat", o, {
      choices: [{ index: 0, message: { content: null, refusal: "No." }, finish_reason: "stop" }],
    });
    expect(o.choices[0]).toMatchObject({ text: "", refusal: "No." });
  });
});
