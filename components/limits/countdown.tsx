"use client";

import { formatCountdown, secondsLeft } from "@/lib/limits/causes";
import { useNow } from "./use-now";

/** Time until a rate-limit window resets, ticking each second; "reset" once it has passed. */
export function Countdown({ resetsAt, className = "" }: { resetsAt: string | null; className?: string }) {
  const now = useNow(1000, resetsAt !== null);
  const left = secondsLeft(resetsAt, now);
  return (
    <span
      className={`tabular-nums ${left === 0 ? "text-muted" : ""} ${className}`}
      data-testid="reset-countdown"
      suppressHydrationWarning
    >
      {formatCountdown(left)}
    </span>
  );
}
