"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export interface FileCounts {
  in_progress: number;
  completed: number;
  failed: number;
  cancelled: number;
  total: number;
}

export interface VectorStore {
  id: string;
  name: string | null;
  description?: string | null;
  created_at: number;
  usage_bytes: number;
  file_counts: FileCounts;
  status: "expired" | "in_progress" | "completed";
  expires_after: { anchor: "last_active_at"; days: number } | null;
  expires_at: number | null;
  last_active_at: number | null;
  metadata: Record<string, string> | null;
}

export type Attributes = Record<string, string | number | boolean>;

export interface StoreFile {
  id: string;
  created_at: number;
  status: "in_progress" | "completed" | "cancelled" | "failed";
  usage_bytes: number;
  last_error: { code: string; message: string } | null;
  attributes: Attributes | null;
  chunking_strategy?: unknown;
}

export interface SearchResult {
  file_id: string;
  filename: string;
  score: number;
  attributes: Attributes | null;
  content: { type: "text"; text: string }[];
}

/** Polls while anything is processing, and stops once nothing is. */
export function useStores() {
  return useQuery({
    queryKey: queryKeys.vectorStores,
    queryFn: ({ signal }) => apiFetch<{ data: VectorStore[] }>("/api/v1/vector_stores?limit=100", { signal }),
    refetchInterval: (q) => (q.state.data?.data.some((s) => s.status === "in_progress") ? 1000 : false),
  });
}

export function useStoreFiles(id: string) {
  return useQuery({
    queryKey: queryKeys.vectorStoreFiles(id),
    queryFn: ({ signal }) =>
      apiFetch<{ data: StoreFile[] }>(`/api/v1/vector_stores/${id}/files?limit=100`, { signal }),
    refetchInterval: (q) => (q.state.data?.data.some((f) => f.status === "in_progress") ? 1000 : false),
  });
}

/** Attributes as the API takes them: ≤ 16 keys of ≤ 64 characters; strings ≤ 512, numbers or booleans. */
export function parseAttributes(
  text: string,
): { ok: true; value: Attributes } | { ok: false; message: string } {
  if (!text.trim()) return { ok: true, value: {} };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `Not valid JSON: ${e instanceof Error ? e.message : ""}` };
  }
  if (typeof v !== "object" || v === null || Array.isArray(v))
    return { ok: false, message: "Attributes must be a JSON object." };
  const entries = Object.entries(v);
  if (entries.length > 16) return { ok: false, message: "At most 16 attributes." };
  for (const [k, val] of entries) {
    if (k.length > 64)
      return { ok: false, message: `Attribute name "${k.slice(0, 20)}…" is over 64 characters.` };
    if (typeof val === "string" ? val.length > 512 : typeof val !== "number" && typeof val !== "boolean")
      return {
        ok: false,
        message: `Attribute "${k}" must be a string of at most 512 characters, a number or a boolean.`,
      };
  }
  return { ok: true, value: v as Attributes };
}
