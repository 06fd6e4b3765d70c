import { ApiError } from "./errors";

/**
 * The browser's fetcher for the console's own API: JSON in, JSON out, and every failure rebuilt as
 * the same ApiError the server threw.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError({
      type: "server_error",
      code: "network_error",
      message: "Could not reach the console. Check your connection and try again.",
    });
  }
  if (res.status === 204) return undefined as T;
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ApiError.fromBody(res.status, body);
    if (
      res.status === 401 &&
      typeof window !== "undefined" &&
      !window.location.pathname.startsWith("/sign-in")
    ) {
      window.location.assign(
        `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`,
      );
    }
    throw err;
  }
  return body as T;
}
