"use client";

import { HeadroomPanel } from "@/components/budgets/headroom-panel";
import { useLimitsReport } from "@/components/queries/use-limits";
import { RateLimitsCard } from "./rate-limits-card";
import { RejectionsCard } from "./rejections-card";

/**
 * The Limits page: the caller's own headroom (budgets-ui's panel), the team key's rate limits live,
 * and the refused calls of the last day by cause. The report polls every 2 s while the tab is
 * visible (TanStack Query skips interval refetches in a hidden tab) and the countdowns tick locally.
 */
export function LimitsView({ isAdmin }: { isAdmin: boolean; meId: string }) {
  const q = useLimitsReport();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="font-semibold text-xl">Limits</h1>
        <p className="text-muted text-sm">Your budgets, the API key's rate limits, and refused calls.</p>
      </div>
      <HeadroomPanel />
      {q.error && (
        <p role="alert" className="text-danger text-sm">
          Could not load the limits: {q.error.message}
        </p>
      )}
      <RateLimitsCard rows={q.data?.rateLimits ?? []} loading={q.isLoading} />
      <RejectionsCard rows={q.data?.rejections ?? []} loading={q.isLoading} isAdmin={isAdmin} />
    </div>
  );
}
