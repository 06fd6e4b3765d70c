import http from "node:http";

/**
 * A minimal OpenAI-shaped upstream for benchmarks: exact event timing and a byte-counting upload
 * sink, so the only variable between the two measured paths is the proxy.
 */
export function startBenchUpstream(opts: { events: number; intervalMs: number }): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    let bytes = 0;
    req.on("data", (c: Buffer) => {
      bytes += c.length;
    });
    req.on("end", () => {
      if (req.url?.startsWith("/v1/files")) {
        res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_bench" });
        res.end(
          JSON.stringify({
            id: "file-bench",
            object: "file",
            bytes,
            created_at: 0,
            filename: "big.bin",
            purpose: "assistants",
          }),
        );
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req_bench" });
      let i = 0;
      const tick = () => {
        if (res.destroyed) return;
        if (i < opts.events) {
          res.write(
            `data: {"id":"c","object":"chat.completion.chunk","model":"bench","choices":[{"index":0,"delta":{"content":"tok${i}"}}],"usage":null}\n\n`,
          );
          i++;
          setTimeout(tick, opts.intervalMs);
        } else {
          res.write(
            'data: {"id":"c","object":"chat.completion.chunk","model":"bench","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":62,"total_tokens":67}}\n\n',
          );
          res.end("data: [DONE]\n\n");
        }
      };
      tick();
    });
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** What an OpenAI answer carries besides its body; the proxy reads the rate-limit values on every call. */
const CHAT_HEADERS = {
  "x-request-id": "req_bench",
  "openai-processing-ms": "1",
  "x-ratelimit-limit-requests": "10000",
  "x-ratelimit-remaining-requests": "9999",
  "x-ratelimit-reset-requests": "6ms",
  "x-ratelimit-limit-tokens": "2000000",
  "x-ratelimit-remaining-tokens": "1999990",
  "x-ratelimit-reset-tokens": "0s",
};

const COMPLETION = JSON.stringify({
  id: "chatcmpl-bench",
  object: "chat.completion",
  created: 0,
  model: "gpt-4o-mini",
  choices: [{ index: 0, message: { role: "assistant", content: "Hello there." }, finish_reason: "stop" }],
  usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 },
});

const chunk = (delta: string, usage: string) =>
  `data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","created":0,"model":"gpt-4o-mini","choices":[${delta}],"usage":${usage}}\n\n`;

/**
 * A chat completions upstream for the hot-path bench: `stream: true` answers an SSE stream whose
 * first event goes out with the headers at once, then `events - 1` more `intervalMs` apart, a usage
 * event and `[DONE]`; otherwise one JSON completion. Nothing waits on a timer before the first byte,
 * so what a proxy adds to the first event is all that differs between the paths measured.
 */
export function startChatUpstream(opts: { events: number; intervalMs: number }): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const stream = Buffer.concat(parts).includes('"stream":true');
      if (!stream) {
        res.writeHead(200, {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(COMPLETION)),
          ...CHAT_HEADERS,
        });
        res.end(COMPLETION);
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", ...CHAT_HEADERS });
      let i = 0;
      const tick = () => {
        if (res.destroyed) return;
        if (i < opts.events) {
          res.write(chunk(`{"index":0,"delta":{"content":"tok${i}"},"finish_reason":null}`, "null"));
          i++;
          setTimeout(tick, opts.intervalMs);
        } else {
          res.write(chunk("", '{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}'));
          res.end("data: [DONE]\n\n");
        }
      };
      tick();
    });
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
