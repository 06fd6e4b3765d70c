import OpenAI from "openai";
import type { ChatCompletionTool } from "openai/resources/chat/completions";
import type { FunctionTool, ResponseStreamEvent } from "openai/resources/responses/responses";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server";

let emu: Emulator;
let client: OpenAI;
const KEY = "sk-emulator-test-abcd";

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY, controls: true });
  client = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.faults = [];
  emu.state.config.streamChunkDelayMs = 0;
});

const weatherParams = {
  type: "object",
  properties: {
    city: { type: "string" },
    units: { type: "string", enum: ["celsius", "fahrenheit"] },
    days: { type: "integer" },
    verbose: { type: "boolean" },
    tags: { type: "array", items: { type: "string" } },
    where: { type: "object", properties: { lat: { type: "number" } }, required: ["lat"] },
  },
  required: ["city", "units", "days", "verbose", "tags", "where"],
  additionalProperties: false,
};
const weatherArgs = {
  city: "example",
  units: "celsius",
  days: 1,
  verbose: true,
  tags: ["example"],
  where: { lat: 1 },
};
const timeParams = { type: "object", properties: { tz: { type: "string" } }, required: ["tz"] };
const chatTools: ChatCompletionTool[] = [
  { type: "function", function: { name: "get_weather", parameters: weatherParams } },
  { type: "function", function: { name: "get_time", parameters: timeParams } },
];
const respTools: FunctionTool[] = [
  { type: "function", name: "get_weather", parameters: weatherParams, strict: true },
  { type: "function", name: "get_time", parameters: timeParams, strict: true },
];
const answerSchema = {
  type: "object",
  properties: { score: { type: "number" }, answer: { type: "string" }, note: { type: "string" } },
  required: ["score", "answer", "note"],
  additionalProperties: false,
};

type ApiError = InstanceType<typeof OpenAI.APIError>;
const fail = (p: Promise<unknown>) => p.then(() => null as unknown as ApiError).catch((e: ApiError) => e);
const user = (content: string) => [{ role: "user" as const, content }];

describe("chat completions: playground behaviours", () => {
  it("calls a function on [tool], as JSON and streamed in fragments", async () => {
    const c = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: user("weather? [tool]"),
      tools: chatTools,
    });
    const choice = c.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.content).toBeNull();
    const call = choice?.message.tool_calls?.[0];
    expect(call?.type).toBe("function");
    expect(call?.id).toMatch(/^call_/);
    if (call?.type !== "function") throw new Error("expected a function call");
    expect(call.function.name).toBe("get_weather");
    expect(JSON.parse(call.function.arguments)).toEqual(weatherArgs);

    const stream = client.chat.completions.stream({
      model: "gpt-4o-mini",
      messages: user("weather? [tool]"),
      tools: chatTools,
    });
    const fragments: OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta.ToolCall[] = [];
    stream.on("chunk", (chunk) => fragments.push(...(chunk.choices[0]?.delta.tool_calls ?? [])));
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.finish_reason).toBe("tool_calls");
    const streamed = final.choices[0]?.message.tool_calls?.[0];
    expect(streamed?.type === "function" && JSON.parse(streamed.function.arguments)).toEqual(weatherArgs);
    expect(fragments.length).toBeGreaterThan(3);
    expect(fragments[0]).toMatchObject({ index: 0, type: "function", function: { name: "get_weather" } });
    expect(fragments[0]?.id).toMatch(/^call_/);
    expect(fragments.slice(1).every((f) => f.id === undefined && f.function?.name === undefined)).toBe(true);
  });

  it("calls two tools on [tools2] unless parallel_tool_calls is false; honours tool_choice", async () => {
    const names = async (body: Partial<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming>) => {
      const c = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [], ...body });
      return (c.choices[0]?.message.tool_calls ?? []).map((t) =>
        t.type === "function" ? t.function.name : "",
      );
    };
    const ask = (text: string) => ({ messages: user(text), tools: chatTools });
    expect(await names(ask("both [tools2]"))).toEqual(["get_weather", "get_time"]);
    expect(await names({ ...ask("both [tools2]"), parallel_tool_calls: false })).toEqual(["get_weather"]);
    expect(await names({ messages: user("[tools2]"), tools: chatTools.slice(1) })).toEqual([
      "get_time",
      "get_time",
    ]);
    expect(await names({ ...ask("no trigger"), tool_choice: "required" })).toEqual(["get_weather"]);
    expect(
      await names({
        ...ask("no trigger"),
        tool_choice: { type: "function", function: { name: "get_time" } },
      }),
    ).toEqual(["get_time"]);
    expect(await names({ ...ask("[tool]"), tool_choice: "none" })).toEqual([]);
    expect(await names(ask("no trigger"))).toEqual([]);
    const e = await fail(
      client.chat.completions.create({ model: "gpt-4o-mini", messages: user("x"), tool_choice: "required" }),
    );
    expect(e.status).toBe(400);
    expect(e.param).toBe("tool_choice");
  });

  it("answers with the tool outputs when the conversation ends with them", async () => {
    const c = await client.chat.completions.create({
      model: "gpt-4o-mini",
      tools: chatTools,
      messages: [
        { role: "user", content: "[tools2]" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_a", type: "function", function: { name: "get_weather", arguments: "{}" } },
            { id: "call_b", type: "function", function: { name: "get_time", arguments: "{}" } },
          ],
        },
        { role: "tool", tool_call_id: "call_a", content: "22C" },
        { role: "tool", tool_call_id: "call_b", content: [{ type: "text", text: "noon" }] },
      ],
    });
    expect(c.choices[0]?.message.content).toBe("Tool result: 22C; noon");
    expect(c.choices[0]?.finish_reason).toBe("stop");
  });

  it("returns logprobs per token, as JSON and streamed, and validates top_logprobs", async () => {
    const c = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: user("héllo world"),
      logprobs: true,
      top_logprobs: 3,
    });
    const lp = c.choices[0]?.logprobs?.content ?? [];
    expect(lp.map((t) => t.token).join("")).toBe("Echo: héllo world");
    expect(lp.map((t) => t.logprob)).toEqual([0, -0.4, -0.8]);
    expect(lp[1]?.bytes).toEqual([...Buffer.from(" héllo")]);
    expect(lp[1]?.top_logprobs.map((t) => t.token)).toEqual([" héllo", " alt1", " alt2"]);
    expect(lp[1]?.top_logprobs.every((t) => t.logprob <= -0.4)).toBe(true);

    const stream = client.chat.completions.stream({
      model: "gpt-4o-mini",
      messages: user("héllo world"),
      logprobs: true,
    });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.logprobs?.content?.map((t) => t.token)).toEqual(lp.map((t) => t.token));
    expect(final.choices[0]?.logprobs?.content?.[0]?.top_logprobs).toEqual([]);

    const tooMany = await fail(
      client.chat.completions.create({
        model: "gpt-4o-mini",
        messages: user("x"),
        logprobs: true,
        top_logprobs: 21,
      }),
    );
    expect([tooMany.status, tooMany.param, tooMany.code]).toEqual([
      400,
      "top_logprobs",
      "integer_above_max_value",
    ]);
    const without = await fail(
      client.chat.completions.create({ model: "gpt-4o-mini", messages: user("x"), top_logprobs: 2 }),
    );
    expect([without.status, without.param]).toEqual([400, "top_logprobs"]);
  });

  it("refuses on [refuse], as JSON and streamed as delta.refusal", async () => {
    const c = await client.chat.completions.create({ model: "gpt-4o-mini", messages: user("[refuse] x") });
    expect(c.choices[0]?.message).toMatchObject({ content: null, refusal: "I can't help with that." });
    const deltas: string[] = [];
    const stream = client.chat.completions.stream({ model: "gpt-4o-mini", messages: user("[refuse]") });
    stream.on("chunk", (ch) => {
      const r = ch.choices[0]?.delta.refusal;
      if (r) deltas.push(r);
    });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.message.refusal).toBe("I can't help with that.");
    expect(final.choices[0]?.message.content).toBeNull();
    expect(deltas.length).toBeGreaterThan(1);
  });

  it("rejects sampling params on reasoning models and accepts reasoning_effort", async () => {
    const e = await fail(
      client.chat.completions.create({ model: "o3", messages: user("x"), temperature: 0.5 }),
    );
    expect([e.status, e.param, e.code]).toEqual([400, "temperature", "unsupported_parameter"]);
    expect(e.message).toContain("Unsupported parameter: 'temperature' is not supported with this model.");
    const t = await fail(
      client.chat.completions.create({ model: "gpt-5.1", messages: user("x"), top_p: 0.9 }),
    );
    expect(t.param).toBe("top_p");
    const ok = await client.chat.completions.create({
      model: "o3",
      messages: user("x"),
      reasoning_effort: "high",
      temperature: 1,
    });
    expect(ok.choices[0]?.message.content).toBe("Echo: x");
    expect(ok.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
  });

  it("answers json_schema with schema JSON (broken on [badjson]) and json_object with {echo}", async () => {
    const schemaFormat = {
      type: "json_schema" as const,
      json_schema: { name: "answer", schema: answerSchema, strict: true },
    };
    const c = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: user("what is up"),
      response_format: schemaFormat,
    });
    expect(JSON.parse(c.choices[0]?.message.content ?? "")).toEqual({
      score: 1,
      answer: "what is up",
      note: "example",
    });
    const stream = client.chat.completions.stream({
      model: "gpt-4o-mini",
      messages: user("oops [badjson]"),
      response_format: schemaFormat,
    });
    const bad = JSON.parse((await stream.finalChatCompletion()).choices[0]?.message.content ?? "");
    expect(bad).toEqual({ answer: "oops [badjson]", note: "example" });

    const j = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "Reply in JSON." },
        { role: "user", content: "hi" },
      ],
      response_format: { type: "json_object" },
    });
    expect(JSON.parse(j.choices[0]?.message.content ?? "")).toEqual({ echo: "hi" });
    const e = await fail(
      client.chat.completions.create({
        model: "gpt-4o-mini",
        messages: user("hi"),
        response_format: { type: "json_object" },
      }),
    );
    expect([e.status, e.param]).toEqual([400, "messages"]);
    expect(e.message).toContain("'messages' must contain the word 'json' in some form");
  });
});

const collect = async (stream: AsyncIterable<ResponseStreamEvent>) => {
  const events: ResponseStreamEvent[] = [];
  for await (const ev of stream) events.push(ev);
  return events;
};

describe("responses: playground behaviours", () => {
  it("emits function_call items, as JSON and as the argument event sequence", async () => {
    const r = await client.responses.create({ model: "gpt-4o-mini", input: "[tool] go", tools: respTools });
    expect(r.output).toHaveLength(1);
    expect(r.output[0]).toMatchObject({ type: "function_call", name: "get_weather", status: "completed" });
    const item = r.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
    expect(item.id).toMatch(/^fc_/);
    expect(item.call_id).toMatch(/^call_/);
    expect(JSON.parse(item.arguments)).toEqual(weatherArgs);
    expect(r.tools).toEqual(respTools);
    expect(r.tool_choice).toBe("auto");
    expect(r.output_text).toBe("");

    const stream = client.responses.stream({
      model: "gpt-4o-mini",
      input: [{ role: "user", content: "[tools2]" }],
      tools: respTools,
      tool_choice: "auto",
    });
    const types: string[] = [];
    stream.on("event", (ev) => types.push(ev.type));
    const final = await stream.finalResponse();
    expect(final.output.map((o) => (o.type === "function_call" ? o.name : o.type))).toEqual([
      "get_weather",
      "get_time",
    ]);
    const first = types.slice(2, types.indexOf("response.output_item.done") + 1);
    expect(first[0]).toBe("response.output_item.added");
    expect(first.filter((t) => t === "response.function_call_arguments.delta").length).toBeGreaterThan(2);
    expect(first.slice(-2)).toEqual(["response.function_call_arguments.done", "response.output_item.done"]);
    expect(types.at(-1)).toBe("response.completed");
  });

  it("answers function_call_output items with the tool result", async () => {
    const r = await client.responses.create({
      model: "gpt-4o-mini",
      tools: respTools,
      input: [
        { role: "user", content: "[tools2]" },
        { type: "function_call", call_id: "call_a", name: "get_weather", arguments: "{}" },
        { type: "function_call", call_id: "call_b", name: "get_time", arguments: "{}" },
        { type: "function_call_output", call_id: "call_a", output: "22C" },
        { type: "function_call_output", call_id: "call_b", output: "noon" },
      ],
    });
    expect(r.output_text).toBe("Tool result: 22C; noon");
  });

  it("includes output_text logprobs when asked, in the item and in each delta", async () => {
    const body = {
      model: "gpt-4o-mini",
      input: "a b",
      include: ["message.output_text.logprobs" as const],
      top_logprobs: 2,
    };
    const r = await client.responses.create(body);
    const part = (r.output[0] as OpenAI.Responses.ResponseOutputMessage).content[0];
    const lps = part?.type === "output_text" ? (part.logprobs ?? []) : [];
    expect(lps.map((l) => [l.token, l.logprob, l.top_logprobs.length])).toEqual([
      ["Echo:", 0, 2],
      [" a", -0.4, 2],
      [" b", -0.8, 2],
    ]);
    expect(lps[0]?.bytes).toEqual([...Buffer.from("Echo:")]);
    const events = await collect(await client.responses.create({ ...body, stream: true }));
    const deltas = events.filter((e) => e.type === "response.output_text.delta");
    expect(deltas.map((d) => d.logprobs[0]?.token)).toEqual(["Echo:", " a", " b"]);
    const plain = await client.responses.create({ model: "gpt-4o-mini", input: "a" });
    const p0 = (plain.output[0] as OpenAI.Responses.ResponseOutputMessage).content[0];
    expect(p0?.type === "output_text" && p0.logprobs).toEqual([]);
    // The SDK's create params lack `top_logprobs` (the API and the Response object have it).
    const tooMany = { ...body, top_logprobs: 30 };
    const e = await fail(client.responses.create(tooMany));
    expect([e.status, e.param, e.code]).toEqual([400, "top_logprobs", "integer_above_max_value"]);
  });

  it("starts reasoning models' output with a reasoning item and streams its summary", async () => {
    const plain = await client.responses.create({ model: "o3", input: "think" });
    expect(plain.output.map((o) => o.type)).toEqual(["reasoning", "message"]);
    expect(plain.output[0]).toMatchObject({ id: expect.stringMatching(/^rs_/), summary: [] });
    expect(plain.output_text).toBe("Echo: think");

    const stream = client.responses.stream({
      model: "o3",
      input: "deep question",
      reasoning: { effort: "low", summary: "auto" },
    });
    const types: string[] = [];
    const deltas: string[] = [];
    stream.on("event", (ev) => {
      types.push(ev.type);
      if (ev.type === "response.reasoning_summary_text.delta") deltas.push(ev.delta);
    });
    const final = await stream.finalResponse();
    expect(final.output[0]).toMatchObject({
      type: "reasoning",
      summary: [{ type: "summary_text", text: "Thinking about: deep question" }],
    });
    expect(final.reasoning).toMatchObject({ effort: "low", summary: "auto" });
    expect(deltas.join("")).toBe("Thinking about: deep question");
    expect(deltas.length).toBeGreaterThan(1);
    const order = [
      "response.output_item.added",
      "response.reasoning_summary_part.added",
      "response.reasoning_summary_text.delta",
      "response.reasoning_summary_text.done",
      "response.reasoning_summary_part.done",
      "response.output_item.done",
    ];
    expect(order.map((t) => types.indexOf(t))).toEqual(
      [...order.map((t) => types.indexOf(t))].sort((a, b) => a - b),
    );
    const e = await fail(client.responses.create({ model: "o3", input: "x", temperature: 0.2 }));
    expect([e.status, e.param, e.code]).toEqual([400, "temperature", "unsupported_parameter"]);
  });

  it("refuses on [refuse] with a refusal part and refusal events", async () => {
    const r = await client.responses.create({ model: "gpt-4o-mini", input: "[refuse]" });
    expect((r.output[0] as OpenAI.Responses.ResponseOutputMessage).content).toEqual([
      { type: "refusal", refusal: "I can't help with that." },
    ]);
    const events = await collect(
      await client.responses.create({ model: "gpt-4o-mini", input: "[refuse]", stream: true }),
    );
    const deltas = events.filter((e) => e.type === "response.refusal.delta");
    expect(deltas.map((d) => d.delta).join("")).toBe("I can't help with that.");
    expect(events.find((e) => e.type === "response.refusal.done")).toMatchObject({
      refusal: "I can't help with that.",
    });
  });

  it("answers text.format json_schema / json_object and echoes the format", async () => {
    const format = { type: "json_schema" as const, name: "answer", schema: answerSchema, strict: true };
    const r = await client.responses.create({ model: "gpt-4o-mini", input: "q", text: { format } });
    expect(JSON.parse(r.output_text)).toEqual({ score: 1, answer: "q", note: "example" });
    expect(r.text?.format).toEqual(format);
    const bad = await client.responses.create({
      model: "gpt-4o-mini",
      input: "q [badjson]",
      text: { format },
      stream: true,
    });
    const done = (await collect(bad)).find((e) => e.type === "response.completed");
    const badJson = JSON.parse(done?.type === "response.completed" ? done.response.output_text : "");
    expect(badJson).not.toHaveProperty("score");
    const j = await client.responses.create({
      model: "gpt-4o-mini",
      instructions: "Answer as json",
      input: "hi",
      text: { format: { type: "json_object" } },
    });
    expect(JSON.parse(j.output_text)).toEqual({ echo: "hi" });
    const e = await fail(
      client.responses.create({
        model: "gpt-4o-mini",
        input: "hi",
        text: { format: { type: "json_object" } },
      }),
    );
    expect([e.status, e.param]).toEqual([400, "input"]);
  });
});
