"use client";

import { useQuery } from "@tanstack/react-query";
import type { CursorPageResponse } from "openai/core/pagination";
import type { VectorStore } from "openai/resources/vector-stores/vector-stores";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** The upstream's vector stores to tick; ids can still be typed when the list is unavailable. */
export function VectorStorePicker({ value, onChange }: { value: string[]; onChange(ids: string[]): void }) {
  const q = useQuery({
    queryKey: queryKeys.vectorStorePicker,
    queryFn: ({ signal }) =>
      apiFetch<CursorPageResponse<VectorStore>>("/api/v1/vector_stores?limit=100", { signal }),
    retry: false,
    staleTime: 60_000,
  });
  const stores = q.data?.data ?? [];
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  return (
    <fieldset className="space-y-1 pl-5 text-xs" data-testid="vector-store-picker">
      <legend className="label">Vector stores</legend>
      {stores.map((v) => (
        <label key={v.id} className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={value.includes(v.id)}
            onChange={(e) => toggle(v.id, e.target.checked)}
          />
          <span className="truncate">{v.name || v.id}</span>
          {v.file_counts?.completed !== undefined && (
            <span className="text-muted">{v.file_counts.completed} files</span>
          )}
        </label>
      ))}
      {q.isSuccess && stores.length === 0 && <p className="text-muted">No vector stores yet.</p>}
      {q.isError && (
        <p className="text-muted">Could not list vector stores ({q.error.message}); type their ids.</p>
      )}
      <input
        aria-label="Vector store ids"
        className="input h-7 w-full px-2 font-mono text-xs"
        placeholder="vs_…, vs_…"
        value={value.join(", ")}
        onChange={(e) => onChange(e.target.value.split(/[\s,]+/).filter(Boolean))}
      />
    </fieldset>
  );
}
