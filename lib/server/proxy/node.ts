import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorResponse } from "../http";
import { PEER_HEADER } from "../peer";
import { ClientGone } from "./client-signal";
import { type ProxyRequest, proxyCall } from "./index";
import { checkMethod } from "./paths";
import { RawRequestHeaders } from "./raw-headers";
import { isStreamedAnswer, type StreamedAnswer, writeAnswer } from "./sink";

/**
 * Adapts a Node request/response pair to the proxy: the body stays a Node stream (backpressure),
 * the raw request line is kept for path checks, and a client that goes away aborts the call.
 */
export async function handleProxyNode(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Not an AbortController: an EventTarget and a signal per call cost ~30–40 µs (client-signal.ts).
  const gone = new ClientGone();
  res.on("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  let response: Response | StreamedAnswer;
  try {
    // Before anything else: a Request cannot even be built for TRACE or CONNECT.
    checkMethod(req.method ?? "");
    const peer = req.headers[PEER_HEADER];
    // Not a web Headers copy of every header: the proxy reads a few names (raw-headers.ts).
    const headers = new RawRequestHeaders(req.rawHeaders, typeof peer === "string" ? peer : undefined);
    const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
    // Not a `new Request`: it copies the headers again, parses the URL and chains a second abort
    // signal, about a fifth of the proxy's own time per call (docs/proxy-hot-path.md). The origin
    // only serves the same-origin check; the path is taken raw from the request line.
    const request: ProxyRequest = {
      method: req.method ?? "",
      headers,
      url: `${secure ? "https" : "http"}://${safeHost(req.headers.host)}/api/v1/`,
      signal: gone,
      body: null,
    };
    // Only POST bodies are read; handleProxy refuses any other method that claims one.
    response = await proxyCall(request, {
      rawUrl: req.url ?? "/",
      body: req.method === "POST" ? req : null,
    });
  } catch (e) {
    response = errorResponse(e);
  }
  if (isStreamedAnswer(response)) {
    // A successful answer: written chunk by chunk straight to the socket (sink.ts), no web stream.
    if (res.destroyed) response.cancel();
    else writeAnswer(res, response);
    return;
  }
  if (res.destroyed) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  const out: Record<string, string> = {};
  response.headers.forEach((v, k) => {
    out[k] = v;
  });
  res.writeHead(response.status, out);
  if (!response.body) {
    res.end();
    return;
  }
  // Writes each chunk as it comes: no re-chunking, and waits for the socket when it is full.
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            res.off("drain", go);
            res.off("close", go);
            resolve();
          };
          res.on("drain", go);
          res.on("close", go);
        });
      }
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
    }
    res.end();
  } catch {
    // The body stream errored (upstream died on a non-SSE body): cut the response so the client sees it.
    res.destroy();
  }
}

function safeHost(host: string | undefined): string {
  return host && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(host) ? host : "localhost";
}
