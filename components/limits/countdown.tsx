"use client";

import type { ReactNode } from "react";
import { useNow } from "@/components/ui/use-now";
import { formatCountdown, secondsLeft } from "@/lib/limits/causes";

/** Time until a rate-limit window resets, ticking each second; "reset" once it has passed. */
export function Countdown({
  resetsAt,
  prefix,
  className = "",
}: {
  resetsAt: string | null;
  /** Shown before the time while it runs ("resets in"), not before "reset". */
  prefix?: ReactNode;
  className?: string;
}) {
  const now = useNow(1000, resetsAt !== null);
  const left = secondsLeft(resetsAt, now);
  return (
    <>
      {left !== null && left > 0 && prefix}
      <span
        className={`tabular-nums ${left === 0 ? "text-muted" : ""} ${className}`}
        data-testid="reset-countdown"
        suppressHydrationWarning
      >
        {formatCountdown(left)}
      </span>
    </>
  );
}
