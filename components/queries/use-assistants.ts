"use client";

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  type AssistantListQuery,
  createAssistant,
  deleteAssistant,
  duplicateAssistant,
  exportAssistant,
  getAssistant,
  getVersion,
  importAssistant,
  listAssistants,
  patchAssistant,
  rollBack,
  saveVersion,
} from "@/lib/assistants/client";
import type {
  AssistantDetail,
  AssistantExport,
  AssistantSummary,
  AssistantVersion,
  ImportResult,
  SaveVersionInput,
} from "@/lib/assistants/schema";
import type { ApiError } from "@/lib/errors";
import { queryKeys } from "@/lib/query-keys";

/**
 * The assistants' server data for every page that shows them (list, versions, builder, chat).
 * Every mutation invalidates the whole `assistants` prefix: a save changes the list's "updated",
 * the detail's versions and the version a chat runs, and the prefix is cheap to refetch.
 */

/** The filters as one stable string (the list's query key and its URL). */
export function assistantListKey(f: AssistantListQuery): string {
  const sp = new URLSearchParams();
  if (f.q) sp.set("q", f.q);
  if (f.owner && f.owner !== "all") sp.set("owner", f.owner);
  if (f.deleted) sp.set("deleted", "1");
  return sp.toString();
}

/** The assistants the user may see for the filters, most recently updated first, a page (50) at a time. */
export function useAssistantList(filters: AssistantListQuery) {
  return useInfiniteQuery<{ data: AssistantSummary[]; nextCursor: string | null }, ApiError>({
    queryKey: queryKeys.assistantList(assistantListKey(filters)),
    queryFn: ({ pageParam }) => listAssistants({ ...filters, cursor: (pageParam as string) || undefined }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new search keeps the last rows on screen until its own arrive (no flash of "Loading").
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

const notFound = (n: number, e: ApiError) => e.status !== 404 && n < 2;

/** One assistant: its head, every version's summary, and `version` (default latest) in full. */
export function useAssistant(id: string, version?: number) {
  return useQuery<AssistantDetail, ApiError>({
    queryKey: queryKeys.assistant(id, version),
    queryFn: () => getAssistant(id, version),
    retry: notFound,
  });
}

/** One version in full; versions are immutable, so it never goes stale. */
export function useAssistantVersion(id: string, version: number | null) {
  return useQuery<AssistantVersion, ApiError>({
    queryKey: queryKeys.assistantVersion(id, version ?? 0),
    queryFn: () => getVersion(id, version ?? 0),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: notFound,
  });
}

function useAssistantMutation<T, V>(fn: (v: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation<T, ApiError, V>({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.assistants }),
  });
}

export const useCreateAssistant = () =>
  useAssistantMutation((input: SaveVersionInput) => createAssistant(input));

export const useSaveVersion = () =>
  useAssistantMutation(({ id, input }: { id: string; input: SaveVersionInput }) => saveVersion(id, input));

export const usePatchAssistant = () =>
  useAssistantMutation(({ id, ...patch }: { id: string } & Parameters<typeof patchAssistant>[1]) =>
    patchAssistant(id, patch),
  );

export const useDeleteAssistant = () => useAssistantMutation((id: string) => deleteAssistant(id));

export const useRestoreAssistant = () =>
  useAssistantMutation((id: string) => patchAssistant(id, { restore: true }));

export const useRollBack = () =>
  useAssistantMutation(({ id, version }: { id: string; version: number }) => rollBack(id, version));

export const useDuplicateAssistant = () =>
  useAssistantMutation(({ id, version }: { id: string; version?: number }) =>
    duplicateAssistant(id, version),
  );

export const useImportAssistant = () =>
  useAssistantMutation<ImportResult, unknown>((raw) => importAssistant(raw));

/** Export is a read, but a button starts it: a mutation gives it pending and error state. */
export function useExportAssistant() {
  return useMutation<AssistantExport, ApiError, string>({ mutationFn: (id) => exportAssistant(id) });
}
