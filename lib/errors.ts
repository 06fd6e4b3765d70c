/**
 * One error type for the whole console, shaped like OpenAI's `{error:{message,type,param,code}}`
 * so the browser, the official SDKs and our own handlers all read the same body.
 */

import { API_SECURITY_HEADERS } from "./security-headers";

export type ApiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "conflict_error"
  | "rate_limit_error"
  | "upstream_error"
  | "config_error"
  | "server_error"
  // Upstream types we pass through untouched (e.g. `insufficient_quota`, `requests`, `tokens`).
  | (string & {});

export interface ApiErrorBody {
  error: { message: string; type: ApiErrorType; param: string | null; code: string | null };
}

const STATUS_BY_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  conflict_error: 409,
  rate_limit_error: 429,
  upstream_error: 502,
  config_error: 503,
  server_error: 500,
};

export interface ApiErrorInit {
  type: ApiErrorType;
  message: string;
  status?: number;
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
  /** In the browser: the failed response's body as it came, for the views that show raw responses. */
  responseText?: string;
}

export class ApiError extends Error {
  readonly type: ApiErrorType;
  readonly status: number;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;
  readonly responseText: string | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = "ApiError";
    this.type = init.type;
    this.status = init.status ?? STATUS_BY_TYPE[init.type] ?? 500;
    this.param = init.param ?? null;
    this.code = init.code ?? null;
    this.headers = init.headers ?? {};
    this.responseText = init.responseText ?? null;
  }

  toJSON(): ApiErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }

  toResponse(): Response {
    return Response.json(this.toJSON(), {
      status: this.status,
      headers: { "cache-control": "no-store", ...API_SECURITY_HEADERS, ...this.headers },
    });
  }

  /** Rebuilds the error from any response body: ours, OpenAI's, or the bare `{message,type}` a few endpoints send. */
  static fromBody(
    status: number,
    body: unknown,
    fallback = "Request failed",
    extra?: Pick<ApiErrorInit, "headers" | "responseText">,
  ): ApiError {
    const obj = isRecord(body) ? (isRecord(body.error) ? body.error : body) : {};
    const message =
      typeof obj.message === "string" && obj.message ? obj.message : `${fallback} (HTTP ${status})`;
    return new ApiError({
      status,
      type: typeof obj.type === "string" ? obj.type : typeForStatus(status),
      message,
      param: typeof obj.param === "string" ? obj.param : null,
      code: typeof obj.code === "string" ? obj.code : obj.code == null ? null : String(obj.code),
      ...extra,
    });
  }
}

export function typeForStatus(status: number): ApiErrorType {
  for (const [type, s] of Object.entries(STATUS_BY_TYPE)) if (s === status) return type;
  return status >= 500 ? "server_error" : "invalid_request_error";
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// Constructors for the cases every handler meets, so messages stay consistent.
export const errors = {
  unauthenticated: (
    message = "Sign in, or send a personal access token as `Authorization: Bearer bt_pat_…`.",
  ) => new ApiError({ type: "authentication_error", message, code: "unauthenticated" }),
  forbidden: (message: string, code = "forbidden") =>
    new ApiError({ type: "permission_error", message, code }),
  notFound: (message: string, code = "not_found") => new ApiError({ type: "not_found_error", message, code }),
  badRequest: (message: string, param: string | null = null, code: string | null = null) =>
    new ApiError({ type: "invalid_request_error", message, param, code }),
  conflict: (message: string, param: string | null = null, code = "conflict") =>
    new ApiError({ type: "conflict_error", message, param, code }),
  /** Existed once and is gone for good (a revoked link): 410, so clients stop retrying. */
  gone: (message: string, code = "gone") =>
    new ApiError({ type: "not_found_error", status: 410, message, code }),
};
