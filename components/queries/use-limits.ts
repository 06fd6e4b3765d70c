"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { BudgetEntry, Headroom, Notice } from "@/lib/budgets/types";
import { queryKeys } from "@/lib/query-keys";
import type { LimitsReport } from "@/lib/usage/report";

/** Rate limits as the upstream last sent them, and recent 429s; polled so the page follows live traffic. */
export function useLimitsReport(live = true) {
  return useQuery({
    queryKey: queryKeys.limitsReport,
    queryFn: ({ signal }) => apiFetch<LimitsReport>("/api/limits", { signal }),
    refetchInterval: live ? 2_000 : false,
  });
}

/**
 * Only the rate limits (the playground's gauge): the server skips the ledger's refusals. Under
 * limitsReport's key, so refreshing the report refreshes this too.
 */
export function useModelRateLimits() {
  return useQuery({
    queryKey: queryKeys.rateLimits,
    queryFn: ({ signal }) => apiFetch<LimitsReport>("/api/limits?only=rate_limits", { signal }),
    refetchInterval: 5_000,
  });
}

/** The signed-in person's own budgets and limits, with what is used and reserved now. */
export function useHeadroom() {
  return useQuery({
    queryKey: queryKeys.headroom,
    queryFn: ({ signal }) => apiFetch<Headroom>("/api/budgets/me", { signal }),
    refetchInterval: 15_000,
  });
}

export function useNotices() {
  return useQuery({
    queryKey: queryKeys.notices,
    queryFn: ({ signal }) => apiFetch<{ data: Notice[] }>("/api/notices", { signal }),
    refetchInterval: 30_000,
  });
}

/** Admins: every subject's settings. */
export function useBudgets(enabled = true) {
  return useQuery({
    queryKey: queryKeys.budgets,
    queryFn: ({ signal }) => apiFetch<{ data: BudgetEntry[] }>("/api/budgets", { signal }),
    enabled,
  });
}
