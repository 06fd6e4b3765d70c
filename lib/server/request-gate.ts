import http from "node:http";

/**
 * What Next answers badly, refused before it sees the request (node-entry.ts). Next throws on
 * methods it does not know (TRACE: 500 "'TRACE' HTTP method is unsupported", stack in the log),
 * answers others with an empty 400 on API routes or renders the page for them (PROPFIND
 * /playground: 200), and answers a path that does not percent-decode (`/api/presets/%`) with 500.
 */

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** The methods a console route can export; Next knows these (and answers 405 for unexported ones). */
const ROUTE_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Pages are only read: the console has no server actions, which would POST to a page. */
const PAGE_METHODS = new Set(["GET", "HEAD"]);

export function gateRequest(req: http.IncomingMessage, res: http.ServerResponse, next: Listener): void {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  const api = pathname === "/api" || pathname.startsWith("/api/");
  const method = req.method ?? "GET";

  if (!decodes(pathname)) {
    refuse(
      res,
      api,
      400,
      "invalid_path",
      "The URL contains a malformed percent-encoding (such as a lone %).",
    );
  } else if (!api && !PAGE_METHODS.has(method)) {
    refuse(res, api, 405, "method_not_allowed", `${method} is not supported on pages.`, "GET, HEAD");
  } else if (api && !ROUTE_METHODS.has(method)) {
    void methodNotAllowed(req, res, method);
  } else {
    if (api) answerOwn405(req, res, method);
    next(req, res);
  }
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Next answers a method an API route does not export with an empty 405 and no `Allow`: give it our
 * error shape and the route's methods instead.
 */
function answerOwn405(req: http.IncomingMessage, res: http.ServerResponse, method: string): void {
  const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
  res.end = ((...args: unknown[]) => {
    res.end = end as typeof res.end;
    if (res.statusCode !== 405 || res.headersSent) return end(...args);
    void methodNotAllowed(req, res, method);
    return res;
  }) as typeof res.end;
}

/**
 * Only Next knows which methods an API route exports. It answers OPTIONS itself, with `Allow` from
 * the route's exports and without running any handler of ours: ask it that, over loopback, so this
 * stays a request of its own, then refuse with 405.
 */
async function methodNotAllowed(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
  // A client that has gone away gets nothing, and its socket no longer says where to ask.
  if (res.destroyed || !req.socket.localPort || !req.socket.localAddress) return;
  const allow = await routeMethods(req).catch(() => null);
  if (res.destroyed) return;
  if (allow === undefined) return refuse(res, true, 404, "not_found", "No API route at this path.");
  refuse(res, true, 405, "method_not_allowed", `${method} is not supported here.`, allow ?? undefined);
}

/** `Allow` per route path: a route's exports do not change while the server runs. */
const allowCache = new Map<string, string>();
const ALLOW_CACHE_MAX = 500;

/**
 * The route's `Allow`; undefined when there is no such route; null when it could not be asked. Only
 * the path goes to the probe (no query, no client headers), on loopback to this very server.
 */
async function routeMethods(req: http.IncomingMessage): Promise<string | null | undefined> {
  const url = req.url ?? "/";
  const path = url.split("?")[0] ?? "/";
  if (allowCache.has(path)) return allowCache.get(path);
  const allow = await probe(path, req.socket.localPort as number, req.socket.localAddress as string);
  // Only real routes are kept, so unknown paths cannot crowd them out.
  if (allow && allowCache.size < ALLOW_CACHE_MAX) allowCache.set(path, allow);
  return allow;
}

/** Asks this server itself, at the address and port the request came in on. */
function probe(path: string, port: number, address: string): Promise<string | null | undefined> {
  return new Promise((resolve, reject) => {
    const ask = http.request(
      {
        host: address,
        port,
        method: "OPTIONS",
        path,
        headers: { host: "localhost" },
        timeout: 5000,
      },
      (r) => {
        r.resume();
        const allow = r.headers.allow;
        if (r.statusCode === 404) resolve(undefined);
        else resolve(r.statusCode === 204 && allow ? allow : null);
      },
    );
    ask.on("timeout", () => ask.destroy(new Error("timeout")));
    ask.on("error", reject);
    ask.end();
  });
}

function refuse(
  res: http.ServerResponse,
  api: boolean,
  status: number,
  code: string,
  message: string,
  allow?: string,
): void {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.statusCode = status;
  if (allow) res.setHeader("allow", allow);
  res.setHeader("cache-control", "no-store");
  if (api) {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ error: { message, type: "invalid_request_error", param: null, code } }));
  } else {
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(`${message}\n`);
  }
}
