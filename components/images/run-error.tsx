"use client";

import { ApiErrorCard } from "@/components/ui/api-error-card";
import { Button } from "@/components/ui/button";
import type { ApiError } from "@/lib/errors";
import { guidanceFor } from "@/lib/playground/guidance";

/** A failed request: what happened in plain words, the upstream's message and code, and what to do. */
export function RunError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const g = guidanceFor(error);
  const requestId = error.headers["x-request-id"];
  return (
    <ApiErrorCard error={error} guidance={g} requestId={requestId} testId="image-error">
      {g.retry && onRetry && (
        <Button size="sm" onClick={onRetry}>
          Run again
        </Button>
      )}
    </ApiErrorCard>
  );
}
