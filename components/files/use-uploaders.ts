"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";

export interface Uploader {
  userId: string;
  name: string;
  email: string;
}

/** Who uploaded the files on screen, from the console's ledger. */
export function useUploaders(ids: string[]) {
  const key = ids.join(",");
  return useQuery({
    queryKey: ["files", "uploaders", key],
    queryFn: ({ signal }) =>
      apiFetch<{ data: Record<string, Uploader> }>(`/api/files/uploaders?ids=${encodeURIComponent(key)}`, {
        signal,
      }),
    enabled: ids.length > 0,
    staleTime: 60_000,
  });
}
