"use client";

/** The model list every page with a model choice reads (playground, tokenizer): upstream plus catalogue. */

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { apiFetch } from "@/lib/api-client";
import { applyOverrides, type ResolvedModel, resolveModel } from "@/lib/models/catalogue";
import type { ModelOverrides } from "@/lib/models/schema";
import { WIRE_APIS } from "@/lib/openai-facts";
import { queryKeys } from "@/lib/query-keys";

interface UpstreamModel {
  id: string;
  owned_by?: string;
  created?: number;
  shutdown_date?: string | null;
}

function isChatCandidate(m: ResolvedModel): boolean {
  return m.capabilities.apis.some((a) => (WIRE_APIS as readonly string[]).includes(a));
}

/** Models for the chat surfaces: the upstream's list, joined with the catalogue (limits, prices, capabilities). */
export function useModels() {
  const q = useQuery({
    queryKey: queryKeys.models,
    queryFn: ({ signal }) => apiFetch<{ data: UpstreamModel[] }>("/api/v1/models", { signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const overrides = useQuery({
    queryKey: queryKeys.modelOverrides,
    queryFn: ({ signal }) => apiFetch<{ overrides: ModelOverrides }>("/api/settings/models", { signal }),
    staleTime: 5 * 60_000,
  });
  const o = overrides.data?.overrides;
  const byId = useMemo(() => new Map((q.data?.data ?? []).map((m) => [m.id, m])), [q.data]);
  // Every model the upstream lists; `models` keeps the chat surfaces' share of it.
  const all = useMemo(
    () =>
      [...byId.values()]
        .map((m) => applyOverrides(resolveModel(m.id, m), o ?? {}))
        .sort((a, b) => a.model.localeCompare(b.model)),
    [byId, o],
  );
  const models = useMemo(() => all.filter(isChatCandidate), [all]);
  const resolve = useCallback(
    (id: string) => applyOverrides(resolveModel(id, byId.get(id)), o ?? {}),
    [byId, o],
  );
  return {
    models,
    all,
    resolve,
    isLoading: q.isLoading,
    error: q.error,
    known: (id: string) => byId.has(id),
    loaded: q.isSuccess,
  };
}
