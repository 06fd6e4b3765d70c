"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { OwnedKind, Ownership, OwnershipPolicy } from "@/lib/ownership";
import { queryKeys } from "@/lib/query-keys";

export type { Owner, Ownership } from "@/lib/ownership";

/**
 * Who owns the files or vector stores on screen, and whether the signed-in user may delete or
 * change each, from the same rule the proxy enforces (lib/ownership.ts).
 */
export function useOwners(kind: OwnedKind, ids: string[]) {
  const key = ids.join(",");
  return useQuery({
    queryKey: queryKeys.ownerList(kind, key),
    queryFn: ({ signal }) =>
      apiFetch<{ data: Record<string, Ownership>; policy: OwnershipPolicy }>(
        `/api/owners?kind=${kind}&ids=${encodeURIComponent(key)}`,
        { signal },
      ),
    enabled: ids.length > 0,
    staleTime: 60_000,
  });
}
