import "server-only";

/**
 * One diagnosis of a failure to talk to the upstream at all (no HTTP answer), used by the proxy's
 * error responses and by Settings' connection check, so both name it with the same code and advice.
 */
export interface UpstreamFailure {
  code: "upstream_timeout" | "upstream_unreachable";
  title: string;
  message: string;
}

/** The system error code (ECONNREFUSED, ENOTFOUND…) wherever fetch, undici or http put it. */
export function systemErrorCode(e: unknown): string | undefined {
  for (let cause: unknown = e, depth = 0; cause && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

export function diagnoseUpstreamFailure(
  base: URL,
  failure: { timeoutMs: number; timeoutVariable?: string } | { error: unknown },
): UpstreamFailure {
  const host = base.host;
  if ("timeoutMs" in failure) {
    const raise = failure.timeoutVariable ? ` or raise ${failure.timeoutVariable}` : "";
    return {
      code: "upstream_timeout",
      title: `No answer from ${host}`,
      message: `The upstream API at ${host} did not answer within ${Math.round(failure.timeoutMs / 1000)} s. Try again; if it persists, check that this server can reach ${host} (firewall, proxy, DNS) and the service's status${raise}.`,
    };
  }
  const code = systemErrorCode(failure.error);
  return {
    code: "upstream_unreachable",
    title: `Cannot reach ${host}`,
    message: `Could not reach the upstream API at ${host}${code ? ` (${code})` : ""}. Check OPENAI_BASE_URL (now ${shownUrl(base)}), DNS and that this server can reach that host.`,
  };
}

/** A base URL as it may be shown to callers: no credentials or query a gateway URL could carry. */
export function shownUrl(base: URL): string {
  return `${base.origin}${base.pathname}`;
}
