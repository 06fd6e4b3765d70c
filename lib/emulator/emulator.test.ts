import OpenAI, { toFile } from "openai";
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

const control = (path: string, body?: unknown) =>
  fetch(`${emu.url.replace(/\/v1$/, "")}/__emulator/${path}`, {
    method: body === undefined ? "GET" : "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => r.json());

describe("emulator", () => {
  it("lists models with a fine-tune and a shutdown date, and sends the API headers", async () => {
    const { data, response } = await client.models.list().withResponse();
    expect(data.data.some((m) => m.id.startsWith("ft:"))).toBe(true);
    expect(
      data.data.some((m) => (m as { shutdown_date?: string | null }).shutdown_date === "2026-10-23"),
    ).toBe(true);
    expect(response.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get("openai-version")).toBe("2020-10-01");
  });

  it("answers chat completions as JSON and as a stream with usage", async () => {
    const c = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi there" }],
    });
    expect(c.choices[0]?.message.content).toBe("Echo: hi there");
    expect(c.usage?.completion_tokens).toBe(3);
    const { data: stream, response } = await client.chat.completions
      .create({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "a b c" }],
        stream: true,
        stream_options: { include_usage: true },
      })
      .withResponse();
    expect(response.headers.get("x-ratelimit-limit-requests")).toBe("5000");
    let text = "";
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe("Echo: a b c");
    expect(usage?.completion_tokens).toBe(4);
  });

  it("stops at max tokens with finish_reason length, and counts reasoning for o-series", async () => {
    const c = await client.chat.completions.create({
      model: "o3",
      messages: [{ role: "user", content: "one two three four" }],
      max_completion_tokens: 2,
    });
    expect(c.choices[0]?.finish_reason).toBe("length");
    expect(c.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
  });

  it("answers Responses as JSON and as the real event sequence", async () => {
    const r = await client.responses.create({ model: "gpt-4o-mini", input: "hello" });
    expect(r.output_text).toBe("Echo: hello");
    expect(r.usage?.output_tokens).toBe(2);
    expect((await client.responses.retrieve(r.id)).id).toBe(r.id);
    const stream = await client.responses.create({
      model: "gpt-4o-mini",
      input: [{ role: "user", content: "x y" }],
      stream: true,
    });
    const types: string[] = [];
    const seqs: number[] = [];
    for await (const ev of stream) {
      types.push(ev.type);
      seqs.push(ev.sequence_number);
    }
    expect(types.slice(0, 4)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
    ]);
    expect(types.at(-1)).toBe("response.completed");
    expect(seqs).toEqual(seqs.map((_, i) => i));
    const count = await client.responses.inputTokens.count({ model: "gpt-4o-mini", input: "hello" });
    expect(count.input_tokens).toBeGreaterThan(0);
  });

  it("stores, lists, serves and deletes files", async () => {
    const f = await client.files.create({
      file: await toFile(Buffer.from("hello\n"), "a.txt"),
      purpose: "assistants",
    });
    expect(f.bytes).toBe(6);
    const page = await client.files.list({ purpose: "assistants" });
    expect(page.data.map((x) => x.id)).toContain(f.id);
    expect(await (await client.files.content(f.id)).text()).toBe("hello\n");
    expect((await client.files.delete(f.id)).deleted).toBe(true);
    await expect(client.files.retrieve(f.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("refuses non-.jsonl fine-tune files with param and code", async () => {
    const e = (await client.files
      .create({ file: await toFile(Buffer.from("x"), "a.csv"), purpose: "fine-tune" })
      .catch((x: unknown) => x)) as InstanceType<typeof OpenAI.BadRequestError>;
    expect(e).toBeInstanceOf(OpenAI.BadRequestError);
    expect(e.param).toBe("file");
  });

  it("assembles uploads from parts in the order given", async () => {
    const u = await client.uploads.create({
      bytes: 6,
      filename: "u.txt",
      mime_type: "text/plain",
      purpose: "assistants",
    });
    const p1 = await client.uploads.parts.create(u.id, { data: await toFile(Buffer.from("abc"), "p") });
    const p2 = await client.uploads.parts.create(u.id, { data: await toFile(Buffer.from("def"), "p") });
    const done = await client.uploads.complete(u.id, { part_ids: [p2.id, p1.id] });
    expect(done.status).toBe("completed");
    expect(await (await client.files.content(done.file?.id ?? "")).text()).toBe("defabc");
    await expect(client.uploads.cancel(u.id)).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const bad = await client.uploads.create({
      bytes: 10,
      filename: "v.txt",
      mime_type: "text/plain",
      purpose: "assistants",
    });
    const p3 = await client.uploads.parts.create(bad.id, { data: await toFile(Buffer.from("abc"), "p") });
    await expect(client.uploads.complete(bad.id, { part_ids: [p3.id] })).rejects.toMatchObject({
      param: "part_ids",
    });
  });

  it("answers errors in OpenAI's shape", async () => {
    const wrong = new OpenAI({ apiKey: "sk-wrong-1234", baseURL: emu.url, maxRetries: 0 });
    const e401 = (await wrong.models.list().catch((x: unknown) => x)) as InstanceType<typeof OpenAI.APIError>;
    expect(e401.status).toBe(401);
    expect(e401.message).toContain("sk-…1234");
    expect(e401.message).not.toContain("sk-wrong-1234");
    const e404 = (await client.get("/nope").catch((x: unknown) => x)) as InstanceType<typeof OpenAI.APIError>;
    expect(e404.status).toBe(404);
    expect(e404.message).toContain("Invalid URL");
    const e400 = (await client.chat.completions
      .create({ model: "gpt-4o-mini" } as never)
      .catch((x: unknown) => x)) as InstanceType<typeof OpenAI.APIError>;
    expect(e400.param).toBe("messages");
  });

  it("delays the first byte when asked, then answers normally", async () => {
    await control("faults", { kind: "slow_first_byte", delayMs: 300, path: "/v1/models" });
    const t0 = performance.now();
    const page = await client.models.list();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    expect(page.data.length).toBeGreaterThan(0);
    const t1 = performance.now();
    await client.models.list();
    expect(performance.now() - t1).toBeLessThan(250);
  });

  it("injects faults: 429 with retry-after, quota, broken streams, aborts seen", async () => {
    await control("faults", { kind: "status", status: 429, retryAfter: 3, path: "/v1/chat/completions" });
    const e = (await client.chat.completions
      .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] })
      .catch((x: unknown) => x)) as InstanceType<typeof OpenAI.RateLimitError>;
    expect(e).toBeInstanceOf(OpenAI.RateLimitError);
    expect(e.headers?.get("retry-after")).toBe("3");
    expect(e.code).toBe("rate_limit_exceeded");
    await control("faults", { kind: "status", status: 429, code: "insufficient_quota" });
    const q = (await client.models.list().catch((x: unknown) => x)) as InstanceType<
      typeof OpenAI.RateLimitError
    >;
    expect(q.code).toBe("insufficient_quota");

    await control("faults", { kind: "break_stream", afterChunks: 2 });
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "a b c d e" }],
      stream: true,
    });
    let n = 0;
    await expect(
      (async () => {
        for await (const _ of stream) n++;
      })(),
    ).rejects.toThrow();
    expect(n).toBe(2);

    emu.state.config.streamChunkDelayMs = 50;
    const ac = new AbortController();
    const s2 = await client.chat.completions.create(
      { model: "gpt-4o-mini", messages: [{ role: "user", content: "[long]" }], stream: true },
      { signal: ac.signal },
    );
    await (async () => {
      for await (const _ of s2) ac.abort();
    })().catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    const log = (await control("requests")) as {
      data: { path: string; aborted: boolean; headers: Record<string, string> }[];
    };
    const last = log.data.filter((r) => r.path === "/v1/chat/completions").at(-1);
    expect(last?.aborted).toBe(true);
    expect(last?.headers.authorization).toBe(`Bearer sk-…${KEY.slice(-4)}`);
  });
});
