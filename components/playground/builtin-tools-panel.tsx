"use client";

import { useQuery } from "@tanstack/react-query";
import type { CursorPageResponse } from "openai/core/pagination";
import type { VectorStore } from "openai/resources/vector-stores/vector-stores";
import { apiFetch } from "@/lib/api-client";
import type { BuiltinTools, Setup } from "@/lib/playground/types";
import { queryKeys } from "@/lib/query-keys";
import { Section } from "./param-controls";
import { usePlayground } from "./store";

/** Responses' hosted tools; the upstream may not offer them all (other servers rarely do). */
export function BuiltinToolsPanel({ setup }: { setup: Setup }) {
  const update = usePlayground((s) => s.update);
  const bt = setup.builtinTools;
  const set = (patch: Partial<BuiltinTools>) => update({ builtinTools: { ...bt, ...patch } });
  const box = (label: string, on: boolean, toggle: (v: boolean) => void) => (
    <label className="flex items-center gap-2 text-xs">
      <input type="checkbox" checked={on} onChange={(e) => toggle(e.target.checked)} />
      {label}
    </label>
  );
  return (
    <Section title="Built-in tools" defaultOpen={Object.values(bt).some((t) => t.enabled)}>
      {box("File search", bt.fileSearch.enabled, (enabled) =>
        set({ fileSearch: { ...bt.fileSearch, enabled } }),
      )}
      {bt.fileSearch.enabled && (
        <VectorStorePicker
          value={bt.fileSearch.vectorStoreIds}
          onChange={(vectorStoreIds) => set({ fileSearch: { ...bt.fileSearch, vectorStoreIds } })}
        />
      )}
      {box("Web search", bt.webSearch.enabled, (enabled) => set({ webSearch: { ...bt.webSearch, enabled } }))}
      {box("Code interpreter", bt.codeInterpreter.enabled, (enabled) =>
        set({ codeInterpreter: { enabled } }),
      )}
      {box("Image generation", bt.imageGeneration.enabled, (enabled) =>
        set({ imageGeneration: { enabled } }),
      )}
    </Section>
  );
}

/** The upstream's vector stores to tick; ids can still be typed when the list is unavailable. */
function VectorStorePicker({ value, onChange }: { value: string[]; onChange(ids: string[]): void }) {
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
