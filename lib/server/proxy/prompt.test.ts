import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AssistantConfig } from "@/lib/assistants/schema";
import { ApiError } from "@/lib/errors";
import { useFreshDb } from "@/test/db";
import { noteCall, resolveForCall } from "../assistants";
import { createToken } from "../auth/tokens";
import { createUser } from "../auth/users";
import { resetConfigForTests } from "../config";
import { getDb } from "../db";
import { flushLedger } from "../ledger";
import { handleProxy } from "./index";
import { BUFFER_BYTES, conversationOf, firstUserText, PROMPT_BODY_MAX } from "./prompt";

vi.mock("../assistants", () => ({ resolveForCall: vi.fn(), noteCall: vi.fn() }));

const ID = "asst_bt_0123456789abcdef01234567";
const config: AssistantConfig = {
  name: "Support",
  description: "",
  model: "gpt-5-mini",
  instructions: "Help {{customer}} in {{lang}}.",
  variables: [
    { name: "customer", type: "string", description: "" },
    { name: "lang", type: "enum", description: "", options: ["en", "fr"], default: "en" },
  ],
  tools: [
    { type: "function", name: "lookup", description: "", parameters: '{"type":"object"}', strict: false },
  ],
  responseFormat: { type: "text" },
  reasoningEffort: "low",
  metadata: [{ key: "team", value: "support" }],
};

interface Seen {
  body: Buffer;
  headers: http.IncomingHttpHeaders;
  complete: boolean;
}
let upstream: http.Server;
let token: string;
let userId: string;
let cleanup: () => Promise<void>;
const seen: Seen[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    const entry: Seen = { body: Buffer.alloc(0), headers: req.headers, complete: false };
    seen.push(entry);
    req.on("data", (c: Buffer) => {
      chunks.push(c);
      entry.body = Buffer.concat(chunks);
    });
    req.on("end", () => {
      entry.complete = true;
      if (entry.body.includes("echo-error")) {
        // An MCP server's failure as the API reports it: quoting the headers it was sent.
        const sent = JSON.parse(entry.body.toString("utf8"));
        res.writeHead(424, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            error: {
              message: `MCP server refused headers ${JSON.stringify(sent.tools?.[0]?.headers)}`,
              type: "invalid_request_error",
              param: "tools",
              code: "mcp_error",
            },
          }),
        );
        return;
      }
      const streamed = entry.body.includes('"stream":true');
      if (streamed) {
        res.writeHead(200, { "content-type": "text/event-stream" });
        let i = 0;
        const t = setInterval(() => {
          if (i < 3) res.write(`event: response.output_text.delta\ndata: {"delta":"t${i}"}\n\n`);
          else {
            res.end(
              'event: response.completed\ndata: {"type":"response.completed","response":{"model":"gpt-5-mini","usage":{"input_tokens":3,"output_tokens":2,"total_tokens":5}}}\n\n',
            );
            clearInterval(t);
          }
          i++;
        }, 10);
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "x-request-id": `req_${seen.length}` });
      res.end(
        JSON.stringify({
          object: "response",
          model: "gpt-5-mini",
          usage: { input_tokens: 3, output_tokens: 2 },
        }),
      );
    });
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  Object.assign(process.env, {
    OPENAI_API_KEY: "sk-test-prompt",
    OPENAI_BASE_URL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`,
    CONSOLE_SECRET: "x".repeat(40),
  });
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  const u = await createUser({
    email: "prompt@example.com",
    password: "long-enough-password",
    role: "member",
  });
  userId = u.id;
  ({ token } = await createToken(u.id, { name: "t" }));
});

afterAll(async () => {
  upstream.close();
  await cleanup();
});

beforeEach(() => {
  seen.length = 0;
  vi.mocked(resolveForCall).mockReset();
  vi.mocked(noteCall).mockReset();
  vi.mocked(resolveForCall).mockImplementation(async (_viewer, id, version) => {
    if (id !== ID) {
      throw new ApiError({
        type: "invalid_request_error",
        status: 400,
        param: "prompt.id",
        code: "prompt_not_found",
        message: `No assistant ${id}.`,
      });
    }
    return { id, version: version ? Number(version) : 2, config, mcpHeaders: {} };
  });
  vi.mocked(noteCall).mockResolvedValue(undefined);
});

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  handleProxy(
    new Request("http://localhost:3000/api/v1/responses", {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      // @ts-expect-error Node's fetch needs it for a streamed body.
      duplex: "half",
    }),
  );

const sentJson = (i = 0) => JSON.parse((seen[i] as Seen).body.toString("utf8"));

/** A body streamed in 64 KB pieces: what a large upload looks like to the proxy. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = Buffer.from(text);
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.subarray(at, at + 65536));
      at += 65536;
    },
  });
}

async function ledgerRow(): Promise<Record<string, unknown> | undefined> {
  await flushLedger();
  const [row] = await (await getDb()).query<Record<string, unknown>>(
    "select * from ledger where path = '/v1/responses' order by id desc limit 1",
  );
  return row;
}

describe("the prompt hook", () => {
  it("forwards a body without prompt byte for byte", async () => {
    const text = '{ "model":"gpt-4o-mini",\n  "input":"say prompt"  }';
    const res = await post(text, { "content-length": String(Buffer.byteLength(text)) });
    expect(res.status).toBe(200);
    expect(seen[0]?.body.toString()).toBe(text);
    expect(seen[0]?.headers["content-length"]).toBe(String(Buffer.byteLength(text)));
    expect(resolveForCall).not.toHaveBeenCalled();
  });

  it("forwards a body that mentions prompt only inside input unchanged", async () => {
    const text =
      '{"model":"m","input":[{"role":"user","content":"{\\"prompt\\":1}"}], "metadata":{"prompt":"x"}}';
    await post(text);
    expect(seen[0]?.body.toString()).toBe(text);
    expect(resolveForCall).not.toHaveBeenCalled();
  });

  it("forwards a body that is not JSON and cannot name a prompt unchanged", async () => {
    await post('{"model": nope');
    expect(seen[0]?.body.toString()).toBe('{"model": nope');
  });

  it.each([
    ["broken JSON", '{"prompt": nope', {}],
    ["a byte order mark", `\uFEFF{"prompt":{"id":"${ID}"},"input":"x"}`, {}],
    ["NaN", `{"prompt":{"id":"${ID}"},"temperature":NaN}`, {}],
    ["a text/plain body", `\uFEFF{"prompt":{"id":"${ID}"}}`, { "content-type": "text/plain" }],
  ])(
    "refuses %s that mentions prompt: a 400, nothing upstream, one ledger entry",
    async (_, text, headers) => {
      const res = await post(text, headers);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("invalid_json");
      expect(seen).toHaveLength(0);
      expect(await ledgerRow()).toMatchObject({ status: 400, error_code: "invalid_json" });
    },
  );

  it("expands a prompt sent as text/plain", async () => {
    const res = await post(JSON.stringify({ prompt: { id: ID, variables: { customer: "T" } }, input: "x" }), {
      "content-type": "text/plain",
    });
    expect(res.status).toBe(200);
    await res.text();
    expect(sentJson()).toMatchObject({ instructions: "Help T in en." });
    await vi.waitFor(() => expect(noteCall).toHaveBeenCalledTimes(1));
  });

  it("expands a prompt: the assistant's body, variables substituted, the request's fields, no prompt", async () => {
    const res = await post(
      JSON.stringify({
        prompt: { id: ID, version: "3", variables: { customer: "Ada" } },
        input: [{ role: "user", content: [{ type: "input_text", text: "  Where is my order?  " }] }],
        conversation: { id: "conv_1" },
        metadata: { run: "1" },
      }),
    );
    expect(res.status).toBe(200);
    await res.text();
    const body = sentJson();
    expect(body).toEqual({
      model: "gpt-5-mini",
      instructions: "Help Ada in en.",
      tools: [{ type: "function", name: "lookup", parameters: { type: "object" }, strict: false }],
      reasoning: { effort: "low" },
      metadata: { team: "support", run: "1" },
      input: [{ role: "user", content: [{ type: "input_text", text: "  Where is my order?  " }] }],
      conversation: { id: "conv_1" },
    });
    expect(seen[0]?.headers["content-length"]).toBe(String(seen[0]?.body.length));
    expect(vi.mocked(resolveForCall).mock.calls[0]?.slice(1)).toEqual([ID, "3"]);
    expect(vi.mocked(resolveForCall).mock.calls[0]?.[0]).toMatchObject({ id: userId, role: "member" });
    expect(await ledgerRow()).toMatchObject({
      assistant_id: ID,
      assistant_version: 3,
      conversation_id: "conv_1",
    });
    await vi.waitFor(() => expect(noteCall).toHaveBeenCalledTimes(1));
    expect(noteCall).toHaveBeenCalledWith({
      assistantId: ID,
      version: 3,
      userId,
      conversationId: "conv_1",
      title: "Where is my order?",
    });
  });

  it("streams an expanded call event by event", async () => {
    const res = await post(
      JSON.stringify({
        prompt: { id: ID, variables: { customer: "Bo" } },
        input: "hi",
        stream: true,
        conversation: "conv_2",
      }),
    );
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body?.getReader();
    let chunks = 0;
    for (;;) {
      const r = await reader?.read();
      if (!r || r.done) break;
      chunks++;
    }
    expect(chunks).toBeGreaterThanOrEqual(4);
    expect(sentJson()).toMatchObject({ model: "gpt-5-mini", stream: true, instructions: "Help Bo in en." });
    expect(await ledgerRow()).toMatchObject({
      assistant_id: ID,
      assistant_version: 2,
      conversation_id: "conv_2",
      stream: true,
    });
    await vi.waitFor(() => expect(noteCall).toHaveBeenCalledTimes(1));
  });

  it("reads a key spelt with escapes as prompt", async () => {
    await post(`{"pr\\u006fmpt":{"id":"${ID}","variables":{"customer":"E"}},"input":"x"}`);
    expect(sentJson()).toMatchObject({ instructions: "Help E in en." });
    expect(sentJson().prompt).toBeUndefined();
  });

  it("drops prompt: null", async () => {
    await post('{"model":"m","prompt":null,"input":"x"}');
    expect(sentJson()).toEqual({ model: "m", input: "x" });
  });

  it.each([
    [{ id: "asst_bt_ffffffffffffffffffffffff", variables: { customer: "a" } }, "prompt_not_found"],
    [{ id: ID }, "missing_variable"],
    [{ id: ID, variables: { customer: "a", extra: "b" } }, "unknown_variable"],
    [{ id: ID, variables: { customer: "a", lang: "de" } }, "invalid_variable"],
    [{ id: ID, version: "x" }, "invalid_prompt"],
    ["asst", "invalid_prompt"],
  ])("refuses prompt %j with a 400 %s and sends nothing upstream", async (prompt, code) => {
    const res = await post(JSON.stringify({ prompt, input: "x" }));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe(code);
    expect(error.type).toBe("invalid_request_error");
    expect(seen).toHaveLength(0);
    expect(noteCall).not.toHaveBeenCalled();
  });

  it("logs a failure to note the call, and the caller still gets the answer", async () => {
    const res = await post(
      JSON.stringify({ prompt: { id: ID, variables: { customer: "a" } }, input: "x", model: "m" }),
    );
    expect(res.status).toBe(200);
    vi.mocked(noteCall).mockRejectedValueOnce(new Error("db down"));
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const again = await post(
      JSON.stringify({ prompt: { id: ID, variables: { customer: "a" } }, input: "x" }),
    );
    expect(again.status).toBe(200);
    await again.text();
    await vi.waitFor(() =>
      expect(spy).toHaveBeenCalledWith(expect.stringContaining("could not note the call: db down")),
    );
    spy.mockRestore();
  });

  it("streams a large body without prompt upstream unchanged", async () => {
    const text = JSON.stringify({
      model: "m",
      input: "a".repeat(3 * BUFFER_BYTES),
      metadata: { prompt: "nested" },
    });
    const res = await post(streamed(text));
    expect(res.status).toBe(200);
    expect(seen[0]?.body.length).toBe(Buffer.byteLength(text));
    expect(seen[0]?.body.toString() === text).toBe(true);
    expect(resolveForCall).not.toHaveBeenCalled();
  });

  it("expands a large body whose prompt comes first", async () => {
    const input = "b".repeat(1.5 * BUFFER_BYTES);
    const res = await post(
      streamed(JSON.stringify({ prompt: { id: ID, variables: { customer: "L" } }, input })),
    );
    expect(res.status).toBe(200);
    const body = sentJson();
    expect(body.instructions).toBe("Help L in en.");
    expect(body.input.length).toBe(input.length);
    expect(body.prompt).toBeUndefined();
  });

  it("stops a large body whose prompt comes after streaming began, before its last byte", async () => {
    const text = JSON.stringify({ model: "m", input: "c".repeat(2 * BUFFER_BYTES), prompt: { id: ID } });
    const res = await post(streamed(text));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("prompt_body_too_large");
    expect(error.message).toContain("file_id");
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]?.complete).toBe(false);
    expect(seen[0]?.body.includes('"prompt"')).toBe(false);
    expect(resolveForCall).not.toHaveBeenCalled();
    expect(await ledgerRow()).toMatchObject({ status: 400, error_code: "prompt_body_too_large" });
  });

  it("refuses a prompt body over the in-memory limit with a 413, recorded once", async () => {
    const text = JSON.stringify({ prompt: { id: ID }, input: "d".repeat(PROMPT_BODY_MAX) });
    const res = await post(streamed(text));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toContain("file_id");
    expect(seen).toHaveLength(0);
    expect(await ledgerRow()).toMatchObject({ status: 413, error_code: "prompt_body_too_large" });
  });

  it("keeps the in-memory limit small: a 3 MB prompt body is refused", async () => {
    expect(PROMPT_BODY_MAX).toBeLessThanOrEqual(2 * 1024 * 1024);
    const text = JSON.stringify({
      prompt: { id: ID, variables: { customer: "a" } },
      input: "d".repeat(3 * 1024 * 1024),
    });
    const res = await post(streamed(text));
    expect(res.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it("records one ledger entry for a refused expansion, with the assistant when it was found", async () => {
    const db = await getDb();
    const count = async () =>
      Number(
        (await db.query<{ n: string }>("select count(*) as n from ledger where path = '/v1/responses'"))[0]
          ?.n,
      );
    await flushLedger();
    const before = await count();
    const res = await post(
      JSON.stringify({ prompt: { id: ID, version: "3" }, input: "x", conversation: "conv_9" }),
    );
    expect(res.status).toBe(400);
    expect(seen).toHaveLength(0);
    expect(await ledgerRow()).toMatchObject({
      status: 400,
      error_code: "missing_variable",
      error_type: "invalid_request_error",
      assistant_id: ID,
      assistant_version: 3,
      conversation_id: "conv_9",
      model: "gpt-5-mini",
    });
    expect(await count()).toBe(before + 1);
    const unknown = await post(
      JSON.stringify({ prompt: { id: "asst_bt_ffffffffffffffffffffffff" }, input: "x" }),
    );
    expect(unknown.status).toBe(400);
    expect(await ledgerRow()).toMatchObject({
      status: 400,
      error_code: "prompt_not_found",
      assistant_id: null,
    });
    expect(await count()).toBe(before + 2);
  });

  it("a late prompt with a header the proxy refuses: a clean 400, no uncaught error", async () => {
    const text = JSON.stringify({
      model: "m",
      input: "c".repeat(BUFFER_BYTES - 30),
      prompt: { id: ID },
      more: "x".repeat(200_000),
    });
    const res = await post(streamed(text), { "idempotency-key": "has space" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_header");
    expect(seen).toHaveLength(0);
    // Give a stray stream error the time to surface as an uncaught exception.
    await new Promise((r) => setTimeout(r, 100));
  });

  it("never echoes an MCP header value the expansion added in an upstream error", async () => {
    const secret = "mcp-secret-value-0123456789";
    vi.mocked(resolveForCall).mockResolvedValueOnce({
      id: ID,
      version: 1,
      config: {
        ...config,
        tools: [
          {
            type: "mcp",
            serverLabel: "crm",
            serverUrl: "https://mcp.example.com",
            allowedTools: null,
            requireApproval: "never",
            headerNames: ["Authorization"],
          },
        ],
      },
      mcpHeaders: { crm: { Authorization: `Bearer ${secret}` } },
    });
    const res = await post(
      JSON.stringify({ prompt: { id: ID, variables: { customer: "a" } }, input: "echo-error" }),
    );
    expect(sentJson().tools[0].headers).toEqual({ Authorization: `Bearer ${secret}` });
    expect(res.status).toBe(424);
    const text = await res.text();
    expect(text).not.toContain(secret);
  });
});

describe("a client that goes away", () => {
  it("while its body is being read: nothing goes upstream", async () => {
    const ac = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(Buffer.from('{"prompt":{"id":"'));
        // …and never finishes.
      },
    });
    const pending = handleProxy(
      new Request("http://localhost:3000/api/v1/responses", {
        method: "POST",
        body,
        signal: ac.signal,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        // @ts-expect-error Node's fetch needs it for a streamed body.
        duplex: "half",
      }),
    );
    setTimeout(() => ac.abort(), 50);
    const res = await pending;
    expect(res.status).toBe(499);
    expect(seen).toHaveLength(0);
    expect(await ledgerRow()).toMatchObject({
      status: 499,
      aborted: true,
      error_code: "client_closed_request",
    });
  });
});

describe("conversationOf and firstUserText", () => {
  it("reads the conversation as an id or { id }", () => {
    expect(conversationOf("conv_1")).toBe("conv_1");
    expect(conversationOf({ id: "conv_2" })).toBe("conv_2");
    expect(conversationOf(undefined)).toBeNull();
    expect(conversationOf({})).toBeNull();
    expect(conversationOf("")).toBeNull();
  });

  it("takes the first user text, trimmed to 80 characters", () => {
    expect(firstUserText("  hello\n world ")).toBe("hello world");
    expect(
      firstUserText([
        { role: "developer", content: "no" },
        { type: "function_call_output", output: "x" },
        {
          role: "user",
          content: [
            { type: "input_image", image_url: "u" },
            { type: "input_text", text: "Hi" },
          ],
        },
      ]),
    ).toBe("Hi");
    expect(firstUserText([{ role: "user", content: "Yo" }])).toBe("Yo");
    const long = firstUserText("x".repeat(200));
    expect(long.length).toBe(80);
    expect(long.endsWith("…")).toBe(true);
    expect(firstUserText(undefined)).toBe("");
    expect(firstUserText([{ role: "assistant", content: "a" }])).toBe("");
  });
});
