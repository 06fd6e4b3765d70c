import type { TokenDto } from "@/lib/types";

/** Dates in settings tables: "Nov 24, 2026" in the reader's locale, with a word for "no date". */
export function formatDate(iso: string | null, empty = "—"): string {
  if (!iso) return empty;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? empty : d.toLocaleDateString(undefined, { dateStyle: "medium" });
}

/** The exact time, for a tooltip. */
export function formatDateTime(iso: string | null): string | undefined {
  return iso
    ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
    : undefined;
}

export type TokenStatus = { label: "active" | "revoked" | "expired"; tone: "success" | "danger" | "neutral" };

export function tokenStatus(t: TokenDto): TokenStatus {
  if (t.revokedAt) return { label: "revoked", tone: "neutral" };
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return { label: "expired", tone: "danger" };
  return { label: "active", tone: "success" };
}

/** "1 token", "3 share links": counts in sentences. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
