"use client";

/**
 * Fine-tuning reads through /api/v1 (the proxy): jobs, one job, its events, checkpoints and a result
 * file. A job that can still change is polled; its events are fetched once and then only the new
 * ones, so a long job's chart grows without re-reading thousands of events.
 */

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CursorPageResponse } from "openai/core/pagination";
import { useEffect, useMemo, useRef } from "react";
import { apiFetch, apiRequest } from "@/lib/api-client";
import { isTerminal } from "@/lib/fine-tuning/status";
import type { Checkpoint, Job, JobEvent } from "@/lib/fine-tuning/types";
import { queryKeys } from "@/lib/query-keys";

type Page<T> = CursorPageResponse<T> & { last_id?: string | null };

const LIVE_MS = 2000;
const JOBS_PAGE = 50;
const EVENTS_PAGE = 100;
const CHECKPOINTS_PAGE = 100;

const jobPath = (id: string) => `/api/v1/fine_tuning/jobs/${encodeURIComponent(id)}`;

/**
 * Jobs newest first, a page at a time. `metadata` filters as the API does (`metadata[k]=v`); the
 * first page is polled while any job on it can still change.
 */
export function useJobList(metadata: Record<string, string> = {}) {
  const filters = new URLSearchParams(Object.entries(metadata).map(([k, v]) => [`metadata[${k}]`, v]));
  const q = useInfiniteQuery({
    queryKey: queryKeys.fineTuningJobs(filters.toString()),
    queryFn: ({ pageParam, signal }) => {
      const p = new URLSearchParams(filters);
      p.set("limit", String(JOBS_PAGE));
      if (pageParam) p.set("after", pageParam);
      return apiFetch<Page<Job>>(`/api/v1/fine_tuning/jobs?${p}`, { signal });
    },
    initialPageParam: "",
    getNextPageParam: (last) => (last.has_more ? (last.data.at(-1)?.id ?? undefined) : undefined),
    refetchInterval: (query) =>
      query.state.data?.pages[0]?.data.some((j) => !isTerminal(j.status)) ? LIVE_MS : false,
  });
  const jobs = useMemo(() => q.data?.pages.flatMap((p) => p.data) ?? [], [q.data]);
  return { ...q, jobs };
}

export function useJob(id: string) {
  return useQuery({
    queryKey: queryKeys.fineTuningJob(id),
    queryFn: ({ signal }) => apiFetch<Job>(jobPath(id), { signal }),
    refetchInterval: (query) => (query.state.data && isTerminal(query.state.data.status) ? false : LIVE_MS),
  });
}

/**
 * Every event of a job, oldest first. The first read pages back through all of them; each refetch
 * reads newest-first pages only until it meets an event it already has. Polled while `live`.
 */
export function useJobEvents(id: string, live: boolean) {
  const client = useQueryClient();
  const key = queryKeys.fineTuningEvents(id);
  const q = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const known = client.getQueryData<JobEvent[]>(key) ?? [];
      const seen = new Set(known.map((e) => e.id));
      const fresh: JobEvent[] = [];
      let after = "";
      for (;;) {
        const p = new URLSearchParams({ limit: String(EVENTS_PAGE) });
        if (after) p.set("after", after);
        const page = await apiFetch<Page<JobEvent>>(`${jobPath(id)}/events?${p}`, { signal });
        let met = false;
        for (const e of page.data) {
          if (seen.has(e.id)) {
            met = true;
            break;
          }
          fresh.push(e);
        }
        const last = page.data.at(-1);
        if (met || !page.has_more || !last) break;
        after = last.id;
      }
      return fresh.length ? [...known, ...fresh.reverse()] : known;
    },
    refetchInterval: live ? LIVE_MS : false,
    enabled: Boolean(id),
  });
  useFinalRead(live, q.refetch);
  return q;
}

/** Every checkpoint of a job, oldest step first. */
export function useCheckpoints(id: string, live: boolean) {
  const q = useQuery({
    queryKey: queryKeys.fineTuningCheckpoints(id),
    queryFn: async ({ signal }) => {
      const all: Checkpoint[] = [];
      let after = "";
      for (;;) {
        const p = new URLSearchParams({ limit: String(CHECKPOINTS_PAGE) });
        if (after) p.set("after", after);
        const page = await apiFetch<Page<Checkpoint>>(`${jobPath(id)}/checkpoints?${p}`, { signal });
        all.push(...page.data);
        const last = page.data.at(-1);
        if (!page.has_more || !last) break;
        after = last.id;
      }
      return all.sort((a, b) => a.step_number - b.step_number);
    },
    refetchInterval: live ? LIVE_MS : false,
    enabled: Boolean(id),
  });
  useFinalRead(live, q.refetch);
  return q;
}

/**
 * Polling stops when the job ends, and the last poll may predate the final events and checkpoints
 * (a run that finishes between two polls): read once more when `live` turns off.
 */
function useFinalRead(live: boolean, refetch: () => Promise<unknown>): void {
  const wasLive = useRef(live);
  useEffect(() => {
    if (wasLive.current && !live) void refetch();
    wasLive.current = live;
  }, [live, refetch]);
}

/** A result file's text as served (often base64 of the CSV; lib/fine-tuning/metrics decodes it). */
export function useResultFile(fileId: string | null) {
  return useQuery({
    queryKey: queryKeys.fineTuningResult(fileId ?? ""),
    queryFn: async ({ signal }) =>
      (
        await apiRequest(`/api/v1/files/${encodeURIComponent(fileId ?? "")}/content`, {
          signal,
          accept: "*/*",
        })
      ).text(),
    enabled: Boolean(fileId),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
