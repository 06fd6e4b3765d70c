"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { PriceTable } from "@/lib/pricing/types";
import { queryKeys } from "@/lib/query-keys";
import type { UsageQuery, UsageReport } from "@/lib/usage/report";

/** The query as the URL's search part: the one spelling of it for the key, the API and the CSV link. */
export function usageSearch(q: UsageQuery): string {
  const p = new URLSearchParams({ from: q.from, to: q.to, bucket: q.bucket, group: q.group });
  if (q.userId) p.set("user", q.userId);
  return p.toString();
}

export function useUsageReport(q: UsageQuery) {
  const search = usageSearch(q);
  return useQuery({
    queryKey: queryKeys.usageReport(search),
    queryFn: ({ signal }) => apiFetch<UsageReport>(`/api/usage?${search}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function usePrices(models: string[]) {
  const key = [...new Set(models)].sort().join(",");
  return useQuery({
    queryKey: queryKeys.prices(key),
    queryFn: ({ signal }) =>
      apiFetch<{ data: PriceTable }>(`/api/prices?models=${encodeURIComponent(key)}`, { signal }),
    enabled: key.length > 0,
    staleTime: 5 * 60_000,
  });
}
