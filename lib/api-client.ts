import { ApiError } from "./errors";

/**
 * The browser's one client for the console's own routes (`/api/*`) and the upstream behind the proxy
 * (`/api/v1/*`): JSON and binary here, SSE in `api-stream.ts`, uploads with progress in
 * `api-upload.ts` (apart so a page that only reads JSON does not load them). Every failure leaves as
 * the ApiError the server threw, or the OpenAI error the upstream sent: a network failure as
 * `network_error`, a body that is not JSON as its HTTP status. A 401 on a console page means the
 * session ended (expired, signed out elsewhere, account disabled), so it goes to sign-in and comes
 * back afterwards.
 *
 * Responses are typed at the call site with the `openai` SDK's types (type-only imports); the SDK's
 * runtime stays out of the browser (docs/browser-client.md has the measurements).
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRequestInit {
  /** Defaults to GET, or POST when there is a body. */
  method?: HttpMethod;
  /**
   * Sent as JSON. A string is JSON text already and goes as it is (the playground sends exactly the
   * text its code view shows); a FormData goes as multipart (the browser writes the boundary).
   */
  body?: unknown;
  /** Defaults to JSON. */
  accept?: string;
  signal?: AbortSignal;
}

/** Pages where a 401 is an answer to show (wrong password, bad setup code), not a lapsed session. */
const AUTH_PAGES = ["/sign-in", "/setup"];

/** Sends a request and returns the response once it is a success: for bodies read as a stream or bytes. */
export async function apiRequest(path: string, init: ApiRequestInit = {}): Promise<Response> {
  const raw = init.body;
  const hasJson = raw !== undefined && !(raw instanceof FormData);
  const body =
    typeof raw === "string" || !hasJson ? (raw as string | FormData | undefined) : JSON.stringify(raw);
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (body === undefined ? "GET" : "POST"),
      headers: {
        accept: init.accept ?? "application/json",
        ...(hasJson ? { "content-type": "application/json" } : {}),
      },
      body,
      credentials: "same-origin",
      cache: "no-store",
      signal: init.signal,
    });
  } catch (err) {
    // An abort stays an AbortError, so callers can tell Stop from a failure.
    if (init.signal?.aborted) throw err;
    throw networkError();
  }
  if (!res.ok)
    throw failure(path, res.status, await res.text().catch(() => ""), Object.fromEntries(res.headers));
  return res;
}

/** JSON in, JSON out. A 204 resolves to undefined. */
export async function apiFetch<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
  const res = await apiRequest(path, init);
  if (res.status === 204 || res.status === 205) return undefined as T;
  return (await res.json().catch(() => null)) as T;
}

/**
 * The one place a failed response becomes an error, keeping the response's headers (request id,
 * rate limits, retry-after) and text for the views that show them; a lapsed session goes to sign-in.
 */
export function failure(
  path: string,
  status: number,
  body: string,
  headers: Record<string, string>,
): ApiError {
  if (status === 401 && !path.startsWith("/api/auth/")) redirectToSignIn();
  return ApiError.fromBody(status, parseJson(body), undefined, { headers, responseText: body });
}

export function networkError(): ApiError {
  return new ApiError({
    type: "server_error",
    status: 0,
    code: "network_error",
    message: "Could not reach the console. Check your connection and try again.",
  });
}

export function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function redirectToSignIn(): void {
  if (typeof window === "undefined") return;
  const { pathname, search } = window.location;
  if (AUTH_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return;
  window.location.assign(`/sign-in?next=${encodeURIComponent(pathname + search)}`);
}
