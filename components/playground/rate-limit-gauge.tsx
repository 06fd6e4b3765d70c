"use client";

import Link from "next/link";
import { useEffect } from "react";
import { usePlayground } from "@/components/playground/store";
import { useModelRateLimits } from "@/components/queries/use-limits";
import { RemainingBar } from "@/components/ui/remaining-bar";
import { Tooltip } from "@/components/ui/tooltip";
import { useNow } from "@/components/ui/use-now";
import { formatCount } from "@/lib/format";
import { formatCountdown, secondsLeft } from "@/lib/limits/causes";
import type { RateLimitRow } from "@/lib/usage/report";

const KINDS = ["requests", "tokens"] as const;

/**
 * The upstream's remaining requests and tokens for one model, as two tiny bars beside the model
 * picker; the tooltip has the figures and the reset countdowns, and the gauge links to the Limits
 * page. It refreshes when a run ends and polls while the tab is visible; it shows nothing until the
 * upstream has sent values for the model.
 */
export function RateLimitGauge({ model }: { model: string }) {
  const q = useModelRateLimits();
  // A run's end (any target) is when new values have just arrived.
  const finished = usePlayground((s) => Object.values(s.runs).filter((r) => r.status !== "running").length);
  const { refetch } = q;
  useEffect(() => {
    if (finished) void refetch();
  }, [finished, refetch]);
  const rows = pick(q.data?.rateLimits ?? [], model);
  if (!rows.length) return null;
  // A link, not a button: a touch screen shows no tooltip, and a tap opens the figures.
  return (
    <Tooltip content={<GaugeDetails rows={rows} />} side="bottom">
      <Link
        href="/limits"
        className="flex items-center gap-2 rounded px-1 py-0.5 text-[11px] text-muted hover:bg-surface-2"
        aria-label={`Rate limits for ${model}: ${rows.map((r) => `${formatCount(r.remaining ?? 0)} ${r.kind} left`).join(", ")}`}
        data-testid="rate-limit-gauge"
      >
        {rows.map((r) => (
          <span key={r.kind} className="flex items-center gap-1">
            {r.kind === "requests" ? "req" : "tok"}
            <RemainingBar limit={r.limit} remaining={r.remaining} compact />
          </span>
        ))}
      </Link>
    </Tooltip>
  );
}

/** The newest values for the model or one of its snapshots (answers name `gpt-4o-mini-2024-07-18`). */
function pick(all: RateLimitRow[], model: string): RateLimitRow[] {
  const matches = all.filter((r) => r.model === model || r.model.startsWith(`${model}-`));
  return KINDS.flatMap((kind) => {
    const newest = matches
      .filter((r) => r.kind === kind)
      .sort((a, b) => b.observedAt.localeCompare(a.observedAt))[0];
    return newest ? [newest] : [];
  });
}

function GaugeDetails({ rows }: { rows: RateLimitRow[] }) {
  const now = useNow();
  return (
    <span className="block space-y-0.5" data-testid="rate-limit-gauge-details">
      {rows.map((r) => (
        <span key={r.kind} className="block tabular-nums">
          {r.kind}: {r.remaining === null ? "—" : formatCount(r.remaining)} of{" "}
          {r.limit === null ? "—" : formatCount(r.limit)} left ·{" "}
          {secondsLeft(r.resetsAt, now) === 0
            ? "has reset"
            : `resets in ${formatCountdown(secondsLeft(r.resetsAt, now))}`}
        </span>
      ))}
      <span className="block opacity-70">
        The team key's limits for this model; click for the Limits page.
      </span>
    </span>
  );
}
