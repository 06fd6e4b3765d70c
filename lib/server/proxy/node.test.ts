import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDb } from "@/test/db";
import { createToken } from "../auth/tokens";
import { createUser } from "../auth/users";
import { resetConfigForTests } from "../config";
import { handleProxyNode } from "./node";

// The production fast path: a Node server handing requests to handleProxyNode, as node-entry.ts does.
const KEY = "sk-test-node-path-KEY-1234";
let upstream: http.Server;
let front: http.Server;
let port: number;
let token: string;
let cleanup: () => Promise<void>;
const hits: { url: string; aborted: boolean; bytes: number }[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const hit = { url: req.url ?? "", aborted: false, bytes: 0 };
    hits.push(hit);
    req.on("data", (c: Buffer) => {
      hit.bytes += c.length;
    });
    res.on("close", () => {
      if (!res.writableEnded) hit.aborted = true;
    });
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      let i = 0;
      const t = setInterval(() => {
        if (res.destroyed || i === 20) {
          clearInterval(t);
          res.end("data: [DONE]\n\n");
          return;
        }
        res.write(`data: {"n":${i++}}\n\n`);
      }, 20);
    });
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  Object.assign(process.env, {
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`,
    CONSOLE_SECRET: "y".repeat(40),
  });
  resetConfigForTests();
  ({ cleanup } = await useFreshDb());
  const u = await createUser({ email: "n@example.com", password: "long-enough-password", role: "member" });
  ({ token } = await createToken(u.id, { name: "n" }));
  front = http.createServer((req, res) => void handleProxyNode(req, res));
  await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
  port = (front.address() as AddressInfo).port;
});

afterAll(async () => {
  front.close();
  upstream.close();
  await cleanup();
});

function send(path: string, opts: { body?: string; onFirstData?: (req: http.ClientRequest) => void } = {}) {
  return new Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }>(
    (resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          path,
          method: opts.body ? "POST" : "GET",
          headers: { authorization: `Bearer ${token}` },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => {
            if (!text) opts.onFirstData?.(req);
            text += d;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
          res.on("error", () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
        },
      );
      req.on("error", reject);
      req.end(opts.body);
    },
  );
}

describe("Node fast path", () => {
  it("streams through with the query string intact", async () => {
    const r = await send("/api/v1/chat/completions?x=1&include[]=a", { body: "{}" });
    expect(r.status).toBe(200);
    expect(r.headers["x-accel-buffering"]).toBe("no");
    expect(r.text).toContain('{"n":19}');
    expect(hits.at(-1)?.url).toBe("/v1/chat/completions?x=1&include[]=a");
    expect(hits.at(-1)?.bytes).toBe(2);
  });

  it("sees the raw request line, so dot segments are refused, not normalised", async () => {
    const before = hits.length;
    for (const p of [
      "/api/v1/models/../../admin",
      "/api/v1/models/%2e%2e/x",
      "/api/v1/models%2F..%2Fx",
      "/api/v1/models\\..\\x",
    ]) {
      const r = await send(p);
      expect(r.status, p).toBe(400);
      expect(JSON.parse(r.text).error.code).toBe("invalid_path");
    }
    expect(hits.length).toBe(before);
  });

  it("answers 401 without credentials, in OpenAI's shape", async () => {
    const r = await new Promise<number>((resolve) => {
      http.get({ host: "127.0.0.1", port, path: "/api/v1/models" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
    });
    expect(r).toBe(401);
  });

  it("aborts the upstream call when the client disconnects", async () => {
    await send("/api/v1/chat/completions", { body: "{}", onFirstData: (req) => req.destroy() }).catch(
      () => {},
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(hits.at(-1)?.aborted).toBe(true);
  });
});
