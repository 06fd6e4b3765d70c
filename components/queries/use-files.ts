"use client";

/** The Files API's list, read by the files page and by the vector stores' file pickers. */

import { useInfiniteQuery } from "@tanstack/react-query";
import type { CursorPageResponse } from "openai/core/pagination";
import { useMemo } from "react";
import { apiFetch } from "@/lib/api-client";
import type { UploadedFile } from "@/lib/files/upload";
import { queryKeys } from "@/lib/query-keys";

export type FileObject = UploadedFile;

/** The SDK's cursor page; `last_id` is in the API's list answers though not in the SDK's page type. */
type FilePage = CursorPageResponse<FileObject> & { last_id?: string | null };

const PAGE_SIZE = 500;

/** Every file, a page at a time (cursor `after`), newest first; filtered by purpose on the server. */
export function useFiles(purpose: string) {
  const q = useInfiniteQuery({
    queryKey: queryKeys.fileList(purpose),
    queryFn: ({ pageParam, signal }) => {
      const p = new URLSearchParams({ limit: String(PAGE_SIZE), order: "desc" });
      if (purpose) p.set("purpose", purpose);
      if (pageParam) p.set("after", pageParam);
      return apiFetch<FilePage>(`/api/v1/files?${p}`, { signal });
    },
    initialPageParam: "",
    getNextPageParam: (last) =>
      last.has_more ? (last.last_id ?? last.data.at(-1)?.id ?? undefined) : undefined,
  });
  const files = useMemo(() => q.data?.pages.flatMap((p) => p.data) ?? [], [q.data]);
  return { ...q, files };
}
