"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { LimitSettings, LimitSubject } from "@/lib/budgets/types";
import { queryKeys } from "@/lib/query-keys";

/** Saving and clearing a subject's limits; both refresh the budgets list and everyone's headroom. */
export function useBudgetEdits() {
  const qc = useQueryClient();
  // `limits` is the prefix of budgets, headroom and notices: one change can move all three.
  const refresh = () => qc.invalidateQueries({ queryKey: queryKeys.limits });
  const save = useMutation({
    mutationFn: (v: { subject: LimitSubject; settings: LimitSettings }) =>
      apiFetch("/api/budgets", { method: "PUT", body: v }),
    onSuccess: refresh,
  });
  const clear = useMutation({
    mutationFn: (subject: LimitSubject) => {
      const q = new URLSearchParams({ kind: subject.kind, ...(subject.id ? { id: subject.id } : {}) });
      return apiFetch(`/api/budgets?${q}`, { method: "DELETE" });
    },
    onSuccess: refresh,
  });
  return { save, clear };
}
