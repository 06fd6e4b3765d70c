"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createAssistant, getAssistant, saveVersion } from "@/lib/assistants/client";
import type { AssistantDetail, SaveVersionInput } from "@/lib/assistants/schema";
import { queryKeys } from "@/lib/query-keys";

/**
 * The builder's data (issue 13). The list part's components/queries/use-assistants.ts was not on
 * its branch when the builder needed these; the lead may fold them into it.
 */

export function useAssistantDetail(id: string) {
  return useQuery({
    queryKey: queryKeys.assistant(id),
    queryFn: () => getAssistant(id),
    retry: false,
  });
}

function useStoreDetail() {
  const qc = useQueryClient();
  return (detail: AssistantDetail) => {
    qc.setQueryData(queryKeys.assistant(detail.assistant.id), detail);
    void qc.invalidateQueries({ queryKey: queryKeys.assistants, refetchType: "none" });
  };
}

export function useCreateAssistant() {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: (input: SaveVersionInput) => createAssistant(input),
    onSuccess: store,
  });
}

export function useSaveVersion(id: string) {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: (input: SaveVersionInput) => saveVersion(id, input),
    onSuccess: store,
  });
}
