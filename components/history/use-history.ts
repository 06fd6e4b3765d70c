"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import type { HistoryPage, HistoryRunDto } from "@/lib/history/schema";
import { queryKeys } from "@/lib/query-keys";

export interface HistoryFilters {
  q: string;
  api: string;
  model: string;
}

type ListPage = HistoryPage & { facets: { apis: string[]; models: string[] } };

/** The user's runs for the filters, newest first, a page of 50 at a time. */
export function useHistoryList(f: HistoryFilters) {
  const search = new URLSearchParams(Object.entries(f).filter(([, v]) => v)).toString();
  return useInfiniteQuery<ListPage, ApiError>({
    queryKey: queryKeys.historyList(search),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(
        `/api/history?${search}${pageParam ? `&cursor=${encodeURIComponent(String(pageParam))}` : ""}`,
        {
          signal,
        },
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Runs arrive from the playground, not from this page: always look again when it opens.
    staleTime: 0,
    refetchOnMount: "always",
  });
}

export function useHistoryRun(id: string) {
  return useQuery<HistoryRunDto, ApiError>({
    queryKey: queryKeys.historyRun(id),
    queryFn: async ({ signal }) =>
      (await apiFetch<{ run: HistoryRunDto }>(`/api/history/${encodeURIComponent(id)}`, { signal })).run,
    retry: (n, e) => e.status !== 404 && n < 2,
  });
}

export function useHistorySettings() {
  return useQuery<{ retentionDays: number }, ApiError>({
    queryKey: queryKeys.historySettings,
    queryFn: ({ signal }) => apiFetch("/api/history/settings", { signal }),
  });
}

/** Deletes one run (an id) or all of the user's runs (null). */
export function useDeleteRuns(onDone?: () => void) {
  const qc = useQueryClient();
  return useMutation<unknown, ApiError, string | null>({
    mutationFn: (id) =>
      apiFetch(id ? `/api/history/${encodeURIComponent(id)}` : "/api/history", { method: "DELETE" }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.history });
      onDone?.();
    },
  });
}
