"use client";

import type { ApiError } from "@/lib/errors";
import { guidanceFor } from "@/lib/playground/guidance";

/** A failed request: what happened in plain words, the upstream's message and code, and what to do. */
export function RunError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const g = guidanceFor(error);
  const requestId = error.headers["x-request-id"];
  return (
    <div
      role="alert"
      className="rounded-lg border border-danger/30 bg-danger-soft px-3 py-2 text-sm"
      data-testid="image-error"
      data-code={error.code ?? ""}
    >
      <div className="flex flex-wrap items-baseline gap-x-2">
        <p className="font-medium text-danger" data-testid="image-error-title">
          {g.title}
        </p>
        <span className="font-mono text-muted text-xs">
          {error.status ? `HTTP ${error.status}` : ""} {error.type}
          {error.code ? ` · ${error.code}` : ""}
          {error.param ? ` · param: ${error.param}` : ""}
        </span>
      </div>
      <p className="mt-1 text-fg/90" data-testid="image-error-message">
        {error.message}
      </p>
      <p className="mt-1 text-fg/80">{g.advice}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-xs">
        {g.retry && onRetry && (
          <button type="button" className="font-medium text-accent hover:underline" onClick={onRetry}>
            Run again
          </button>
        )}
        {requestId && <span className="font-mono text-muted">request id {requestId}</span>}
      </div>
    </div>
  );
}
