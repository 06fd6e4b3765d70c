import http from "node:http";
import OpenAI, { toFile } from "openai";
import { expect, test } from "./fixtures";
import { cli } from "./support/cli";
import { emulator } from "./support/emulator";
import { E2E } from "./support/env";
import { freshFetch } from "./support/fresh-fetch";

// The official SDK, pointed at Benchtop with a personal token, as a teammate's script would be.
let token: string;
let client: OpenAI;

test.beforeAll(() => {
  token = cli("token:create", "--email", E2E.admin.email, "--name", "sdk-e2e");
  expect(token).toMatch(/^bt_pat_/);
  client = new OpenAI({
    apiKey: token,
    baseURL: `${E2E.consoleUrl}/api/v1`,
    maxRetries: 0,
    fetch: freshFetch,
  });
});

test("lists models, including a fine-tune and a shutdown date", async () => {
  const models = [];
  for await (const m of client.models.list()) models.push(m);
  const ids = models.map((m) => m.id);
  expect(ids).toContain("gpt-4o-mini");
  expect(ids.some((id) => id.startsWith("ft:"))).toBe(true);
  expect(models.some((m) => typeof (m as { shutdown_date?: unknown }).shutdown_date === "string")).toBe(true);
  const upstream = (await emulator.requests()).filter((r) => r.path === "/v1/models").at(-1);
  // The emulator logs the key masked; it answered, so the full key matched.
  expect(upstream?.headers.authorization).toBe(`Bearer sk-…${E2E.apiKey.slice(-4)}`);
  expect(upstream?.status).toBe(200);
  expect(upstream?.headers["openai-organization"]).toBe("org-e2e");
  expect(upstream?.headers["openai-project"]).toBe("proj_e2e");
  expect(upstream?.headers.cookie).toBeUndefined();
});

test("file upload, list, retrieve, download and delete", async () => {
  const content = '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello 👋"}]}\n';
  const file = await client.files.create({
    file: await toFile(Buffer.from(content), "train.jsonl"),
    purpose: "fine-tune",
  });
  expect(file.filename).toBe("train.jsonl");
  expect(file.bytes).toBe(Buffer.byteLength(content));
  const listed = [];
  for await (const f of client.files.list({ purpose: "fine-tune" })) listed.push(f.id);
  expect(listed).toContain(file.id);
  expect((await client.files.retrieve(file.id)).id).toBe(file.id);
  const downloaded = await client.files.content(file.id);
  expect(await downloaded.text()).toBe(content);
  const deleted = await client.files.delete(file.id);
  expect(deleted.deleted).toBe(true);
  await expect(client.files.retrieve(file.id)).rejects.toMatchObject({ status: 404 });
});

test("a bad upload gets the upstream's clear error", async () => {
  const err = await client.files
    .create({ file: await toFile(Buffer.from("x"), "train.txt"), purpose: "fine-tune" })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OpenAI.BadRequestError);
  expect((err as InstanceType<typeof OpenAI.APIError>).message).toMatch(/jsonl/i);
});

test("a multi-part upload through the Uploads API", async () => {
  const a = Buffer.alloc(300_000, "a");
  const b = Buffer.alloc(200_000, "b");
  const upload = await client.uploads.create({
    bytes: a.length + b.length,
    filename: "big.txt",
    mime_type: "text/plain",
    purpose: "assistants",
  });
  const p1 = await client.uploads.parts.create(upload.id, { data: await toFile(a, "p1") });
  const p2 = await client.uploads.parts.create(upload.id, { data: await toFile(b, "p2") });
  const done = await client.uploads.complete(upload.id, { part_ids: [p1.id, p2.id] });
  expect(done.status).toBe("completed");
  const fileId = done.file?.id ?? "";
  const text = await (await client.files.content(fileId)).text();
  expect(text.length).toBe(500_000);
  expect(text.startsWith("aaa")).toBe(true);
  expect(text.endsWith("bbb")).toBe(true);
});

test("chat and responses streams arrive through the proxy with usage", async () => {
  const stream = await client.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "hello there" }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = "";
  let chunks = 0;
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const c of stream) {
    chunks++;
    text += c.choices[0]?.delta.content ?? "";
    usage = c.usage ?? usage;
  }
  expect(chunks).toBeGreaterThan(2);
  expect(text).toContain("hello there");
  expect(usage?.completion_tokens).toBeGreaterThan(0);

  const rs = await client.responses.create({
    model: "gpt-4o-mini",
    input: "streaming responses",
    stream: true,
  });
  const types: string[] = [];
  let completed: OpenAI.Responses.Response | undefined;
  for await (const ev of rs) {
    types.push(ev.type);
    if (ev.type === "response.completed") completed = ev.response;
  }
  expect(types[0]).toBe("response.created");
  expect(types).toContain("response.output_text.delta");
  expect(completed?.usage?.output_tokens).toBeGreaterThan(0);
});

test("a 429 passes through with retry-after and rate-limit headers", async () => {
  await emulator.fault({ path: "/v1/chat/completions", kind: "status", status: 429, retryAfter: 7 });
  const err = (await client.chat.completions
    .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] })
    .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
  expect(err).toBeInstanceOf(OpenAI.RateLimitError);
  expect(err.headers?.get("retry-after")).toBe("7");
  expect(err.headers?.get("x-request-id")).toMatch(/^req_/);
  expect(err.message).toMatch(/rate limit/i);
});

test("a slow first byte is waited for, not cut off", async () => {
  await emulator.fault({ path: "/v1/chat/completions", kind: "slow_first_byte", delayMs: 1500 });
  const t0 = Date.now();
  const c = await client.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "patience" }],
  });
  expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
  expect(c.choices[0]?.message.content).toBe("Echo: patience");
});

test("a stream that breaks midway raises, after what arrived", async () => {
  await emulator.fault({ path: "/v1/chat/completions", kind: "break_stream", afterChunks: 2 });
  const stream = await client.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "one two three four five six" }],
    stream: true,
  });
  let text = "";
  const err = await (async () => {
    for await (const c of stream) text += c.choices[0]?.delta.content ?? "";
  })().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  expect(text.length).toBeGreaterThan(0);
});

test("a client that goes away aborts the upstream call", async () => {
  await emulator.config({ streamChunkDelayMs: 100 });
  try {
    const ac = new AbortController();
    const stream = await client.chat.completions.create(
      { model: "gpt-4o-mini", messages: [{ role: "user", content: "abort me [long]" }], stream: true },
      { signal: ac.signal },
    );
    let n = 0;
    await (async () => {
      for await (const _ of stream) if (++n === 2) ac.abort();
    })().catch(() => {});
    await expect
      .poll(
        async () =>
          (await emulator.requests()).filter((r) => r.path === "/v1/chat/completions").at(-1)?.aborted,
        { timeout: 5_000 },
      )
      .toBe(true);
  } finally {
    await emulator.config({ streamChunkDelayMs: 5 });
  }
});

test("missing, wrong and revoked tokens are refused with 401", async ({ page }) => {
  const anon = await fetch(`${E2E.consoleUrl}/api/v1/models`);
  expect(anon.status).toBe(401);
  expect((await anon.json()).error.type).toBe("authentication_error");
  const wrong = new OpenAI({
    apiKey: "bt_pat_wrongwrongwrongwrongwrongwrongwrongwrongwro",
    baseURL: `${E2E.consoleUrl}/api/v1`,
    maxRetries: 0,
  });
  await expect(wrong.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  // The real key itself is not a Benchtop credential.
  const withKey = new OpenAI({
    apiKey: E2E.apiKey,
    baseURL: `${E2E.consoleUrl}/api/v1`,
    maxRetries: 0,
    fetch: freshFetch,
  });
  await expect(withKey.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);

  const doomed = cli("token:create", "--email", E2E.admin.email, "--name", "doomed");
  const c = new OpenAI({
    apiKey: doomed,
    baseURL: `${E2E.consoleUrl}/api/v1`,
    maxRetries: 0,
    fetch: freshFetch,
  });
  await c.models.list();
  const list = JSON.parse(cli("token:list", "--email", E2E.admin.email, "--json")) as {
    tokens: { id: string; name: string }[];
  };
  const id = list.tokens.find((t) => t.name === "doomed")?.id;
  // Revoke through the API as the signed-in owner would.
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-email").fill(E2E.admin.email);
  await page.getByTestId("sign-in-password").fill(E2E.admin.password);
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL(/\/playground/);
  const res = await page.request.delete(`/api/tokens/${id}`, { headers: { origin: E2E.consoleUrl } });
  expect(res.status()).toBe(200);
  await expect(c.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
});

function rawGet(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: "127.0.0.1",
        port: E2E.consolePort,
        path,
        method: "GET",
        headers: { authorization: `Bearer ${token}`, ...headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    r.on("error", reject);
    r.end();
  });
}

test("path escapes never reach the upstream", async () => {
  const before = (await emulator.requests()).length;
  for (const p of [
    "/api/v1/models/..%2f..%2fdashboard",
    "/api/v1/models/%2e%2e/%2e%2e/x",
    "/api/v1/models%5c..%5cx",
    "/api/v1/models/../../../etc/passwd",
    "/api/v1//evil.example.com/v1/models",
    "/api/v1/http://evil.example.com/v1/models",
    "/api/v1/dashboard/billing",
  ]) {
    const res = await rawGet(p);
    expect(res.status, p).toBeGreaterThanOrEqual(400);
    expect(res.status, p).toBeLessThan(500);
    expect(res.body).not.toContain(E2E.apiKey);
  }
  expect((await emulator.requests()).length).toBe(before);
  // Admin endpoints go upstream with OPENAI_ADMIN_KEY and never with the normal key (which the
  // emulator refuses there); without an admin key they are refused before any upstream call
  // (test/security/org-admin-key.test.ts).
  const org = await rawGet("/api/v1/organization/usage/completions?start_time=0&limit=1");
  expect(org.status).toBe(200);
  expect(org.body).not.toContain(E2E.adminKey);
  const upstream = (await emulator.requests()).at(-1);
  expect(upstream?.path).toBe("/v1/organization/usage/completions");
  expect(upstream?.headers.authorization).toBe(`Bearer sk-…${E2E.adminKey.slice(-4)}`);
});

test("a session cookie cannot be used cross-site", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-email").fill(E2E.admin.email);
  await page.getByTestId("sign-in-password").fill(E2E.admin.password);
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL(/\/playground/);
  const res = await page.request.post("/api/v1/chat/completions", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] },
  });
  expect(res.status()).toBe(403);
});
