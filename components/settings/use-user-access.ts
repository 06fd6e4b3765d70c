"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { queryKeys } from "@/lib/query-keys";
import type { ShareDto, TokenDto } from "@/lib/types";
import { tokenStatus } from "./token-status";

/** Where an admin reads and revokes one user's tokens and share links. */
export const userAccessPath = (userId: string, what: "tokens" | "shares", itemId?: string) =>
  `/api/users/${encodeURIComponent(userId)}/${what}${itemId ? `/${encodeURIComponent(itemId)}` : ""}`;

export function useUserTokens(userId: string) {
  return useQuery({
    queryKey: queryKeys.userTokens(userId),
    queryFn: ({ signal }) => apiFetch<{ data: TokenDto[] }>(userAccessPath(userId, "tokens"), { signal }),
    select: (r) => r.data,
  });
}

export function useUserShares(userId: string) {
  return useQuery({
    queryKey: queryKeys.userShares(userId),
    queryFn: ({ signal }) => apiFetch<{ data: ShareDto[] }>(userAccessPath(userId, "shares"), { signal }),
    select: (r) => r.data,
  });
}

/** What disabling or "Revoke all" would end: tokens that still work, links not yet revoked. */
export const liveTokens = (tokens: TokenDto[]) => tokens.filter((t) => tokenStatus(t).label === "active");
export const liveShares = (shares: ShareDto[]) => shares.filter((s) => !s.revokedAt);

/** Revokes one item (an id) or all of a user's live ones (null), then refreshes both lists it shows in. */
export function useRevokeUserAccess(userId: string, kind: "tokens" | "shares") {
  const qc = useQueryClient();
  return useMutation<unknown, ApiError, string | null>({
    mutationFn: (itemId) => apiFetch(userAccessPath(userId, kind, itemId ?? undefined), { method: "DELETE" }),
    onSuccess: () => {
      const [theirs, own] =
        kind === "tokens"
          ? [queryKeys.userTokens(userId), queryKeys.tokens]
          : [queryKeys.userShares(userId), queryKeys.shares];
      void qc.invalidateQueries({ queryKey: theirs });
      // The admin's own list, when this user is the admin.
      void qc.invalidateQueries({ queryKey: own });
    },
  });
}
