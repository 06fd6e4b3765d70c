import http from "node:http";
import type { AddressInfo } from "node:net";
import { chatCompletions, legacyCompletions } from "./chat";
import { CONTAINER_ROUTES } from "./containers";
import { control } from "./control";
import { CONVERSATION_ROUTES } from "./conversations";
import { sweepExpired } from "./expiry";
import { createFile, deleteFile, fileContent, listFiles, retrieveFile } from "./files";
import { FINE_TUNING_ROUTES, settleFineTuning } from "./fine-tuning";
import { type Ctx, HttpError, type Route, readBody, sendError } from "./http";
import { imageEdits, imageGenerations, imageVariations } from "./images";
import { embeddings, moderations } from "./misc";
import { deleteModel, listModels, retrieveModel } from "./models";
import { ORGANIZATION_ROUTES } from "./organization";
import { countInputTokens, createResponse, deleteResponse, retrieveResponse } from "./responses";
import { EmulatorState, type Fault, type LoggedRequest } from "./state";
import { addUploadPart, cancelUpload, completeUpload, createUpload } from "./uploads";
import { VECTOR_STORE_ROUTES } from "./vector-store-routes";

/**
 * An OpenAI-compatible upstream on loopback for development, tests, benchmarks and `npm run demo`.
 * Route families are rows in ROUTES; later features add rows (and a module) for their endpoints.
 */
const ID = "([^/]+)";
const ROUTES: Route[] = [
  { method: "GET", pattern: /^\/v1\/models$/, handler: listModels },
  { method: "GET", pattern: new RegExp(`^/v1/models/${ID}$`), handler: retrieveModel },
  { method: "DELETE", pattern: new RegExp(`^/v1/models/${ID}$`), handler: deleteModel },
  {
    method: "POST",
    pattern: /^\/v1\/chat\/completions$/,
    handler: chatCompletions,
    json: true,
    modelCall: true,
  },
  { method: "POST", pattern: /^\/v1\/completions$/, handler: legacyCompletions, json: true, modelCall: true },
  { method: "POST", pattern: /^\/v1\/responses$/, handler: createResponse, json: true, modelCall: true },
  {
    method: "POST",
    pattern: /^\/v1\/responses\/input_tokens$/,
    handler: countInputTokens,
    json: true,
    modelCall: true,
  },
  { method: "GET", pattern: new RegExp(`^/v1/responses/${ID}$`), handler: retrieveResponse },
  { method: "DELETE", pattern: new RegExp(`^/v1/responses/${ID}$`), handler: deleteResponse },
  { method: "POST", pattern: /^\/v1\/embeddings$/, handler: embeddings, json: true, modelCall: true },
  { method: "POST", pattern: /^\/v1\/moderations$/, handler: moderations, json: true },
  {
    method: "POST",
    pattern: /^\/v1\/images\/generations$/,
    handler: imageGenerations,
    json: true,
    modelCall: true,
  },
  // Multipart or JSON: the handler reads the body itself.
  { method: "POST", pattern: /^\/v1\/images\/edits$/, handler: imageEdits, modelCall: true },
  { method: "POST", pattern: /^\/v1\/images\/variations$/, handler: imageVariations, modelCall: true },
  { method: "POST", pattern: /^\/v1\/files$/, handler: createFile },
  { method: "GET", pattern: /^\/v1\/files$/, handler: listFiles },
  { method: "GET", pattern: new RegExp(`^/v1/files/${ID}$`), handler: retrieveFile },
  { method: "GET", pattern: new RegExp(`^/v1/files/${ID}/content$`), handler: fileContent },
  { method: "DELETE", pattern: new RegExp(`^/v1/files/${ID}$`), handler: deleteFile },
  { method: "POST", pattern: /^\/v1\/uploads$/, handler: createUpload, json: true },
  { method: "POST", pattern: new RegExp(`^/v1/uploads/${ID}/parts$`), handler: addUploadPart },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/uploads/${ID}/complete$`),
    handler: completeUpload,
    json: true,
  },
  { method: "POST", pattern: new RegExp(`^/v1/uploads/${ID}/cancel$`), handler: cancelUpload },
  ...VECTOR_STORE_ROUTES,
  ...CONVERSATION_ROUTES(ID),
  ...CONTAINER_ROUTES(ID),
  ...FINE_TUNING_ROUTES(ID),
  ...ORGANIZATION_ROUTES(ID),
];

const MAX_JSON = 32 * 1024 * 1024;

function drain(req: http.IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on("end", resolve);
    req.on("error", () => resolve());
    req.resume();
  });
}

function mask(key: string): string {
  return `sk-…${key.slice(-4)}`;
}

/** The request log is readable through the controls, so it never holds a credential in full. */
function loggedHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const value = Array.isArray(v) ? v.join(", ") : (v ?? "");
    out[k] =
      k === "authorization"
        ? value.replace(/(Bearer\s+)(\S+)/i, (_, b: string, key: string) => b + mask(key))
        : value;
  }
  return out;
}

function sendPlain404(res: http.ServerResponse): void {
  res.writeHead(404, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      error: { message: "Not found.", type: "invalid_request_error", param: null, code: null },
    }),
  );
}

function faultError(f: Fault): HttpError {
  const retry: Record<string, string> =
    f.retryAfter !== undefined
      ? { "retry-after": String(f.retryAfter), "retry-after-ms": String(f.retryAfter * 1000) }
      : {};
  const status = f.status ?? 500;
  const defaults: Record<number, [string, string, string]> = {
    401: [
      "Incorrect API key provided: sk-…cdef. You can find your API key at https://platform.openai.com/account/api-keys.",
      "invalid_request_error",
      "invalid_api_key",
    ],
    403: [
      "Country, region, or territory not supported",
      "request_forbidden",
      "unsupported_country_region_territory",
    ],
    429:
      f.code === "insufficient_quota"
        ? [
            "You exceeded your current quota, please check your plan and billing details.",
            "insufficient_quota",
            "insufficient_quota",
          ]
        : [
            "Rate limit reached for gpt-4o-mini in organization org-emulator on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.",
            "requests",
            "rate_limit_exceeded",
          ],
    500: [
      "The server had an error while processing your request. Sorry about that!",
      "server_error",
      "server_error",
    ],
    503: ["The engine is currently overloaded, please try again later.", "server_error", "overloaded"],
  };
  const [message, type, code] = defaults[status] ?? [
    `Emulated error ${status}.`,
    "server_error",
    "emulated_error",
  ];
  const headers: Record<string, string> =
    status === 429 && f.retryAfter === undefined && f.code !== "insufficient_quota"
      ? { "retry-after": "20" }
      : retry;
  return new HttpError(status, f.message ?? message, null, f.code ?? code, f.type ?? type, headers);
}

export interface Emulator {
  url: string;
  port: number;
  state: EmulatorState;
  close(): Promise<void>;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  apiKey?: string;
  /**
   * The admin key `/v1/organization/*` takes (Usage, Costs, spend limits); without one those
   * endpoints answer 401 to every key, as the API does to a normal key.
   */
  adminKey?: string;
  /**
   * Serve the test controls under /__emulator/ (faults, clock, reset, the request log). Off unless
   * asked for: tests, benchmarks and the demo turn them on; a bare `npm run emulator` does not.
   */
  controls?: boolean;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const state = new EmulatorState(
    opts.apiKey ?? process.env.EMULATOR_API_KEY ?? "sk-emulator-0123456789abcdef",
    opts.adminKey ?? process.env.EMULATOR_ADMIN_KEY ?? null,
  );

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator");
    if (url.pathname.startsWith("/__emulator/")) {
      if (opts.controls) void control(state, url.pathname.slice("/__emulator/".length), req, res);
      else sendPlain404(res);
      return;
    }
    const method = req.method ?? "GET";
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      query: url.search,
      headers: loggedHeaders(req.headers),
      bodyBytes: Number(req.headers["content-length"] ?? 0),
      json: null,
      status: 0,
      aborted: false,
      startedAt: Date.now(),
      endedAt: null,
    };
    state.record(entry);
    res.on("close", () => {
      entry.status = res.statusCode;
      entry.endedAt = Date.now();
      if (!res.writableFinished) entry.aborted = true;
    });
    void handle(state, req, res, url, method, entry);
  });
  server.keepAliveTimeout = 60_000;
  // Load tests open hundreds of streams at once.
  server.maxConnections = 10_000;

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}/v1`,
    port,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  state: EmulatorState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  method: string,
  entry: LoggedRequest,
): Promise<void> {
  const route = ROUTES.find((r) => r.method === method && r.pattern.test(url.pathname));
  const ctx: Ctx = {
    req,
    res,
    state,
    method,
    path: url.pathname,
    query: url.searchParams,
    params: route ? (route.pattern.exec(url.pathname)?.slice(1) ?? []).map(decodeURIComponent) : [],
    fault: undefined,
    json: null,
    modelCall: route?.modelCall ?? false,
    log: entry,
  };
  try {
    const auth = req.headers.authorization;
    const key = /^Bearer\s+(\S+)$/i.exec(auth ?? "")?.[1];
    if (!key) {
      throw new HttpError(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        null,
        null,
      );
    }
    if (url.pathname.startsWith("/v1/organization/")) {
      // Admin endpoints take the admin key and nothing else; the normal key never opens them.
      if (!state.adminKey || key !== state.adminKey) {
        throw new HttpError(
          401,
          `Incorrect API key provided: ${mask(key)}. Organization endpoints need an admin key (sk-admin-...).`,
          null,
          "invalid_api_key",
        );
      }
    } else if (key !== state.apiKey) {
      throw new HttpError(
        401,
        `Incorrect API key provided: ${mask(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        null,
        "invalid_api_key",
      );
    }
    if (route?.json) {
      const raw = await readBody(req, MAX_JSON);
      entry.bodyBytes = raw.length;
      if (raw.length < 1024 * 1024) entry.rawBody = raw.toString("utf8");
      try {
        ctx.json = raw.length ? JSON.parse(raw.toString("utf8")) : {};
      } catch {
        throw new HttpError(
          400,
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
          null,
          null,
        );
      }
      if (raw.length < 1024 * 1024) entry.json = ctx.json;
    }
    sweepExpired(state);
    settleFineTuning(state);
    const fault = state.takeFault(method, url.pathname);
    if (fault?.kind === "status") {
      // Read an unread (multipart) body first, so the client sees the error rather than a reset upload.
      if (!route?.json && !req.readableEnded) await drain(req);
      throw faultError(fault);
    }
    if (fault?.kind === "hang") return;
    if (fault?.kind === "slow_first_byte") await new Promise((r) => setTimeout(r, fault.delayMs ?? 2000));
    ctx.fault = fault;
    if (!route) throw new HttpError(404, `Invalid URL (${method} ${url.pathname})`, null, null);
    if (res.destroyed) return;
    await route.handler(ctx);
  } catch (e) {
    if (res.headersSent || res.destroyed) return;
    if (e instanceof HttpError) sendError(ctx, e);
    else {
      console.error("[emulator]", e);
      sendError(
        ctx,
        new HttpError(
          500,
          "The server had an error while processing your request.",
          null,
          "server_error",
          "server_error",
        ),
      );
    }
  }
}
