import "server-only";
import OpenAI from "openai";
import type { ConnectionCheck, UpstreamInfo } from "@/lib/types";
import { getConfig, maskKey } from "./config";
import { scrubSecrets } from "./proxy/scrub";
import { diagnoseUpstreamFailure, shownUrl } from "./upstream-failure";

export type { ConnectionCheck, UpstreamInfo };

const CHECK_TIMEOUT_MS = 15_000;

/** The only place the SDK client is built: the key never leaves this module's callers on the server. */
export function getOpenAI(): OpenAI | null {
  const { openai } = getConfig();
  if (!openai.apiKey) return null;
  return new OpenAI({
    apiKey: openai.apiKey,
    baseURL: openai.baseUrl.toString(),
    organization: openai.orgId ?? null,
    project: openai.projectId ?? null,
    maxRetries: 0,
    timeout: CHECK_TIMEOUT_MS,
  });
}

export function upstreamInfo(): UpstreamInfo {
  const { openai } = getConfig();
  return {
    baseUrl: shownUrl(openai.baseUrl),
    host: openai.baseUrl.host,
    keyConfigured: Boolean(openai.apiKey),
    keyMasked: maskKey(openai.apiKey),
    orgId: openai.orgId ?? null,
    projectId: openai.projectId ?? null,
    adminKeyConfigured: Boolean(openai.adminKey),
  };
}

/** Lists models with the server's key and turns any failure into something an admin can act on. */
export async function checkConnection(): Promise<ConnectionCheck> {
  const { openai } = getConfig();
  const client = getOpenAI();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (!client) {
    return {
      ok: false,
      status: null,
      latencyMs: 0,
      diagnosis: {
        code: "api_key_missing",
        title: "No API key configured",
        detail:
          "Set OPENAI_API_KEY in the server's environment (for Docker: -e OPENAI_API_KEY=…; for Vercel: Project → Settings → Environment Variables) and restart the console.",
      },
    };
  }
  try {
    const { data, response } = await client.models.list().withResponse();
    const ids = data.data.map((m) => m.id).sort();
    return {
      ok: true,
      status: response.status,
      latencyMs: elapsed(),
      modelCount: ids.length,
      sampleModels: ids.slice(0, 8),
      requestId: response.headers.get("x-request-id"),
    };
  } catch (e) {
    return { ok: false, latencyMs: elapsed(), ...diagnose(e, openai.baseUrl) };
  }
}

function diagnose(e: unknown, base: URL): Pick<ConnectionCheck, "status" | "diagnosis" | "requestId"> {
  const host = base.host;
  // No HTTP answer at all: the same diagnosis the proxy gives its callers.
  if (e instanceof OpenAI.APIConnectionError) {
    const failure = diagnoseUpstreamFailure(
      base,
      e instanceof OpenAI.APIConnectionTimeoutError ? { timeoutMs: CHECK_TIMEOUT_MS } : { error: e },
    );
    return { status: null, diagnosis: { code: failure.code, title: failure.title, detail: failure.message } };
  }
  if (e instanceof OpenAI.APIError) {
    const status = e.status ?? null;
    const requestId = e.requestID ?? null;
    const code = typeof e.code === "string" ? e.code : "";
    const byStatus: Record<number, { title: string; detail: string }> = {
      401: {
        title: "The API key was rejected",
        detail: `${host} answered 401${code ? ` (${code})` : ""}: the key is wrong, revoked, or not valid for this organization/project. Create a new key and set OPENAI_API_KEY; check OPENAI_ORG_ID and OPENAI_PROJECT_ID; if your organization restricts IP addresses, allow this server's address.`,
      },
      403: {
        title: "Access denied",
        detail: `${host} answered 403: the key lacks permission for this resource, or the request comes from an unsupported country, region or territory. Check the key's project permissions (it needs at least read access to models).`,
      },
      404: {
        title: "Models endpoint not found",
        detail: `${host} answered 404 for GET /models. OPENAI_BASE_URL is probably missing its /v1 suffix or points at the wrong path (now ${shownUrl(base)}).`,
      },
      429: {
        title: code === "insufficient_quota" ? "Quota exhausted" : "Rate limited",
        detail:
          code === "insufficient_quota"
            ? "The account has no remaining quota or credit. Add credit or raise the spend limit in the billing settings; retrying will not help."
            : "The key works but is being rate limited right now. Wait a moment and check again; if this persists, check your usage tier and limits.",
      },
    };
    const known = status ? byStatus[status] : undefined;
    return {
      status,
      requestId,
      diagnosis: {
        code:
          status === 429 && code === "insufficient_quota"
            ? "insufficient_quota"
            : `http_${status ?? "error"}`,
        title: known?.title ?? `Upstream error (HTTP ${status ?? "?"})`,
        detail:
          known?.detail ??
          `${host} answered with an error: ${redactMessage(e.message)}. Try again; if it persists, check the provider's status page.`,
      },
    };
  }
  return {
    status: null,
    diagnosis: {
      code: "unknown",
      title: "Connection check failed",
      detail: "An unexpected error occurred; see the server log.",
    },
  };
}

function redactMessage(message: string): string {
  const { openai } = getConfig();
  const secrets = [openai.apiKey, openai.adminKey].filter((s): s is string => Boolean(s));
  const scrubbed = scrubSecrets(message, secrets, (s) => maskKey(s) ?? "[redacted]");
  return scrubbed.withheld ? "(message withheld: it quoted a credential)" : scrubbed.text.slice(0, 300);
}
