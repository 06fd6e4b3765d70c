import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./server";

let emu: Emulator;
let client: OpenAI;
const KEY = "sk-emulator-test-abcd";

type ApiError = InstanceType<typeof OpenAI.APIError>;
const fail = (p: Promise<unknown>) => p.then(() => null as unknown as ApiError).catch((e: ApiError) => e);

/** A page's whole JSON body (search_query, first_id…), which the SDK keeps protected. */
const raw = (page: object) => (page as { body: Record<string, unknown> }).body;

const control = (path: string, body?: unknown) =>
  fetch(`${emu.url.replace(/\/v1$/, "")}/__emulator/${path}`, {
    method: body === undefined ? "GET" : "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => r.json());

const upload = async (text: string, name: string, extra: Partial<OpenAI.FileCreateParams> = {}) =>
  client.files.create({ file: await toFile(Buffer.from(text), name), purpose: "assistants", ...extra });

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY, controls: true });
  client = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control("reset", {});
  await control("config", { vectorStoreProcessingMs: 0 });
});

describe("vector stores", () => {
  it("creates, lists with cursors, retrieves, updates and deletes stores (files kept)", async () => {
    const f = await upload("hello world", "a.txt");
    const vs = await client.vectorStores.create({
      name: "docs",
      description: "d",
      file_ids: [f.id],
      metadata: { team: "x" },
      expires_after: { anchor: "last_active_at", days: 7 },
    });
    expect(vs).toMatchObject({ object: "vector_store", name: "docs", status: "in_progress" });
    expect(vs.file_counts).toEqual({ in_progress: 1, completed: 0, failed: 0, cancelled: 0, total: 1 });
    expect(vs.expires_at).toBe((vs.last_active_at ?? 0) + 7 * 86_400);
    const again = await client.vectorStores.retrieve(vs.id);
    expect(again.status).toBe("completed");
    expect(again.usage_bytes).toBe(11);
    expect(again.file_counts.completed).toBe(1);

    for (const name of ["b", "c", "d"]) await client.vectorStores.create({ name });
    const page = await client.vectorStores.list({ limit: 2 });
    expect(page.data.map((s) => s.name)).toEqual(["d", "c"]);
    expect(raw(page)).toMatchObject({
      has_more: true,
      first_id: page.data[0]?.id,
      last_id: page.data[1]?.id,
    });
    const all: string[] = [];
    for await (const s of client.vectorStores.list({ limit: 2, order: "asc" })) all.push(s.name);
    expect(all).toEqual(["docs", "b", "c", "d"]);
    const before = await client.vectorStores.list({ before: page.data[1]?.id, limit: 5 });
    expect(before.data.map((s) => s.name)).toEqual(["d"]);

    const up = await client.vectorStores.update(vs.id, { name: "renamed", metadata: { a: "1" } });
    expect(up).toMatchObject({ name: "renamed", metadata: { a: "1" } });
    expect(await client.vectorStores.delete(vs.id)).toEqual({
      id: vs.id,
      object: "vector_store.deleted",
      deleted: true,
    });
    expect((await fail(client.vectorStores.retrieve(vs.id))).status).toBe(404);
    expect((await client.files.retrieve(f.id)).id).toBe(f.id);
  });

  it("validates chunking, expiry, metadata, attributes and file ids", async () => {
    const f = await upload("x", "x.txt");
    const chunk = (max: number, overlap: number) =>
      fail(
        client.vectorStores.create({
          chunking_strategy: {
            type: "static",
            static: { max_chunk_size_tokens: max, chunk_overlap_tokens: overlap },
          },
        }),
      );
    expect(await chunk(50, 0)).toMatchObject({
      status: 400,
      param: "chunking_strategy.static.max_chunk_size_tokens",
      code: "integer_below_min_value",
    });
    expect((await chunk(5000, 0)).code).toBe("integer_above_max_value");
    expect((await chunk(400, 201)).param).toBe("chunking_strategy.static.chunk_overlap_tokens");
    expect(await chunk(400, 200)).toBeNull();
    const days = await fail(
      client.vectorStores.create({ expires_after: { anchor: "last_active_at", days: 366 } }),
    );
    expect(days).toMatchObject({ status: 400, param: "expires_after.days" });
    const meta = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, "v"]));
    expect(await fail(client.vectorStores.create({ metadata: meta }))).toMatchObject({
      param: "metadata",
      code: "object_above_max_properties",
    });
    const vs = await client.vectorStores.create({ name: "v" });
    const missing = await fail(client.vectorStores.files.create(vs.id, { file_id: "file-nope" }));
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect(missing.param).toBe("file_id");
    const long = await fail(
      client.vectorStores.files.create(vs.id, { file_id: f.id, attributes: { k: "x".repeat(513) } }),
    );
    expect(long).toMatchObject({ param: "attributes.k", code: "string_above_max_length" });
    const bad = await fail(
      client.vectorStores.files.create(vs.id, { file_id: f.id, attributes: { k: [1] as never } }),
    );
    expect(bad).toMatchObject({ param: "attributes.k", code: "invalid_type" });
    expect((await fail(client.vectorStores.retrieve("vs_nope"))).error).toEqual({
      message: "No vector store found with id 'vs_nope'.",
      type: "invalid_request_error",
      param: null,
      code: null,
    });
  });

  it("moves files from in_progress to completed or failed over time", async () => {
    await control("config", { vectorStoreProcessingMs: 60_000 });
    const ok = await upload("alpha beta", "ok.md");
    const bin = await upload("\u0000\u0001", "blob.bin");
    const bad = await upload("text", "notes [fail].txt");
    const vs = await client.vectorStores.create({ name: "t" });
    for (const id of [ok.id, bin.id, bad.id]) {
      const vf = await client.vectorStores.files.create(vs.id, { file_id: id, attributes: { n: 1 } });
      expect(vf).toMatchObject({ object: "vector_store.file", status: "in_progress", last_error: null });
    }
    const { data, response } = await client.vectorStores.files
      .retrieve(ok.id, { vector_store_id: vs.id })
      .withResponse();
    expect(data.status).toBe("in_progress");
    expect(Number(response.headers.get("openai-poll-after-ms"))).toBeGreaterThan(0);
    expect((await client.vectorStores.retrieve(vs.id)).status).toBe("in_progress");
    await control("clock", { advanceSeconds: 60 });
    const okDone = await client.vectorStores.files.retrieve(ok.id, { vector_store_id: vs.id });
    expect(okDone).toMatchObject({ status: "completed", usage_bytes: 10 });
    expect(okDone.chunking_strategy).toEqual({
      type: "static",
      static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 },
    });
    const binDone = await client.vectorStores.files.retrieve(bin.id, { vector_store_id: vs.id });
    expect(binDone.status).toBe("failed");
    expect(binDone.last_error?.code).toBe("unsupported_file");
    expect(binDone.last_error?.message).toContain(".bin");
    const failed = await client.vectorStores.files.list(vs.id, { filter: "failed" });
    expect(failed.data.map((f) => f.id).sort()).toEqual([bin.id, bad.id].sort());
    const store = await client.vectorStores.retrieve(vs.id);
    expect(store.file_counts).toEqual({ in_progress: 0, completed: 1, failed: 2, cancelled: 0, total: 3 });
    expect(store.status).toBe("completed");

    await control("config", { vectorStoreProcessingMs: 150 });
    const later = await upload("gamma", "later.txt");
    const t0 = performance.now();
    const polled = await client.vectorStores.files.createAndPoll(vs.id, { file_id: later.id });
    expect(polled.status).toBe("completed");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it("updates attributes, serves parsed content and detaches without deleting the file", async () => {
    const f = await upload("The quick brown fox.", "fox.txt");
    const vs = await client.vectorStores.create({ file_ids: [f.id] });
    const updated = await client.vectorStores.files.update(f.id, {
      vector_store_id: vs.id,
      attributes: { lang: "en", year: 2024, draft: false },
    });
    expect(updated.attributes).toEqual({ lang: "en", year: 2024, draft: false });
    const content = await client.vectorStores.files.content(f.id, { vector_store_id: vs.id });
    expect(content.data).toEqual([{ type: "text", text: "The quick brown fox." }]);
    expect(raw(content)).toMatchObject({ file_id: f.id, filename: "fox.txt", attributes: { lang: "en" } });
    const del = await client.vectorStores.files.delete(f.id, { vector_store_id: vs.id });
    expect(del).toEqual({ id: f.id, object: "vector_store.file.deleted", deleted: true });
    expect((await client.vectorStores.retrieve(vs.id)).file_counts.total).toBe(0);
    expect((await client.files.retrieve(f.id)).id).toBe(f.id);
  });

  it("runs file batches with per-file attributes, lists their files and cancels", async () => {
    const a = await upload("one", "1.txt");
    const b = await upload("two", "2.txt");
    const vs = await client.vectorStores.create({ name: "b" });
    const batch = await client.vectorStores.fileBatches.createAndPoll(vs.id, {
      files: [
        { file_id: a.id, attributes: { kind: "a" } },
        {
          file_id: b.id,
          chunking_strategy: {
            type: "static",
            static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 0 },
          },
        },
      ],
    });
    expect(batch).toMatchObject({ object: "vector_store.files_batch", status: "completed" });
    expect(batch.file_counts.completed).toBe(2);
    const files = await client.vectorStores.fileBatches.listFiles(batch.id, { vector_store_id: vs.id });
    expect(files.data.map((f) => [f.id, f.attributes])).toEqual([
      [b.id, {}],
      [a.id, { kind: "a" }],
    ]);
    expect(
      await fail(
        client.vectorStores.fileBatches.create(vs.id, { file_ids: [a.id], files: [{ file_id: a.id }] }),
      ),
    ).toMatchObject({ status: 400 });
    expect(await fail(client.vectorStores.fileBatches.create(vs.id, { file_ids: [] }))).toMatchObject({
      status: 400,
      param: "file_ids",
    });

    await control("config", { vectorStoreProcessingMs: 60_000 });
    const slow = await client.vectorStores.fileBatches.create(vs.id, { file_ids: [a.id, b.id] });
    expect(slow.status).toBe("in_progress");
    const cancelled = await client.vectorStores.fileBatches.cancel(slow.id, { vector_store_id: vs.id });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.file_counts).toMatchObject({ cancelled: 2, in_progress: 0, total: 2 });
    const again = await fail(client.vectorStores.fileBatches.cancel(slow.id, { vector_store_id: vs.id }));
    expect(again.status).toBe(400);
  });

  it("searches completed files by term overlap, with filters, thresholds and rewritten queries", async () => {
    const words = Array.from({ length: 250 }, (_, i) => `w${i}`).join(" ");
    const a = await upload(`Refunds are accepted within 30 days. ${words} shipping is free`, "policy.txt");
    const b = await upload("Shipping takes five days; refunds never.", "faq.txt");
    const c = await upload("Unrelated text about cats.", "cats.txt");
    const vs = await client.vectorStores.create({ name: "s" });
    await client.vectorStores.fileBatches.createAndPoll(vs.id, {
      files: [
        {
          file_id: a.id,
          attributes: { region: "eu", year: 2024 },
          chunking_strategy: {
            type: "static",
            static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 0 },
          },
        },
        { file_id: b.id, attributes: { region: "us", year: 2025 } },
        { file_id: c.id, attributes: { region: "eu", year: 2023 } },
      ],
    });
    const page = await client.vectorStores.search(vs.id, {
      query: "What is the refunds policy for shipping?",
    });
    expect(raw(page)).toMatchObject({ object: "vector_store.search_results.page", has_more: false });
    expect(raw(page).search_query).toEqual(["What is the refunds policy for shipping?"]);
    expect(page.data[0]).toMatchObject({ file_id: b.id, filename: "faq.txt", score: 0.6667 });
    expect(page.data[0]?.content).toEqual([
      { type: "text", text: "Shipping takes five days; refunds never." },
    ]);
    expect(page.data.filter((r) => r.file_id === a.id)).toHaveLength(2);
    expect(page.data.every((r) => r.file_id !== c.id)).toBe(true);

    const rewritten = await client.vectorStores.search(vs.id, {
      query: "What is the REFUNDS policy?",
      rewrite_query: true,
    });
    expect(raw(rewritten).search_query).toEqual(["refunds policy"]);

    const eu = await client.vectorStores.search(vs.id, {
      query: "refunds shipping",
      filters: { type: "eq", key: "region", value: "eu" },
    });
    expect(new Set(eu.data.map((r) => r.file_id))).toEqual(new Set([a.id]));
    expect(eu.data[0]?.attributes).toEqual({ region: "eu", year: 2024 });
    const compound = await client.vectorStores.search(vs.id, {
      query: "refunds",
      filters: {
        type: "or",
        filters: [
          { type: "gte", key: "year", value: 2025 },
          {
            type: "and",
            filters: [
              { type: "ne", key: "region", value: "us" },
              { type: "lt", key: "year", value: 2024 },
            ],
          },
        ],
      },
    });
    expect(compound.data.map((r) => r.file_id)).toEqual([b.id]);
    const strict = await client.vectorStores.search(vs.id, {
      query: "refunds shipping cats",
      ranking_options: { score_threshold: 0.6 },
      max_num_results: 1,
    });
    expect(strict.data.map((r) => [r.file_id, r.score])).toEqual([[b.id, 0.6667]]);
    expect(await fail(client.vectorStores.search(vs.id, { query: "x", max_num_results: 51 }))).toMatchObject({
      param: "max_num_results",
    });
  });

  it("removes a deleted file from every vector store", async () => {
    const f = await upload("shared words", "shared.txt");
    const keep = await upload("kept", "kept.txt");
    const one = await client.vectorStores.create({ file_ids: [f.id, keep.id] });
    const two = await client.vectorStores.create({ file_ids: [f.id] });
    expect((await client.vectorStores.retrieve(one.id)).usage_bytes).toBe(16);
    await client.files.delete(f.id);
    const after = await client.vectorStores.retrieve(one.id);
    expect(after.file_counts.total).toBe(1);
    expect(after.usage_bytes).toBe(4);
    expect((await client.vectorStores.retrieve(two.id)).file_counts.total).toBe(0);
    const gone = await fail(client.vectorStores.files.retrieve(f.id, { vector_store_id: two.id }));
    expect(gone.status).toBe(404);
  });

  it("expires files and vector stores when the clock moves on", async () => {
    const f = await upload("temporary", "tmp.txt", {
      expires_after: { anchor: "created_at", seconds: 3600 },
    });
    expect(f.expires_at).toBe(f.created_at + 3600);
    const vs = await client.vectorStores.create({
      file_ids: [f.id],
      expires_after: { anchor: "last_active_at", days: 1 },
    });
    const short = await fail(upload("x", "x.txt", { expires_after: { anchor: "created_at", seconds: 60 } }));
    expect(short.param).toBe("expires_after.seconds");
    const { clock } = (await control("clock", { advanceSeconds: 3600 })) as { clock: number };
    expect(clock).toBeGreaterThanOrEqual(f.created_at + 3600);
    expect((await fail(client.files.retrieve(f.id))).status).toBe(404);
    expect((await client.files.list()).data.map((x) => x.id)).not.toContain(f.id);
    const store = await client.vectorStores.retrieve(vs.id);
    expect(store.status).toBe("completed");
    expect(store.file_counts.total).toBe(0);
    await control("clock", { advanceSeconds: 86_400 });
    const expired = await client.vectorStores.retrieve(vs.id);
    expect(expired.status).toBe("expired");
    const search = await fail(client.vectorStores.search(vs.id, { query: "x" }));
    expect(search).toMatchObject({ status: 400, code: "vector_store_expired" });
  });
});
