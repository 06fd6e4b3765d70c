import "server-only";
import type { z } from "zod";
import { ApiError, errors } from "@/lib/errors";
import { API_SECURITY_HEADERS } from "@/lib/security-headers";

/** Every console route handler: parse → authorize → call → map errors, with one catch. */
export function route<C>(handler: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await handler(req, ctx);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Our errors as they are; anything else as a generic 500, since its message may carry internals. */
export function errorResponse(e: unknown): Response {
  if (e instanceof ApiError) return e.toResponse();
  console.error("[server] unexpected error", e instanceof Error ? e.stack : e);
  return new ApiError({
    type: "server_error",
    message: "Internal error in the console. See the server log.",
  }).toResponse();
}

export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw errors.badRequest("The request body must be JSON.", null, "invalid_json");
  }
  const r = schema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    const param = issue?.path.join(".") || null;
    throw errors.badRequest(
      issue ? `${param ? `${param}: ` : ""}${issue.message}` : "Invalid request body.",
      param,
    );
  }
  return r.data;
}

export function json(data: unknown, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set("cache-control", "no-store");
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) headers.set(name, value);
  return Response.json(data, { ...init, headers });
}
