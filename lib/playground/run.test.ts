import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RunRecord, runRequest } from "./run";
import type { BuiltRequest } from "./types";

/** A run through the browser client: what the record keeps for each way a call can end. */

const body = { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "Hi" }] };
const req: BuiltRequest = {
  path: "/chat/completions",
  body,
  text: JSON.stringify(body, null, 2),
  omitted: [],
};

let answer: () => Promise<Response>;
const assign = vi.fn();
let sent: RequestInit | undefined;

beforeEach(() => {
  assign.mockReset();
  vi.stubGlobal("window", { location: { pathname: "/playground", search: "", assign } });
  vi.stubGlobal(
    "fetch",
    vi.fn((_url: string, init: RequestInit) => {
      sent = init;
      if (init.signal?.aborted) return Promise.reject(new DOMException("aborted", "AbortError"));
      return answer();
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const run = (signal = new AbortController().signal): Promise<RunRecord> =>
  runRequest("chat", req, () => {}, signal);

describe("runRequest", () => {
  it("sends the request text as it is and folds the stream into the outcome", async () => {
    answer = async () =>
      new Response(
        'data: {"id":"c1","choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\n' +
          'data: {"choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n',
        { headers: { "content-type": "text/event-stream", "x-request-id": "req_1" } },
      );
    const rec = await run();
    expect(sent?.body).toBe(req.text);
    expect(rec).toMatchObject({ status: "done", httpStatus: 200, error: null });
    expect(rec.outcome.choices[0]).toMatchObject({ text: "Hello", finishReason: "stop" });
    expect(rec.headers["x-request-id"]).toBe("req_1");
    expect(rec.raw).toContain("data: [DONE]");
  });

  it("keeps an error's status, headers and body, and counts down from its retry-after", async () => {
    const text =
      '{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}';
    answer = async () => new Response(text, { status: 429, headers: { "retry-after": "20" } });
    const rec = await run();
    expect(rec).toMatchObject({ status: "error", httpStatus: 429, raw: text });
    expect(rec.error).toMatchObject({ status: 429, code: "rate_limit_exceeded", retryAfterMs: 20_000 });
    expect(assign).not.toHaveBeenCalled();
  });

  it("sends a lapsed session to sign-in", async () => {
    answer = async () =>
      Response.json({ error: { message: "Sign in", type: "authentication_error" } }, { status: 401 });
    const rec = await run();
    expect(rec.status).toBe("error");
    expect(assign).toHaveBeenCalledWith("/sign-in?next=%2Fplayground");
  });

  it("says the console is unreachable when the network fails, and stopped when aborted", async () => {
    answer = async () => {
      throw new TypeError("Failed to fetch");
    };
    const rec = await run();
    expect(rec).toMatchObject({ status: "error", httpStatus: null });
    expect(rec.error?.code).toBe("network_error");
    const ac = new AbortController();
    ac.abort();
    expect((await run(ac.signal)).status).toBe("stopped");
  });

  it("keeps what arrived when the stream breaks", async () => {
    const chunks = ['data: {"choices":[{"index":0,"delta":{"content":"word0 "}}]}\n\n'];
    answer = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(c) {
            const next = chunks.shift();
            if (next) c.enqueue(new TextEncoder().encode(next));
            else c.error(new TypeError("network error"));
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      );
    const rec = await run();
    expect(rec.status).toBe("error");
    expect(rec.error?.code).toBe("stream_interrupted");
    expect(rec.outcome.choices[0]?.text).toBe("word0 ");
  });
});
