"use client";

import { formatLimitAmount, limitTitle, usedPercent } from "@/lib/budgets/format";
import type { LimitUsage } from "@/lib/budgets/types";
import { DEFAULT_SOFT_PERCENT } from "@/lib/budgets/types";
import { formatDateTime } from "@/lib/format";
import { resetsIn } from "./resets-in";

export interface LimitBarProps {
  limit: LimitUsage;
  /** Used when the limit does not carry its own. */
  softPercent?: number;
  /** For the countdown; the caller ticks it. */
  now: number;
  /** Say where the limit came from (own, team default, token). */
  showSource?: boolean;
}

const SOURCE = { own: "your own", team: "team default" } as const;

/** One limit: used (solid) and reserved (lighter) against the limit, with when the window resets. */
export function LimitBar({
  limit: l,
  softPercent = DEFAULT_SOFT_PERCENT,
  now,
  showSource = true,
}: LimitBarProps) {
  const total = usedPercent(l);
  const used = usedPercent({ ...l, reserved: 0 });
  const soft = l.softPercent ?? softPercent;
  const tone = total >= 100 ? "bg-danger" : total >= soft ? "bg-warning" : "bg-accent";
  const source = l.subject.kind === "token" ? (l.label ? `token ${l.label}` : "this token") : SOURCE[l.from];
  return (
    <div className="space-y-1" data-testid={`limit-${l.code}-${l.window}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-medium">
          {limitTitle(l)}
          {showSource && <span className="ml-2 font-normal text-muted text-xs">{source}</span>}
        </span>
        <span className="font-mono text-xs tabular-nums" data-testid="limit-amounts">
          {formatLimitAmount(l.code, l.used)}
          {l.reserved > 0 && (
            <span className="text-muted"> + {formatLimitAmount(l.code, l.reserved)} reserved</span>
          )}
          <span className="text-muted"> of </span>
          {formatLimitAmount(l.code, l.limit)}
        </span>
      </div>
      <div
        className="relative h-2 overflow-hidden rounded-full bg-surface-2"
        // The amounts above say it in words; the bar is for the eye.
        aria-hidden="true"
        data-percent={Math.round(total)}
      >
        <div className={`absolute inset-y-0 left-0 opacity-40 ${tone}`} style={{ width: `${total}%` }} />
        <div className={`absolute inset-y-0 left-0 ${tone}`} style={{ width: `${used}%` }} />
      </div>
      <p className="text-muted text-xs" data-testid="limit-reset">
        Resets {resetsIn(l.resetsAt, now)}
      </p>
      {l.refusedAt && (
        <p className="text-danger text-xs" data-testid="limit-refused">
          Refused a call at {formatDateTime(l.refusedAt)}: what it could cost at most did not fit in what is
          left.
        </p>
      )}
    </div>
  );
}
