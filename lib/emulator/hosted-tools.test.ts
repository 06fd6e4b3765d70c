import OpenAI, { toFile } from "openai";
import type { ResponseOutputMessage, ResponseStreamEvent } from "openai/resources/responses/responses";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server";

let emu: Emulator;
let client: OpenAI;
const KEY = "sk-emulator-test-abcd";
const MODEL = "gpt-4o-mini";

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY, controls: true });
  client = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  emu.state.config.streamChunkDelayMs = 0;
  emu.state.config.vectorStoreProcessingMs = 0;
});

type Params = OpenAI.Responses.ResponseCreateParamsNonStreaming;

async function streamed(
  params: Params,
): Promise<{ events: ResponseStreamEvent[]; response: OpenAI.Responses.Response }> {
  const stream = await client.responses.create({ ...params, stream: true });
  const events: ResponseStreamEvent[] = [];
  for await (const e of stream) events.push(e);
  const last = events.at(-1);
  if (last?.type !== "response.completed") throw new Error(`ended with ${last?.type}`);
  return { events, response: last.response };
}

/** Event types for one output item, without the message's text deltas. */
const typesOf = (events: ResponseStreamEvent[], outputIndex: number) =>
  events
    .filter((e) => "output_index" in e && e.output_index === outputIndex)
    .map((e) => e.type)
    .filter((t, i, all) => t !== all[i - 1]);

function message(r: OpenAI.Responses.Response) {
  const m = r.output.find((o): o is ResponseOutputMessage => o.type === "message");
  const part = m?.content[0];
  if (part?.type !== "output_text") throw new Error("no output_text");
  return part;
}

const error = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: InstanceType<typeof OpenAI.APIError>) => ({ status: e.status, param: e.param, code: e.code }),
  );

async function storeWithHandbook() {
  const a = await client.files.create({
    file: await toFile(Buffer.from("Travel expenses are refunded within 30 days of the trip."), "travel.txt"),
    purpose: "assistants",
  });
  const b = await client.files.create({
    file: await toFile(
      Buffer.from("Holiday requests need two weeks notice. Expenses for holidays are not refunded."),
      "holiday.txt",
    ),
    purpose: "assistants",
  });
  const vs = await client.vectorStores.create({ name: "handbook" });
  await client.vectorStores.files.create(vs.id, { file_id: a.id, attributes: { dept: "finance" } });
  await client.vectorStores.files.create(vs.id, { file_id: b.id, attributes: { dept: "people" } });
  return { vs, a, b };
}

describe("hosted tools in Responses", () => {
  it("only runs a tool that is in tools: a trigger alone is just text", async () => {
    const r = await client.responses.create({ model: MODEL, input: "[web] [code] hello" });
    expect(r.output.map((o) => o.type)).toEqual(["message"]);
    expect(r.output_text).toBe("Echo: [web] [code] hello");
  });

  it("[file_search] searches the emulator's vector stores: results when included, file citations", async () => {
    const { vs, a, b } = await storeWithHandbook();
    const params: Params = {
      model: MODEL,
      input: "[file_search] are travel expenses refunded?",
      tools: [{ type: "file_search", vector_store_ids: [vs.id], max_num_results: 5 }],
      include: ["file_search_call.results"],
    };
    const r = await client.responses.create(params);
    expect(r.output.map((o) => o.type)).toEqual(["file_search_call", "message"]);
    const call = r.output[0] as OpenAI.Responses.ResponseFileSearchToolCall;
    expect(call).toMatchObject({
      type: "file_search_call",
      status: "completed",
      queries: ["are travel expenses refunded?"],
    });
    expect(call.results?.[0]).toMatchObject({
      file_id: a.id,
      filename: "travel.txt",
      score: 1,
      attributes: { dept: "finance" },
    });
    expect(call.results?.[0]?.text).toContain("refunded within 30 days");
    expect(call.results?.map((x) => x.file_id)).toContain(b.id);
    const text = message(r);
    expect(text.annotations.map((x) => x.type)).toEqual(["file_citation", "file_citation"]);
    const first = text.annotations[0] as OpenAI.Responses.ResponseOutputText.FileCitation;
    expect(first).toMatchObject({ file_id: a.id, filename: "travel.txt" });
    expect(text.text.slice(0, first.index)).toMatch(/travel\.txt says: “[^”]+”\.$/);
    expect(r.usage?.output_tokens).toBeGreaterThan(0);

    const plain = await client.responses.create({ ...params, include: [] });
    expect((plain.output[0] as OpenAI.Responses.ResponseFileSearchToolCall).results).toBeNull();

    const { events, response } = await streamed(params);
    expect(typesOf(events, 0)).toEqual([
      "response.output_item.added",
      "response.file_search_call.in_progress",
      "response.file_search_call.searching",
      "response.file_search_call.completed",
      "response.output_item.done",
    ]);
    const added = events.filter((e) => e.type === "response.output_text.annotation.added");
    expect(added.map((e) => e.annotation)).toEqual(message(response).annotations);
    const done = events.findIndex((e) => e.type === "response.output_text.done");
    expect(events.findIndex((e) => e.type === "response.output_text.annotation.added")).toBeLessThan(done);
  });

  it("[file_search] honours filters, and an unknown store is a 404", async () => {
    const { vs, b } = await storeWithHandbook();
    const r = await client.responses.create({
      model: MODEL,
      input: "[file_search] expenses refunded",
      tools: [
        {
          type: "file_search",
          vector_store_ids: [vs.id],
          filters: { type: "eq", key: "dept", value: "people" },
        },
      ],
      include: ["file_search_call.results"],
    });
    const call = r.output[0] as OpenAI.Responses.ResponseFileSearchToolCall;
    expect(call.results?.map((x) => x.file_id)).toEqual([b.id]);
    expect(
      await error(
        client.responses.create({
          model: MODEL,
          input: "[file_search] x",
          tools: [{ type: "file_search", vector_store_ids: ["vs_missing"] }],
        }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it("[code] runs in a container: code, logs when included, a downloadable CSV cited in the answer", async () => {
    const params: Params = {
      model: MODEL,
      input: "[code] count blue whales",
      tools: [{ type: "code_interpreter", container: { type: "auto" } }],
      include: ["code_interpreter_call.outputs"],
    };
    const { events, response } = await streamed(params);
    expect(typesOf(events, 0)).toEqual([
      "response.output_item.added",
      "response.code_interpreter_call.in_progress",
      "response.code_interpreter_call_code.delta",
      "response.code_interpreter_call_code.done",
      "response.code_interpreter_call.interpreting",
      "response.code_interpreter_call.completed",
      "response.output_item.done",
    ]);
    const code = events
      .filter((e) => e.type === "response.code_interpreter_call_code.delta")
      .map((e) => e.delta)
      .join("");
    const call = response.output[0] as OpenAI.Responses.ResponseCodeInterpreterToolCall;
    expect(call.code).toBe(code);
    expect(call.code).toContain('words = "count blue whales".split()');
    expect(call.outputs).toEqual([{ type: "logs", logs: "3 words, longest: whales\n" }]);
    expect(call.container_id).toMatch(/^cntr_/);
    const cite = message(response)
      .annotations[0] as OpenAI.Responses.ResponseOutputText.ContainerFileCitation;
    expect(cite).toMatchObject({
      type: "container_file_citation",
      container_id: call.container_id,
      filename: "words.csv",
    });
    expect(message(response).text.slice(cite.start_index, cite.end_index)).toBe(
      "[words.csv](sandbox:/mnt/data/words.csv)",
    );

    const container = await client.containers.retrieve(call.container_id);
    expect(container).toMatchObject({ id: call.container_id, object: "container", status: "running" });
    const files = await client.containers.files.list(call.container_id);
    expect(files.data).toEqual([
      expect.objectContaining({
        id: cite.file_id,
        path: "/mnt/data/words.csv",
        source: "assistant",
        object: "container.file",
      }),
    ]);
    const content = await client.containers.files.content.retrieve(cite.file_id, {
      container_id: call.container_id,
    });
    expect(await content.text()).toBe("n,word,length\r\n1,count,5\r\n2,blue,4\r\n3,whales,6\r\n");

    const plain = await client.responses.create({ ...params, include: [] });
    expect((plain.output[0] as OpenAI.Responses.ResponseCodeInterpreterToolCall).outputs).toBeNull();
    expect(
      await error(
        client.responses.create({ ...params, tools: [{ type: "code_interpreter", container: "cntr_nope" }] }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it("[web] searches: the query, sources when included, url citations over the links", async () => {
    const params: Params = {
      model: MODEL,
      input: "[web] tide tables",
      tools: [{ type: "web_search" }],
      include: ["web_search_call.action.sources"],
    };
    const { events, response } = await streamed(params);
    expect(typesOf(events, 0)).toEqual([
      "response.output_item.added",
      "response.web_search_call.in_progress",
      "response.web_search_call.searching",
      "response.web_search_call.completed",
      "response.output_item.done",
    ]);
    const call = response.output[0] as OpenAI.Responses.ResponseFunctionWebSearch;
    expect(call.action).toMatchObject({ type: "search", query: "tide tables" });
    expect((call.action as { sources?: unknown[] }).sources).toHaveLength(2);
    const text = message(response);
    for (const a of text.annotations) {
      if (a.type !== "url_citation") throw new Error(a.type);
      expect(text.text.slice(a.start_index, a.end_index)).toBe(`[${a.title}](${a.url})`);
    }
    const plain = await client.responses.create({ ...params, include: [] });
    expect((plain.output[0] as OpenAI.Responses.ResponseFunctionWebSearch).action).toEqual({
      type: "search",
      query: "tide tables",
    });
  });

  it("[image] generates a PNG, with partial images when asked", async () => {
    const { events, response } = await streamed({
      model: MODEL,
      input: "[image] a lighthouse",
      tools: [{ type: "image_generation", partial_images: 2 }],
    });
    expect(typesOf(events, 0)).toEqual([
      "response.output_item.added",
      "response.image_generation_call.in_progress",
      "response.image_generation_call.generating",
      "response.image_generation_call.partial_image",
      "response.image_generation_call.completed",
      "response.output_item.done",
    ]);
    expect(events.filter((e) => e.type === "response.image_generation_call.partial_image")).toHaveLength(2);
    const call = response.output[0] as OpenAI.Responses.ResponseOutputItem.ImageGenerationCall;
    expect(
      Buffer.from(call.result ?? "", "base64")
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    expect(message(response).text).toContain("Here is the image of a lighthouse.");
  });

  it("[mcp] lists tools, asks for approval, and runs the call once approved (conversation)", async () => {
    const conv = await client.conversations.create({});
    const tools: Params["tools"] = [
      {
        type: "mcp",
        server_label: "docs",
        server_url: "https://mcp.example.com/sse",
        headers: { Authorization: "Bearer mcp-secret" },
        require_approval: "always",
      },
    ];
    const first = await streamed({ model: MODEL, input: "[mcp] rate limits", tools, conversation: conv.id });
    expect(first.response.output.map((o) => o.type)).toEqual(["mcp_list_tools", "mcp_approval_request"]);
    expect(typesOf(first.events, 0)).toEqual([
      "response.output_item.added",
      "response.mcp_list_tools.in_progress",
      "response.mcp_list_tools.completed",
      "response.output_item.done",
    ]);
    const list = first.response.output[0] as OpenAI.Responses.ResponseOutputItem.McpListTools;
    expect(list.tools.map((t) => t.name)).toEqual(["search_docs", "create_ticket"]);
    expect(list.tools[0]?.input_schema).toMatchObject({ type: "object", required: ["query"] });
    const request = first.response.output[1] as OpenAI.Responses.ResponseOutputItem.McpApprovalRequest;
    expect(request).toMatchObject({
      server_label: "docs",
      name: "search_docs",
      arguments: '{"query":"rate limits"}',
    });
    // The headers reach the upstream's log as sent, and never come back.
    const logged = emu.state.log.find((l) => l.path === "/v1/responses")?.json as {
      tools: { headers: unknown }[];
    };
    expect(logged.tools[0]?.headers).toEqual({ Authorization: "Bearer mcp-secret" });
    expect(JSON.stringify(first)).not.toContain("mcp-secret");

    const second = await streamed({
      model: MODEL,
      input: [{ type: "mcp_approval_response", approval_request_id: request.id, approve: true }],
      tools,
      conversation: conv.id,
    });
    expect(second.response.output.map((o) => o.type)).toEqual(["mcp_call", "message"]);
    expect(typesOf(second.events, 0)).toEqual([
      "response.output_item.added",
      "response.mcp_call.in_progress",
      "response.mcp_call_arguments.delta",
      "response.mcp_call_arguments.done",
      "response.mcp_call.completed",
      "response.output_item.done",
    ]);
    const call = second.response.output[0] as OpenAI.Responses.ResponseOutputItem.McpCall;
    expect(call).toMatchObject({ name: "search_docs", approval_request_id: request.id, status: "completed" });
    expect(JSON.parse(call.output ?? "")).toMatchObject({ results: [{ title: "About rate limits" }] });
    expect(second.response.output_text).toContain("search_docs on docs returned");

    const items = (await client.conversations.items.list(conv.id, { order: "asc" })).data.map((x) => x.type);
    expect(items).toEqual([
      "message",
      "mcp_list_tools",
      "mcp_approval_request",
      "mcp_approval_response",
      "mcp_call",
      "message",
    ]);
  });

  it("[mcp] a declined request gets a message and no call; previous_response_id works too", async () => {
    const tools: Params["tools"] = [
      { type: "mcp", server_label: "crm", server_url: "https://crm.example.com/mcp" },
    ];
    const first = await client.responses.create({ model: MODEL, input: "[mcp] find Ada", tools });
    const request = first.output.find((o) => o.type === "mcp_approval_request");
    if (!request) throw new Error("no approval request");
    const second = await client.responses.create({
      model: MODEL,
      previous_response_id: first.id,
      input: [{ type: "mcp_approval_response", approval_request_id: request.id, approve: false }],
      tools,
    });
    expect(second.output.map((o) => o.type)).toEqual(["message"]);
    expect(second.output_text).toBe("You declined the call to search_docs on crm, so I did not run it.");
    expect(
      await error(
        client.responses.create({
          model: MODEL,
          input: [{ type: "mcp_approval_response", approval_request_id: "mcpr_nope", approve: true }],
          tools,
        }),
      ),
    ).toMatchObject({ status: 400, param: "input[0].approval_request_id" });
  });

  it("[mcp] with require_approval never (or a never list) calls directly, within allowed_tools", async () => {
    const r = await client.responses.create({
      model: MODEL,
      input: "[mcp] printer jam",
      tools: [
        {
          type: "mcp",
          server_label: "desk",
          server_url: "https://desk.example.com/mcp",
          allowed_tools: ["create_ticket"],
          require_approval: { never: { tool_names: ["create_ticket"] } },
        },
      ],
    });
    expect(r.output.map((o) => o.type)).toEqual(["mcp_list_tools", "mcp_call", "message"]);
    const call = r.output[1] as OpenAI.Responses.ResponseOutputItem.McpCall;
    expect(call).toMatchObject({
      name: "create_ticket",
      arguments: '{"title":"printer jam","priority":"low"}',
    });
    expect(
      (r.output[0] as OpenAI.Responses.ResponseOutputItem.McpListTools).tools.map((t) => t.name),
    ).toEqual(["create_ticket"]);
  });

  it("keeps function calls as they were, after any hosted call", async () => {
    const r = await client.responses.create({
      model: MODEL,
      input: "[web] [tool] weather",
      tools: [
        { type: "web_search" },
        {
          type: "function",
          name: "get_weather",
          parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
          strict: false,
        },
      ],
    });
    expect(r.output.map((o) => o.type)).toEqual(["web_search_call", "function_call"]);
  });
});

describe("replies without user text", () => {
  it("answers a turn of function outputs alone with the tool result, as before", async () => {
    const r = await client.responses.create({
      model: MODEL,
      input: [{ type: "function_call_output", call_id: "call_1", output: "sunny" }],
    });
    expect(r.output_text).toBe("Tool result: sunny");
    const empty = await client.responses.create({ model: MODEL, input: [] });
    expect(empty.output_text).toBe("Echo: (empty)");
  });
});
