import "server-only";
import { ApiError, errors } from "@/lib/errors";
import { requirePrincipal } from "../auth/request";
import { getConfig } from "../config";
import { forward } from "./forward";
import type { Credentials } from "./headers";
import { FAMILIES, type Family, resolveUpstreamPath } from "./paths";

export const PROXY_PREFIX = "/api/v1/";

/** `/api/v1/*`: authenticate, validate the path, pick credentials, stream both ways. */
export async function handleProxy(req: Request): Promise<Response> {
  const startedAt = performance.now();
  try {
    const principal = await requirePrincipal(req);
    const url = new URL(req.url);
    // Use the raw pathname, not Next's decoded params: encoded slashes must be seen to be refused.
    const raw = url.pathname.startsWith(PROXY_PREFIX) ? url.pathname.slice(PROXY_PREFIX.length) : "";
    const target = resolveUpstreamPath(raw, url.search);
    const creds = credentialsFor(target.family, principal.user.role === "admin");
    return await forward(
      req,
      target,
      creds,
      { userId: principal.user.id, tokenId: principal.tokenId },
      startedAt,
    );
  } catch (e) {
    return errorResponse(e);
  }
}

function credentialsFor(family: Family, isAdmin: boolean): Credentials {
  const { openai } = getConfig();
  if (FAMILIES[family].admin) {
    if (!isAdmin) throw errors.forbidden("Organization endpoints are for console admins only.", "admin_only");
    if (!openai.adminKey) {
      throw new ApiError({
        type: "config_error",
        code: "admin_key_missing",
        message:
          "Organization endpoints need OPENAI_ADMIN_KEY, which this console does not have. The normal API key is never used for them.",
      });
    }
    return { bearer: openai.adminKey, organization: openai.orgId };
  }
  if (!openai.apiKey) {
    throw new ApiError({
      type: "config_error",
      code: "api_key_missing",
      message:
        "No OpenAI API key is configured. An admin sets OPENAI_API_KEY in the server's environment and restarts; see Settings.",
    });
  }
  return { bearer: openai.apiKey, organization: openai.orgId, project: openai.projectId };
}

export function errorResponse(e: unknown): Response {
  if (e instanceof ApiError) return e.toResponse();
  // Never echo an unexpected error's message: it may carry internals.
  console.error("[proxy] unexpected error", e instanceof Error ? e.stack : e);
  return new ApiError({
    type: "server_error",
    message: "Internal error in the console. See the server log.",
  }).toResponse();
}
