"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useNotices } from "@/components/queries/use-limits";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import type { LimitCode, Notice } from "@/lib/budgets/types";
import { queryKeys } from "@/lib/query-keys";

const HIT_HEADINGS: Record<LimitCode, string> = {
  budget_exceeded: "Budget reached",
  rpm_exceeded: "Request limit reached",
  tpm_exceeded: "Token limit reached",
  model_not_allowed: "Model not allowed",
  budget_expired: "Budget expired",
};

/** The limit by name; the message (worded for a notice, lib/server/budgets) does not repeat it. */
function heading(n: Notice): string {
  if (n.kind !== "limit_hit") return "Budget warning";
  return (n.code && HIT_HEADINGS[n.code]) || "Limit reached";
}

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
            className={`flex flex-wrap items-start gap-x-4 gap-y-1 rounded-lg border px-3 py-2 text-sm ${
              hit
                ? "border-danger/30 bg-danger-soft text-danger"
                : "border-warning/30 bg-warning-soft text-warning"
            }`}
          >
            <p className="min-w-0 flex-1 basis-full sm:basis-0">
              <span className="mr-2 font-medium">{heading(n)}</span>
              <span className="text-fg/90" data-testid="notice-message">
                {n.message}
              </span>
            </p>
            <div className="flex shrink-0 items-center gap-3">
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
          </div>
        );
      })}
    </div>
  );
}
