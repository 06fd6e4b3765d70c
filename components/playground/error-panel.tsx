"use client";

import { useEffect, useState } from "react";
import { ApiErrorCard } from "@/components/ui/api-error-card";
import { Button } from "@/components/ui/button";
import { guidanceFor } from "@/lib/playground/guidance";
import type { RunEntry } from "./store";

export interface ErrorPanelProps {
  run: RunEntry;
  onRetry?: () => void;
  /** Offered when the error keeps what arrived and the model can go on from it (a broken stream). */
  onContinue?: () => void;
}

/** An upstream error with its code, message, parameter and request id, plus what to do about it. */
export function ErrorPanel({ run, onRetry, onContinue }: ErrorPanelProps) {
  const e = run.error;
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!e?.retryAfterMs) return;
    const until = (run.timings.endedAt ?? performance.now()) + e.retryAfterMs;
    const tick = () => setLeft(Math.max(0, Math.ceil((until - performance.now()) / 1000)));
    tick();
    const t = setInterval(tick, 250);
    return () => clearInterval(t);
  }, [e, run.timings.endedAt]);
  if (!e) return null;
  const g = guidanceFor(e);
  const requestId = run.headers["x-request-id"];
  return (
    <ApiErrorCard error={e} guidance={g} requestId={requestId} testId="run-error">
      {g.continue && onContinue && (
        <Button size="sm" variant="primary" onClick={onContinue} data-testid="continue">
          Continue
        </Button>
      )}
      {g.retry && onRetry && (
        <Button size="sm" onClick={onRetry} disabled={Boolean(left)} data-testid="retry">
          {left ? `Retry in ${left}s` : "Retry"}
        </Button>
      )}
      {left !== null && left > 0 && (
        <span data-testid="retry-countdown" className="text-muted">
          Limit resets in {left}s
        </span>
      )}
    </ApiErrorCard>
  );
}
