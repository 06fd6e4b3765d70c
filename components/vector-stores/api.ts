"use client";

import { useQuery } from "@tanstack/react-query";
import type { CursorPageResponse, PageResponse } from "openai/core/pagination";
import type { FileContentResponse, VectorStoreFile } from "openai/resources/vector-stores/files";
import type {
  VectorStore as SdkVectorStore,
  VectorStoreSearchResponse,
} from "openai/resources/vector-stores/vector-stores";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** The SDK's type, plus `description`, which the API takes on create and returns but the SDK leaves out. */
export type VectorStore = SdkVectorStore & { description?: string | null };
export type StoreFile = VectorStoreFile;
export type SearchResult = VectorStoreSearchResponse;
export type Attributes = NonNullable<VectorStoreFile["attributes"]>;
/** A store file's parsed text: the API's page in `data`; some servers send `content`. */
export type StoreFileContent = Partial<PageResponse<FileContentResponse>> & {
  content?: FileContentResponse[];
};

/** Polls while anything is processing, and stops once nothing is. */
export function useStores() {
  return useQuery({
    queryKey: queryKeys.vectorStores,
    queryFn: ({ signal }) =>
      apiFetch<CursorPageResponse<VectorStore>>("/api/v1/vector_stores?limit=100", { signal }),
    refetchInterval: (q) => (q.state.data?.data.some((s) => s.status === "in_progress") ? 1000 : false),
  });
}

export function listStoreFiles(id: string, signal?: AbortSignal) {
  return apiFetch<CursorPageResponse<StoreFile>>(`/api/v1/vector_stores/${id}/files?limit=100`, { signal });
}

export function useStoreFiles(id: string) {
  return useQuery({
    queryKey: queryKeys.vectorStoreFiles(id),
    queryFn: ({ signal }) => listStoreFiles(id, signal),
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
