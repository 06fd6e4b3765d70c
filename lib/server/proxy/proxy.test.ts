import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDb } from "@/test/db";
import { createToken } from "../auth/tokens";
import { createUser } from "../auth/users";
import { resetConfigForTests } from "../config";
import { getDb } from "../db";
import { flushLedger } from "../ledger";
import { handleProxy } from "./index";

const KEY = "sk-test-SECRETKEY-do-not-leak-0000wxyz";
let upstream: http.Server;
let base: string;
let token: string;
let cleanup: () => Promise<void>;
const seen: { headers: http.IncomingHttpHeaders; url: string; bytes: number; aborted: boolean }[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const entry = { headers: req.headers, url: req.url ?? "", bytes: 0, aborted: false };
    seen.push(entry);
    req.on("data", (c: Buffer) => {
      entry.bytes += c.length;
    });
    res.on("close", () => {
      if (!res.writableEnded) entry.aborted = true;
    });
    req.on("end", () => {
      const path = req.url ?? "";
      if (path.startsWith("/v1/chat/completions")) {
        res.writeHead(200, {
          "content-type": "text/event-stream",
          "x-request-id": "req_stream",
          "set-cookie": "a=b",
          "x-ratelimit-remaining-requests": "99",
        });
        let i = 0;
        const t = setInterval(
          () => {
            if (res.destroyed) return clearInterval(t);
            if (path.includes("break") && i === 2) {
              clearInterval(t);
              res.socket?.destroy();
              return;
            }
            if (i < 5) {
              res.write(
                `data: {"model":"gpt-4o-mini","choices":[{"delta":{"content":"t${i}"}}],"usage":null}\n\n`,
              );
            } else {
              res.write(
                'data: {"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":7,"completion_tokens":5,"total_tokens":12}}\n\ndata: [DONE]\n\n',
              );
              res.end();
              clearInterval(t);
            }
            i++;
          },
          path.includes("slow") ? 200 : 20,
        );
        return;
      }
      if (path.startsWith("/v1/models")) {
        if (req.headers.authorization !== `Bearer ${KEY}`) {
          res.writeHead(401, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              error: {
                message: `Incorrect API key provided: ${req.headers.authorization}`,
                type: "invalid_request_error",
                param: null,
                code: "invalid_api_key",
              },
            }),
          );
          return;
        }
        res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_models" });
        res.end(
          JSON.stringify({
            object: "list",
            data: [{ id: "gpt-4o", object: "model", created: 1, owned_by: "openai" }],
          }),
        );
        return;
      }
      if (path.startsWith("/v1/files")) {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            error: { message: `echo ${KEY}`, type: "invalid_request_error", param: "purpose", code: null },
          }),
        );
        return;
      }
      if (path.startsWith("/v1/embeddings")) {
        // never answers: exercises the timeout
        return;
      }
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>bad gateway</html>");
    });
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
  Object.assign(process.env, {
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: base,
    OPENAI_PROJECT_ID: "proj_1",
    UPSTREAM_TIMEOUT_MS: "500",
    CONSOLE_SECRET: "x".repeat(40),
  });
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  const u = await createUser({ email: "p@example.com", password: "long-enough-password", role: "member" });
  ({ token } = await createToken(u.id, { name: "t" }));
});

afterAll(async () => {
  upstream.close();
  await cleanup();
});

const call = (path: string, init: RequestInit = {}) =>
  handleProxy(
    new Request(`http://localhost:3000/api/v1/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    }),
  );

async function readAll(res: Response): Promise<{ text: string; chunks: number; times: number[] }> {
  const reader = res.body?.getReader();
  const dec = new TextDecoder();
  let text = "";
  let chunks = 0;
  const times: number[] = [];
  for (;;) {
    const r = await reader?.read();
    if (!r || r.done) break;
    chunks++;
    times.push(performance.now());
    text += dec.decode(r.value, { stream: true });
  }
  return { text, chunks, times };
}

describe("proxy", () => {
  it("forwards GET on one container, refuses creating, deleting and listing containers", async () => {
    const before = seen.length;
    const get = await call("containers/cntr_1/files/cfile_1/content");
    expect(get.status).toBe(502); // the test upstream's answer to any other path: it was forwarded
    expect(seen.length).toBe(before + 1);
    for (const [path, method] of [
      ["containers", "POST"],
      ["containers/cntr_1", "DELETE"],
      ["containers/cntr_1/files", "POST"],
    ] as const) {
      const res = await call(path, { method, body: method === "POST" ? "{}" : undefined });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET");
      expect((await res.json()).error.code).toBe("method_not_allowed");
    }
    expect((await call("containers")).status).toBe(404);
    expect(seen.length).toBe(before + 1);
  });

  it("refuses calls without credentials", async () => {
    const res = await handleProxy(new Request("http://localhost:3000/api/v1/models"));
    expect(res.status).toBe(401);
    expect((await res.json()).error.type).toBe("authentication_error");
  });

  it("forwards with the server key, drops the caller's credentials and cookies", async () => {
    const res = await call("models?limit=2", {
      headers: { cookie: "benchtop_session=zzz", "x-forwarded-for": "1.2.3.4" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("req_models");
    const last = seen.at(-1);
    expect(last?.url).toBe("/v1/models?limit=2");
    expect(last?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(last?.headers["openai-project"]).toBe("proj_1");
    expect(last?.headers.cookie).toBeUndefined();
    expect(last?.headers["x-forwarded-for"]).toBeUndefined();
  });

  it("streams SSE chunk by chunk with the right headers and records usage", async () => {
    const res = await call("chat/completions", {
      method: "POST",
      body: JSON.stringify({ model: "gpt-4o-mini", stream: true }),
      headers: { "content-type": "application/json" },
    });
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("x-ratelimit-remaining-requests")).toBe("99");
    const { text, chunks } = await readAll(res);
    expect(chunks).toBeGreaterThanOrEqual(6);
    expect(text).toContain("[DONE]");
    await flushLedger();
    const [row] = await (await getDb()).query<Record<string, unknown>>(
      "select * from ledger where upstream_request_id = 'req_stream' order by id desc limit 1",
    );
    expect(row).toMatchObject({
      model: "gpt-4o-mini",
      status: 200,
      stream: true,
      input_tokens: 7,
      output_tokens: 5,
      aborted: false,
    });
    expect(row?.ttfb_ms).not.toBeNull();
  });

  it("aborts the upstream call when the client goes away", async () => {
    const ac = new AbortController();
    const res = await handleProxy(
      new Request("http://localhost:3000/api/v1/chat/completions?slow", {
        method: "POST",
        body: "{}",
        signal: ac.signal,
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    const reader = res.body?.getReader();
    await reader?.read();
    ac.abort();
    await reader?.cancel();
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.at(-1)?.aborted).toBe(true);
    await flushLedger();
    const [row] = await (await getDb()).query<{ aborted: boolean }>(
      "select aborted from ledger order by id desc limit 1",
    );
    expect(row?.aborted).toBe(true);
  });

  it("ends a broken stream with an error event and keeps what arrived", async () => {
    const res = await call("chat/completions?break", { method: "POST", body: "{}" });
    const { text } = await readAll(res);
    expect(text).toContain("t0");
    expect(text).toContain("event: error");
    expect(text).toContain("upstream_stream_interrupted");
  });

  it("turns an upstream 401 into a configuration error without the key", async () => {
    process.env.OPENAI_API_KEY = "sk-wrong-key-ABCDEFGH1234";
    resetConfigForTests();
    try {
      const res = await call("models");
      expect(res.status).toBe(502);
      expect(res.headers.get("x-should-retry")).toBe("false");
      const text = await res.text();
      expect(text).toContain("upstream_unauthorized");
      expect(text).not.toContain("sk-wrong-key");
    } finally {
      process.env.OPENAI_API_KEY = KEY;
      resetConfigForTests();
    }
  });

  it("redacts the key from upstream error bodies and keeps their shape", async () => {
    const res = await call("files", { method: "POST", body: "x", headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.param).toBe("purpose");
    expect(JSON.stringify(body)).not.toContain(KEY);
  });

  it("wraps non-JSON upstream errors in the OpenAI shape", async () => {
    const res = await call("batches");
    expect(res.status).toBe(502);
    expect((await res.json()).error.message).toContain("bad gateway");
  });

  it("answers 504 naming the host when the upstream is silent", async () => {
    const res = await call("embeddings", { method: "POST", body: "{}" });
    expect(res.status).toBe(504);
    const body = await res.json();
    expect(body.error.code).toBe("upstream_timeout");
    expect(body.error.message).toContain("127.0.0.1");
  });

  it("answers 502 naming the host when the upstream is unreachable", async () => {
    process.env.OPENAI_BASE_URL = "http://127.0.0.1:1/v1";
    resetConfigForTests();
    try {
      const res = await call("models");
      expect(res.status).toBe(502);
      const body = await res.json();
      expect(body.error.code).toBe("upstream_unreachable");
      expect(body.error.message).toContain("127.0.0.1:1");
      expect(JSON.stringify(body)).not.toContain(KEY);
    } finally {
      process.env.OPENAI_BASE_URL = base;
      resetConfigForTests();
    }
  });

  it("refuses path escapes and unknown families before anything leaves", async () => {
    const before = seen.length;
    expect((await call("models%2F..%2F..%2Fadmin")).status).toBe(400);
    expect((await call("dashboard/billing")).status).toBe(404);
    expect((await call("organization/usage/completions")).status).toBe(403);
    expect(seen.length).toBe(before);
  });

  it("streams a large upload without holding it", async () => {
    const size = 32 * 1024 * 1024;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= size) return c.close();
        const n = Math.min(1 << 20, size - sent);
        sent += n;
        c.enqueue(new Uint8Array(n));
      },
    });
    const res = await handleProxy(
      new Request("http://localhost:3000/api/v1/uploads/upload_1/parts", {
        method: "POST",
        body,
        duplex: "half",
        headers: { authorization: `Bearer ${token}`, "content-type": "multipart/form-data; boundary=x" },
      } as RequestInit),
    );
    expect(res.status).toBe(502);
    expect(seen.at(-1)?.bytes).toBe(size);
  });
});
