"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { LIMIT_CODES } from "@/lib/budgets/types";
import type { ApiError } from "@/lib/errors";
import type { Guidance } from "@/lib/playground/guidance";

export interface ApiErrorCardProps {
  error: Pick<ApiError, "message" | "type" | "param" | "code"> & { status: number | null };
  guidance: Guidance;
  requestId?: string;
  /** Prefix of the test ids: `<id>`, `<id>-title`, `<id>-message`. */
  testId: string;
  /** Buttons and notes on the bottom row, before the request id. */
  children?: ReactNode;
}

/** An upstream error in plain words: the title, its status, type, code and parameter, the message, what to do. */
export function ApiErrorCard({ error, guidance, requestId, testId, children }: ApiErrorCardProps) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-danger/30 bg-danger-soft px-3 py-2 text-sm"
      data-testid={testId}
      data-code={error.code ?? ""}
    >
      <div className="flex flex-wrap items-baseline gap-x-2">
        <p className="font-medium text-danger" data-testid={`${testId}-title`}>
          {guidance.title}
        </p>
        <span className="font-mono text-muted text-xs">
          {error.status ? `HTTP ${error.status}` : ""} {error.type}
          {error.code ? ` · ${error.code}` : ""}
          {error.param ? ` · param: ${error.param}` : ""}
        </span>
      </div>
      <p className="mt-1 text-fg/90" data-testid={`${testId}-message`}>
        {error.message}
      </p>
      <p className="mt-1 text-fg/80">{guidance.advice}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-xs">
        {children}
        {(LIMIT_CODES as readonly (string | null)[]).includes(error.code) && (
          <Link
            href="/limits"
            className="font-medium underline underline-offset-2"
            data-testid={`${testId}-limits`}
          >
            See your limits
          </Link>
        )}
        {requestId && <span className="font-mono text-muted">request id {requestId}</span>}
      </div>
    </div>
  );
}
