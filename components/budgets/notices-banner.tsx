"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useNotices } from "@/components/queries/use-limits";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import type { Notice } from "@/lib/budgets/types";
import { queryKeys } from "@/lib/query-keys";

/** The console's budget notices (a soft threshold crossed, a limit hit) above every page, until dismissed. */
export function NoticesBanner() {
  const notices = useNotices();
  const qc = useQueryClient();
  const dismiss = useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/notices/${encodeURIComponent(id)}/dismiss`, { method: "POST" }),
    onMutate: (id) => {
      // Gone at once; the next poll brings it back if the dismissal failed.
      qc.setQueryData<{ data: Notice[] }>(
        queryKeys.notices,
        (d) => d && { data: d.data.filter((n) => n.id !== id) },
      );
    },
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.notices }),
  });
  const list = notices.data?.data ?? [];
  if (!list.length) return null;
  return (
    <div className="mb-4 space-y-2" data-testid="notices">
      {list.map((n) => {
        const hit = n.kind === "limit_hit";
        return (
          <div
            key={n.id}
            role="status"
            data-testid="notice"
            data-kind={n.kind}
            data-code={n.code ?? ""}
            className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border px-3 py-2 text-sm ${
              hit
                ? "border-danger/30 bg-danger-soft text-danger"
                : "border-warning/30 bg-warning-soft text-warning"
            }`}
          >
            <span className="font-medium">{hit ? "Limit reached" : "Budget warning"}</span>
            <span className="min-w-0 flex-1 text-fg/90" data-testid="notice-message">
              {n.message}
            </span>
            <Link className="font-medium underline underline-offset-2" href={n.href ?? "/limits"}>
              See your limits
            </Link>
            <Button
              size="xs"
              variant="ghost"
              data-testid="notice-dismiss"
              onClick={() => dismiss.mutate(n.id)}
            >
              Dismiss
            </Button>
          </div>
        );
      })}
    </div>
  );
}
