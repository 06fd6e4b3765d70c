import OpenAI from "openai";
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
  emu.state.reset();
  emu.state.config.streamChunkDelayMs = 0;
});

const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: InstanceType<typeof OpenAI.APIError>) => ({
      status: e.status,
      param: e.param,
      code: e.code,
      message: e.message,
    }),
  );

describe("conversations", () => {
  it("creates, retrieves, updates and deletes; a deleted conversation answers 404 but keeps its items", async () => {
    const c = await client.conversations.create({
      metadata: { topic: "demo" },
      items: [{ role: "user", content: "hello" }],
    });
    expect(c).toMatchObject({ object: "conversation", metadata: { topic: "demo" } });
    expect(c.id).toMatch(/^conv_/);
    expect((await client.conversations.retrieve(c.id)).id).toBe(c.id);
    const u = await client.conversations.update(c.id, { metadata: { topic: "other" } });
    expect(u.metadata).toEqual({ topic: "other" });
    const d = await client.conversations.delete(c.id);
    expect(d).toEqual({ id: c.id, object: "conversation.deleted", deleted: true });
    expect(await status(client.conversations.retrieve(c.id))).toMatchObject({ status: 404 });
    expect(emu.state.conversations.get(c.id)?.items).toHaveLength(1);
  });

  it("refuses more than 20 items at a time", async () => {
    const items = Array.from({ length: 21 }, (_, i) => ({ role: "user" as const, content: `m${i}` }));
    expect(await status(client.conversations.create({ items }))).toMatchObject({
      status: 400,
      param: "items",
      code: "array_above_max_length",
    });
    const c = await client.conversations.create({});
    expect(await status(client.conversations.items.create(c.id, { items }))).toMatchObject({ status: 400 });
  });

  it("adds, lists (paged, both orders), retrieves and deletes items", async () => {
    const c = await client.conversations.create({});
    const added = await client.conversations.items.create(c.id, {
      items: Array.from({ length: 5 }, (_, i) => ({ role: "user" as const, content: `m${i}` })),
    });
    expect(added.data).toHaveLength(5);
    expect(added.data[0]).toMatchObject({
      type: "message",
      role: "user",
      status: "completed",
      content: [{ type: "input_text", text: "m0" }],
    });
    const page = await client.conversations.items.list(c.id, { limit: 2, order: "asc" });
    expect(page.data.map((x) => (x as { content: { text: string }[] }).content[0]?.text)).toEqual([
      "m0",
      "m1",
    ]);
    expect(page.has_more).toBe(true);
    const texts: string[] = [];
    for await (const item of client.conversations.items.list(c.id, { limit: 2 }))
      texts.push((item as { content: { text: string }[] }).content[0]?.text ?? "");
    expect(texts).toEqual(["m4", "m3", "m2", "m1", "m0"]);
    const one = added.data[2] as { id: string } | undefined;
    if (!one) throw new Error("no item");
    expect((await client.conversations.items.retrieve(one.id, { conversation_id: c.id })).id).toBe(one.id);
    const after = await client.conversations.items.delete(one.id, { conversation_id: c.id });
    expect(after).toMatchObject({ id: c.id, object: "conversation" });
    expect(
      await status(client.conversations.items.retrieve(one.id, { conversation_id: c.id })),
    ).toMatchObject({
      status: 404,
    });
  });

  it("answers include-gated fields only when the listing includes them", async () => {
    const c = await client.conversations.create({
      items: [
        {
          type: "file_search_call",
          id: "fs_1",
          status: "completed",
          queries: ["q"],
          results: [{ file_id: "file-1", filename: "a.txt", score: 0.5, text: "chunk" }],
        },
      ],
    });
    const bare = await client.conversations.items.list(c.id);
    expect(bare.data[0]).toMatchObject({ id: "fs_1", results: null });
    const full = await client.conversations.items.list(c.id, { include: ["file_search_call.results"] });
    expect(full.data[0]).toMatchObject({ results: [{ file_id: "file-1", text: "chunk" }] });
    const one = await client.conversations.items.retrieve("fs_1", {
      conversation_id: c.id,
      include: ["file_search_call.results"],
    });
    expect(one).toMatchObject({ results: [{ score: 0.5 }] });
  });

  it("prepends the conversation to a response and appends the turn's input and output", async () => {
    const c = await client.conversations.create({ items: [{ role: "user", content: "remember json" }] });
    const r = await client.responses.create({ model: "gpt-4o-mini", input: "hi", conversation: c.id });
    expect(r.conversation).toEqual({ id: c.id });
    const r2 = await client.responses.create({
      model: "gpt-4o-mini",
      input: [{ role: "user", content: "again" }],
      conversation: { id: c.id },
      text: { format: { type: "json_object" } },
      stream: true,
    });
    for await (const _ of r2) {
      // drain
    }
    const items = (await client.conversations.items.list(c.id, { order: "asc" })).data;
    expect(items.map((x) => x.type)).toEqual(["message", "message", "message", "message", "message"]);
    expect(items[2]).toMatchObject({ id: r.output[0]?.id, role: "assistant" });
    expect(items[3]).toMatchObject({ role: "user", content: [{ type: "input_text", text: "again" }] });
  });

  it("refuses conversation with previous_response_id, and an unknown conversation", async () => {
    const c = await client.conversations.create({});
    const r = await client.responses.create({ model: "gpt-4o-mini", input: "hi" });
    expect(
      await status(
        client.responses.create({
          model: "gpt-4o-mini",
          input: "x",
          conversation: c.id,
          previous_response_id: r.id,
        }),
      ),
    ).toMatchObject({ status: 400, code: "mutually_exclusive_parameters" });
    expect(
      await status(client.responses.create({ model: "gpt-4o-mini", input: "x", conversation: "conv_nope" })),
    ).toMatchObject({ status: 404 });
  });

  it("refuses a prompt reference: OpenAI's prompt objects are shut down", async () => {
    const e = await status(
      client.responses.create({ prompt: { id: "asst_bt_0123", variables: {} }, input: "x" }),
    );
    expect(e).toMatchObject({ status: 400, param: "prompt", code: "prompt_not_found" });
    expect(emu.state.responses.size).toBe(0);
  });
});
