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
