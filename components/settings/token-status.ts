import type { TokenDto } from "@/lib/types";

export type TokenStatus = { label: "active" | "revoked" | "expired"; tone: "success" | "danger" | "neutral" };

export function tokenStatus(t: TokenDto): TokenStatus {
  if (t.revokedAt) return { label: "revoked", tone: "neutral" };
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return { label: "expired", tone: "danger" };
  return { label: "active", tone: "success" };
}
