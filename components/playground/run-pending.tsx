"use client";

import { useEffect, useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import type { RunEntry } from "./store";

function phase(run: RunEntry): string {
  if (run.timings.headersAt === null) return "Waiting for the first byte…";
  if (run.request.body.stream === true) return "Waiting for the first token…";
  return "Receiving the response…";
}

/**
 * A run in flight that has shown nothing yet: what it waits for and for how long, from the moment
 * it was sent (a slow first byte or a long non-streamed answer is not mistaken for nothing).
 */
export function RunPending({ run }: { run: RunEntry }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(t);
  }, []);
  const seconds = Math.max(0, (now - run.timings.startedAt) / 1000);
  return (
    <div
      className="flex items-center gap-2 rounded-lg border border-border border-dashed px-3 py-2 text-muted text-sm"
      data-testid="run-pending"
    >
      <Spinner className="text-accent" />
      <span role="status">{phase(run)}</span>
      <span className="ml-auto font-mono text-xs tabular-nums" data-testid="run-elapsed">
        {seconds.toFixed(1)} s
      </span>
    </div>
  );
}
