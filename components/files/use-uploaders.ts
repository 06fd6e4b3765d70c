"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export interface Uploader {
  userId: string;
  name: string;
  email: string;
}

/** Who uploaded the files on screen, from the console's ledger. */
export function useUploaders(ids: string[]) {
  const key = ids.join(",");
  return useQuery({
    queryKey: queryKeys.fileUploaders(key),
    queryFn: ({ signal }) =>
      apiFetch<{ data: Record<string, Uploader> }>(`/api/files/uploaders?ids=${encodeURIComponent(key)}`, {
        signal,
      }),
    enabled: ids.length > 0,
    staleTime: 60_000,
  });
}
