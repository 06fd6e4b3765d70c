import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apiFetch, apiRequest } from "./api-client";
import { apiStream, streamError } from "./api-stream";
import { apiUpload } from "./api-upload";
import { ApiError } from "./errors";

/** The browser client (api-client, api-stream, api-upload) against a mocked fetch and XMLHttpRequest. */

type FetchCall = [string, RequestInit];
let calls: FetchCall[];
let answer: (url: string, init: RequestInit) => Promise<Response>;
let assign: ReturnType<typeof vi.fn>;

function at(pathname: string, search = "") {
  vi.stubGlobal("window", { location: { pathname, search, assign } });
}

beforeEach(() => {
  calls = [];
  answer = async () => Response.json({ ok: true });
  assign = vi.fn();
  at("/files", "?purpose=batch");
  vi.stubGlobal(
    "fetch",
    vi.fn((url: string, init: RequestInit) => {
      calls.push([url, init]);
      if (init.signal?.aborted) return Promise.reject(new DOMException("aborted", "AbortError"));
      return answer(url, init);
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const openAiError = (status: number, headers: Record<string, string> = {}) =>
  Response.json(
    {
      error: {
        message: "No such vector store",
        type: "invalid_request_error",
        param: "id",
        code: "not_found",
      },
    },
    { status, headers },
  );

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

describe("bodies", () => {
  it("sends JSON, with POST as the default method once there is a body", async () => {
    answer = async () => Response.json({ id: "vs_1" });
    expect(await apiFetch("/api/v1/vector_stores", { body: { name: "a" } })).toEqual({ id: "vs_1" });
    const [url, init] = calls[0] as FetchCall;
    expect(url).toBe("/api/v1/vector_stores");
    expect(init.method).toBe("POST");
    expect(init.body).toBe('{"name":"a"}');
    expect(init.headers).toMatchObject({ "content-type": "application/json", accept: "application/json" });
    expect(init.credentials).toBe("same-origin");
  });

  it("sends GET without a body or content type, and a 204 resolves to undefined", async () => {
    answer = async () => new Response(null, { status: 204 });
    expect(await apiFetch("/api/tokens/t_1", { method: "DELETE" })).toBeUndefined();
    await apiFetch("/api/tokens");
    const [, init] = calls[1] as FetchCall;
    expect(init.method).toBe("GET");
    expect(init.body).toBeUndefined();
    expect(init.headers).not.toHaveProperty("content-type");
  });

  it("sends a string as JSON text, byte for byte", async () => {
    const text = '{ "model": "gpt-4o",\n  "input": "hi" }';
    await apiRequest("/api/v1/responses", { body: text });
    expect(calls[0]?.[1].body).toBe(text);
    expect(calls[0]?.[1].headers).toMatchObject({ "content-type": "application/json" });
  });

  it("sends a FormData as multipart, leaving the boundary to the browser", async () => {
    const form = new FormData();
    form.append("purpose", "batch");
    await apiFetch("/api/v1/files", { body: form });
    const [, init] = calls[0] as FetchCall;
    expect(init.body).toBe(form);
    expect(init.headers).not.toHaveProperty("content-type");
  });

  it("hands back the response for binary bodies", async () => {
    answer = async () => new Response(new Uint8Array([0, 1, 2, 255]));
    const res = await apiRequest("/api/v1/files/file_1/content", { accept: "*/*" });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(calls[0]?.[1].headers).toMatchObject({ accept: "*/*" });
  });
});

describe("errors", () => {
  it("rebuilds an OpenAI error as ApiError, with the response's headers and text", async () => {
    answer = async () => openAiError(404, { "x-request-id": "req_1" });
    const err = await rejection(apiFetch("/api/v1/vector_stores/vs_x"));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 404,
      type: "invalid_request_error",
      code: "not_found",
      param: "id",
      message: "No such vector store",
    });
    expect((err as ApiError).headers["x-request-id"]).toBe("req_1");
    expect((err as ApiError).responseText).toContain('"No such vector store"');
  });

  it("gives a body that is not JSON its HTTP status", async () => {
    answer = async () => new Response("<html>Bad gateway</html>", { status: 502 });
    const err = await rejection(apiFetch("/api/v1/models"));
    expect(err).toMatchObject({ status: 502, type: "upstream_error", message: "Request failed (HTTP 502)" });
  });

  it("turns a network failure into network_error", async () => {
    answer = async () => {
      throw new TypeError("Failed to fetch");
    };
    const err = await rejection(apiFetch("/api/v1/models"));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 0, code: "network_error" });
    expect((err as ApiError).message).toMatch(/Could not reach the console/);
  });

  it("leaves an abort an AbortError", async () => {
    const ac = new AbortController();
    ac.abort();
    const err = await rejection(apiFetch("/api/v1/models", { signal: ac.signal }));
    expect(err).not.toBeInstanceOf(ApiError);
    expect((err as Error).name).toBe("AbortError");
  });
});

describe("401", () => {
  beforeEach(() => {
    answer = async () =>
      Response.json({ error: { message: "Sign in", type: "authentication_error" } }, { status: 401 });
  });

  it("goes to sign-in from a console page and comes back afterwards", async () => {
    const err = await rejection(apiFetch("/api/v1/files"));
    expect(err).toMatchObject({ status: 401, type: "authentication_error" });
    expect(assign).toHaveBeenCalledWith("/sign-in?next=%2Ffiles%3Fpurpose%3Dbatch");
  });

  it("stays on the sign-in and setup pages, and for the auth routes' own answers", async () => {
    at("/sign-in");
    await rejection(apiFetch("/api/v1/files"));
    at("/setup");
    await rejection(apiFetch("/api/v1/files"));
    at("/files");
    await rejection(apiFetch("/api/auth/sign-in", { body: { email: "a", password: "b" } }));
    expect(assign).not.toHaveBeenCalled();
  });

  it("goes to sign-in from an upload and from a stream too", async () => {
    await rejection(apiStream("/api/v1/responses", { body: { stream: true } }));
    expect(assign).toHaveBeenCalledTimes(1);
    const x = fakeXhr();
    const p = rejection(
      apiUpload("/api/v1/files", { body: new FormData(), signal: new AbortController().signal }),
    );
    x.respond(401, '{"error":{"message":"Sign in","type":"authentication_error"}}');
    expect(await p).toMatchObject({ status: 401 });
    expect(assign).toHaveBeenCalledTimes(2);
  });
});

function sse(chunks: string[], breakAfter = false): Response {
  const enc = new TextEncoder();
  const queue = [...chunks];
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      const next = queue.shift();
      if (next !== undefined) c.enqueue(enc.encode(next));
      else if (breakAfter) c.error(new TypeError("network error"));
      else c.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream", "x-request-id": "req_s" } });
}

describe("SSE", () => {
  it("yields each event with its data parsed, [DONE] as null", async () => {
    answer = async () => sse(['data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n', "data: [DONE]\n\n"]);
    const { response, events } = await apiStream<{ choices: { delta: { content: string } }[] }>(
      "/api/v1/chat/completions",
      { body: { stream: true } },
    );
    expect(response.headers.get("x-request-id")).toBe("req_s");
    expect(calls[0]?.[1].headers).toMatchObject({ accept: "text/event-stream" });
    const got = [];
    for await (const ev of events) got.push(ev);
    expect(got.map((e) => e.json?.choices[0]?.delta.content ?? e.data)).toEqual(["Hi", "[DONE]"]);
  });

  it("turns a connection that drops midway into stream_interrupted, after what arrived", async () => {
    answer = async () => sse(['data: {"n":1}\n\n'], true);
    const { events } = await apiStream<{ n: number }>("/api/v1/responses", { body: {} });
    const got: number[] = [];
    const err = await rejection(
      (async () => {
        for await (const ev of events) got.push(ev.json?.n ?? 0);
      })(),
    );
    expect(got).toEqual([1]);
    expect(err).toMatchObject({ code: "stream_interrupted", status: 0 });
  });

  it("ends quietly when stopped", async () => {
    const ac = new AbortController();
    let push: ((s: string) => void) | undefined;
    answer = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(c) {
            push = (s) => c.enqueue(new TextEncoder().encode(s));
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      );
    const { events } = await apiStream<{ n: number }>("/api/v1/responses", { body: {}, signal: ac.signal });
    push?.('data: {"n":1}\n\n');
    const got: number[] = [];
    for await (const ev of events) {
      got.push(ev.json?.n ?? 0);
      ac.abort();
    }
    expect(got).toEqual([1]);
  });

  it("recognises errors reported inside a stream", () => {
    expect(
      streamError({ error: { message: "broke", type: "upstream_error", code: "upstream_stream_error" } }),
    ).toMatchObject({ message: "broke", type: "upstream_error", code: "upstream_stream_error", status: 502 });
    expect(
      streamError({ type: "error", message: "overloaded", code: "server_is_overloaded", param: null }),
    ).toMatchObject({ message: "overloaded", type: "server_error", code: "server_is_overloaded" });
    expect(streamError({ type: "response.output_text.delta", delta: "x" })).toBeNull();
    expect(streamError({ choices: [] })).toBeNull();
    expect(streamError(null)).toBeNull();
  });
});

interface FakeXhr {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  progress(loaded: number): void;
  respond(status: number, text: string, headers?: string): void;
  fail(): void;
}

/** A stand-in for XMLHttpRequest: the test drives progress, the answer and failures. */
function fakeXhr(): FakeXhr {
  const state = { method: "", url: "", headers: {} as Record<string, string>, body: undefined as unknown };
  let xhr: {
    status: number;
    responseText: string;
    rawHeaders: string;
    upload: { onprogress: ((e: { loaded: number }) => void) | null };
    onload: (() => void) | null;
    onerror: (() => void) | null;
    onabort: (() => void) | null;
  } | null = null;
  class Xhr {
    status = 0;
    responseText = "";
    responseType = "";
    rawHeaders = "";
    upload = { onprogress: null as ((e: { loaded: number }) => void) | null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    constructor() {
      xhr = this;
    }
    open(method: string, url: string) {
      state.method = method;
      state.url = url;
    }
    setRequestHeader(k: string, v: string) {
      state.headers[k] = v;
    }
    getAllResponseHeaders() {
      return this.rawHeaders;
    }
    send(body: unknown) {
      state.body = body;
    }
    abort() {
      this.onabort?.();
    }
  }
  vi.stubGlobal("XMLHttpRequest", Xhr);
  return {
    get method() {
      return state.method;
    },
    get url() {
      return state.url;
    },
    get headers() {
      return state.headers;
    },
    get body() {
      return state.body;
    },
    progress: (loaded) => xhr?.upload.onprogress?.({ loaded }),
    respond(status, text, headers = "") {
      if (!xhr) throw new Error("no request");
      xhr.status = status;
      xhr.responseText = text;
      xhr.rawHeaders = headers;
      xhr.onload?.();
    },
    fail: () => xhr?.onerror?.(),
  };
}

describe("uploads", () => {
  it("posts multipart with progress and resolves to the JSON answer", async () => {
    const x = fakeXhr();
    const form = new FormData();
    const seen: number[] = [];
    const p = apiUpload<{ id: string }>("/api/v1/files", {
      body: form,
      signal: new AbortController().signal,
      onProgress: (n) => seen.push(n),
    });
    x.progress(10);
    x.progress(20);
    x.respond(200, '{"id":"file_1"}');
    expect(await p).toEqual({ id: "file_1" });
    expect(seen).toEqual([10, 20]);
    expect(x.method).toBe("POST");
    expect(x.body).toBe(form);
    expect(x.headers).not.toHaveProperty("content-type");
  });

  it("sends a string as JSON", async () => {
    const x = fakeXhr();
    const p = apiUpload("/api/v1/uploads", { body: '{"bytes":1}', signal: new AbortController().signal });
    x.respond(200, '{"id":"upload_1"}');
    await p;
    expect(x.headers["content-type"]).toBe("application/json");
  });

  it("fails the same way as fetch: OpenAI errors, bodies that are not JSON, the network", async () => {
    let x = fakeXhr();
    let p = rejection(apiUpload("/api/v1/files", { body: "{}", signal: new AbortController().signal }));
    x.respond(
      429,
      '{"error":{"message":"Slow down","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}',
      "Retry-After: 2\r\nx-request-id: req_u\r\n",
    );
    const err = await p;
    expect(err).toMatchObject({ status: 429, code: "rate_limit_exceeded", message: "Slow down" });
    expect((err as ApiError).headers).toMatchObject({ "retry-after": "2", "x-request-id": "req_u" });

    x = fakeXhr();
    p = rejection(apiUpload("/api/v1/files", { body: "{}", signal: new AbortController().signal }));
    x.respond(413, "Payload Too Large");
    expect(await p).toMatchObject({ status: 413, message: "Request failed (HTTP 413)" });

    x = fakeXhr();
    p = rejection(apiUpload("/api/v1/files", { body: "{}", signal: new AbortController().signal }));
    x.fail();
    expect(await p).toMatchObject({ status: 0, code: "network_error" });
  });

  it("rejects with an AbortError when cancelled, before or during the upload", async () => {
    fakeXhr();
    const ac = new AbortController();
    const p = rejection(apiUpload("/api/v1/files", { body: "{}", signal: ac.signal }));
    ac.abort();
    expect((await p) as Error).toMatchObject({ name: "AbortError" });
    expect(
      (await rejection(apiUpload("/api/v1/files", { body: "{}", signal: ac.signal }))) as Error,
    ).toMatchObject({
      name: "AbortError",
    });
  });
});
