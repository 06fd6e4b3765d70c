import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { flushLedger } from "@/lib/server/ledger";
import { KEY, type Stack, startStack } from "./harness";

// F13, the proxy's items: streams that stall after their headers, the key quoted in disguise by an
// upstream error, and an upstream that hangs up during an upload ("502 EPIPE").
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ UPSTREAM_IDLE_TIMEOUT_MS: "1000" });
});
afterAll(() => stack.close());

const post = (path: string, body: unknown) =>
  fetch(`${stack.proxyUrl}/api/v1/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.member.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("F13 proxy hardening", () => {
  it("a stream that stalls after its headers ends after the idle timeout, keeping what arrived", async () => {
    stack.emulator.state.config.streamChunkDelayMs = 4000;
    try {
      const started = Date.now();
      const res = await post("chat/completions", {
        model: "gpt-4o-mini",
        stream: true,
        messages: [{ role: "user", content: "hi" }],
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(Date.now() - started).toBeLessThan(3500);
      expect(text).toContain("event: error");
      expect(text).toContain("upstream_stream_stalled");
      expect(text).toContain("UPSTREAM_IDLE_TIMEOUT_MS");
      await flushLedger();
      const db = await getDb();
      const [row] = await db.query<{ error_code: string }>(
        "select error_code from ledger where path = '/v1/chat/completions' order by at desc limit 1",
      );
      expect(row?.error_code).toBe("upstream_stream_stalled");
    } finally {
      stack.emulator.state.config.streamChunkDelayMs = 5;
    }
  });

  it("the key in an upstream error is masked or withheld however it is disguised", async () => {
    const disguises = [
      KEY,
      `${KEY.slice(0, 18)}\n${KEY.slice(18)}`,
      KEY.split("").join(" "),
      encodeURIComponent(KEY),
      Buffer.from(`user:${KEY}`).toString("base64"),
    ];
    for (const d of disguises) {
      stack.emulator.state.faults.push({
        id: `f_${d.length}`,
        kind: "status",
        status: 400,
        path: "/v1/embeddings",
        times: 1,
        message: `Bad request; you sent ${d}`,
      });
      const res = await post("embeddings", { model: "text-embedding-3-small", input: "x" });
      const text = await res.text();
      expect(res.status).toBe(400);
      const squeezed = text.replace(/[^A-Za-z0-9]/g, "");
      expect(squeezed, d).not.toContain(KEY.replace(/[^A-Za-z0-9]/g, "").slice(5, 25));
      expect(text).not.toContain(Buffer.from(`user:${KEY}`).toString("base64").slice(8, 30));
      expect(JSON.parse(text).error.message).toBeTruthy();
    }
  });
});

describe("F13 an upstream that hangs up during an upload", () => {
  let hangUp: net.Server;
  let local: Stack;
  beforeAll(async () => {
    // Reads a little of the request, then closes without answering, as a gateway over its limit does.
    hangUp = net.createServer((socket) => {
      let seen = 0;
      socket.on("data", (c) => {
        seen += c.length;
        if (seen > 64 * 1024) socket.resetAndDestroy();
      });
      socket.on("error", () => {});
    });
    await new Promise<void>((r) => hangUp.listen(0, "127.0.0.1", r));
    const port = (hangUp.address() as net.AddressInfo).port;
    await stack.close();
    local = await startStack({ OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` });
    stack = local;
  });
  afterAll(async () => {
    hangUp.close();
  });

  it("says the upstream closed the connection while the body was being sent, not '502 EPIPE'", async () => {
    const body = Buffer.alloc(8 * 1024 * 1024, 97);
    const res = await fetch(`${local.proxyUrl}/api/v1/files`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${local.member.token}`,
        "content-type": "multipart/form-data; boundary=xyz",
      },
      body,
    });
    expect(res.status).toBe(502);
    const err = (await res.json()).error;
    expect(err.code).toBe("upstream_closed_during_upload");
    expect(err.message).toContain("while the request body was being sent");
    expect(err.message).toContain("8.0 MB");
    expect(err.message).not.toMatch(/EPIPE|ECONNRESET/);
  });
});
