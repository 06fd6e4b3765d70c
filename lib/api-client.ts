import { ApiError } from "./errors";

export interface ApiFetchInit {
  /** Defaults to GET, or POST when there is a body. */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/** Pages where a 401 is an answer to show (wrong password, bad setup code), not a lapsed session. */
const AUTH_PAGES = ["/sign-in", "/setup"];

/**
 * The browser's fetcher for the console's own API: JSON in, JSON out, and every failure rebuilt as
 * the same ApiError the server threw. A 401 on a console page means the session ended (expired,
 * signed out elsewhere, account disabled), so it goes to sign-in and comes back afterwards.
 */
export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const hasBody = init.body !== undefined;
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (hasBody ? "POST" : "GET"),
      headers: hasBody
        ? { "content-type": "application/json", accept: "application/json" }
        : { accept: "application/json" },
      body: hasBody ? JSON.stringify(init.body) : undefined,
      credentials: "same-origin",
      cache: "no-store",
      signal: init.signal,
    });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ApiError({
      type: "server_error",
      status: 0,
      code: "network_error",
      message: "Could not reach the console. Check your connection and try again.",
    });
  }
  if (res.status === 204 || res.status === 205) return undefined as T;
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ApiError.fromBody(res.status, body);
    if (res.status === 401 && !path.startsWith("/api/auth/")) redirectToSignIn();
    throw err;
  }
  return body as T;
}

function redirectToSignIn(): void {
  if (typeof window === "undefined") return;
  const { pathname, search } = window.location;
  if (AUTH_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return;
  window.location.assign(`/sign-in?next=${encodeURIComponent(pathname + search)}`);
}
