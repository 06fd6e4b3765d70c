"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { ShareDto, TokenDto } from "@/lib/types";
import { tokenStatus } from "./format";

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
