import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveModel } from "../models/catalogue";
import { type Emulator, startEmulator } from "./server";

let emu: Emulator;
let bare: Emulator;
let client: OpenAI;
const KEY = "sk-emulator-test-abcd";
const ADMIN = "sk-admin-emulator-test-wxyz";

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: KEY, adminKey: ADMIN });
  bare = await startEmulator({ port: 0, apiKey: KEY });
  client = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 });
});
afterAll(async () => {
  await emu.close();
  await bare.close();
});
beforeEach(() => emu.state.reset());

const admin = (path: string, key = ADMIN, base = emu.url) =>
  fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } });
const json = async (path: string) => {
  const r = await admin(path);
  expect(r.status, await r.clone().text()).toBe(200);
  return (await r.json()) as {
    data: { start_time: number; end_time: number; results: Record<string, unknown>[] }[];
    has_more: boolean;
    next_page: string | null;
  };
};
const now = () => Math.floor(Date.now() / 1000);

describe("admin endpoints", () => {
  it("take the admin key only; without one configured they refuse every key", async () => {
    const path = `/organization/usage/completions?start_time=${now() - 60}`;
    expect((await admin(path, KEY)).status).toBe(401);
    expect((await admin(path)).status).toBe(200);
    // The admin key opens nothing else.
    expect((await admin("/models")).status).toBe(401);
    expect((await admin(path, ADMIN, bare.url)).status).toBe(401);
    expect((await admin(path, KEY, bare.url)).status).toBe(401);
  });

  it("count every successful model call, JSON or streamed, in aligned buckets", async () => {
    await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi there" }],
    });
    const s = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi there" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const _ of s);
    await client.responses.create({ model: "gpt-4.1", input: "hello" });
    await client.embeddings.create({ model: "text-embedding-3-small", input: ["a", "b"] });
    emu.state.faults.push({ id: "f", kind: "status", status: 429, times: 1 });
    await expect(client.chat.completions.create({ model: "gpt-4o-mini", messages: [] })).rejects.toThrow();

    const day = Math.floor(now() / 86_400) * 86_400;
    const page = await json(`/organization/usage/completions?start_time=${now() - 10}&bucket_width=1d`);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ start_time: day, end_time: day + 86_400 });
    const [total] = page.data[0]?.results ?? [];
    expect(total).toMatchObject({
      object: "organization.usage.completions.result",
      num_model_requests: 3,
      model: null,
    });
    expect(Number(total?.input_tokens)).toBeGreaterThan(0);
    expect(Number(total?.output_tokens)).toBeGreaterThan(0);

    const byModel = await json(
      `/organization/usage/completions?start_time=${now() - 10}&bucket_width=1m&group_by[]=model&group_by[]=service_tier`,
    );
    const results = byModel.data.flatMap((b) => b.results);
    expect(Object.fromEntries(results.map((r) => [r.model, r.num_model_requests]))).toEqual({
      "gpt-4o-mini": 2,
      "gpt-4.1": 1,
    });
    expect(results.every((r) => r.service_tier === "default" && r.project_id === null)).toBe(true);

    const emb = await json(`/organization/usage/embeddings?start_time=${now() - 10}`);
    expect(emb.data[0]?.results[0]).toMatchObject({ num_model_requests: 1, input_tokens: 2 });
  });

  it("pages buckets with next_page until the end time", async () => {
    const start = Math.floor(now() / 3600) * 3600 - 30 * 3600;
    const seen: number[] = [];
    let page: string | null = null;
    let pages = 0;
    do {
      const body = await json(
        `/organization/usage/completions?start_time=${start}&end_time=${start + 30 * 3600}&bucket_width=1h&limit=12${page ? `&page=${page}` : ""}`,
      );
      seen.push(...body.data.map((b) => b.start_time));
      expect(body.has_more).toBe(body.next_page !== null);
      page = body.next_page;
      pages++;
    } while (page);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => start + i * 3600));
  });

  it("check the bucket width, the limit and group_by", async () => {
    const t = now();
    expect((await admin(`/organization/usage/completions?start_time=${t}&bucket_width=2h`)).status).toBe(400);
    expect(
      (await admin(`/organization/usage/completions?start_time=${t}&bucket_width=1d&limit=32`)).status,
    ).toBe(400);
    expect((await admin(`/organization/usage/completions?start_time=${t}&group_by[]=line_item`)).status).toBe(
      400,
    );
    expect((await admin("/organization/usage/completions")).status).toBe(400);
    expect((await admin(`/organization/costs?start_time=${t}&bucket_width=1h`)).status).toBe(400);
  });

  it("price costs from the catalogue, by line item on request", async () => {
    const c = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi there" }],
    });
    const p = resolveModel("gpt-4o-mini").pricing;
    const usd =
      ((c.usage?.prompt_tokens ?? 0) * (p?.input ?? 0) +
        (c.usage?.completion_tokens ?? 0) * (p?.output ?? 0)) /
      1e6;
    const total = await json(`/organization/costs?start_time=${now() - 10}`);
    const amount = total.data[0]?.results[0]?.amount as { value: number } | undefined;
    expect(amount?.value).toBeCloseTo(usd, 9);
    const items = await json(`/organization/costs?start_time=${now() - 10}&group_by=line_item`);
    expect(items.data[0]?.results.map((r) => r.line_item).sort()).toEqual([
      "gpt-4o-mini, input",
      "gpt-4o-mini, output",
    ]);
    expect(items.data[0]?.results[0]).toMatchObject({
      quantity_unit: "tokens",
      object: "organization.costs.result",
    });
  });

  it("keep the org spend limit and alerts; a project without a limit is a 404", async () => {
    expect(await (await admin("/organization/spend_limit")).json()).toEqual({
      object: "organization.spend_limit",
      threshold_amount: 12_000,
      currency: "USD",
      interval: "month",
      enforcement: { status: "enforcing" },
    });
    const alerts = (await (await admin("/organization/spend_alerts")).json()) as {
      data: { object: string }[];
    };
    expect(alerts.data[0]?.object).toBe("organization.spend_alert");
    expect((await admin("/organization/projects/proj_x/spend_limit")).status).toBe(404);
    const set = await fetch(`${emu.url}/organization/projects/proj_x/spend_limit`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({ threshold_amount: 5000, currency: "USD", interval: "month" }),
    });
    expect(set.status).toBe(200);
    expect(await (await admin("/organization/projects/proj_x/spend_limit")).json()).toMatchObject({
      object: "project.spend_limit",
      threshold_amount: 5000,
    });
  });
});
