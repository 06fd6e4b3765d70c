"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { DEFAULT_OWNERSHIP_POLICY, type OwnershipPolicy } from "@/lib/ownership";
import { queryKeys } from "@/lib/query-keys";

const CHOICES: [OwnershipPolicy, string][] = [
  ["own", "Members delete and change only what they created; objects with no owner are for admins"],
  ["own_and_unowned", "Members also delete and change objects with no owner"],
  ["anyone", "Members may delete and change anything"],
];

/** The team's rule for deleting and changing shared files and vector stores (docs/ownership.md). */
export function OwnershipCard({ isAdmin }: { isAdmin: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: queryKeys.ownershipSettings,
    queryFn: ({ signal }) => apiFetch<{ policy: OwnershipPolicy }>("/api/settings/ownership", { signal }),
  });
  const save = useMutation<{ policy: OwnershipPolicy }, ApiError, OwnershipPolicy>({
    mutationFn: (policy) => apiFetch("/api/settings/ownership", { method: "PUT", body: { policy } }),
    onSuccess: (data) => {
      // The choice stays shown once saved, and what each page shows as allowed follows the rule.
      qc.setQueryData(queryKeys.ownershipSettings, data);
      return qc.invalidateQueries({ queryKey: queryKeys.owners });
    },
  });
  const current = save.isPending ? save.variables : (q.data?.policy ?? DEFAULT_OWNERSHIP_POLICY);
  return (
    <Card
      title="Files and vector stores"
      description="Files and vector stores created through Benchtop belong to whoever created them. Admins can always delete and change anything; the console refuses the rest before it reaches OpenAI."
    >
      <fieldset className="space-y-1 text-sm" disabled={!isAdmin || q.isLoading || save.isPending}>
        <legend className="sr-only">Who may delete and change files and vector stores</legend>
        {CHOICES.map(([value, label]) => (
          <label key={value} className="flex items-start gap-2">
            <input
              type="radio"
              name="ownership-policy"
              className="mt-1"
              value={value}
              checked={current === value}
              onChange={() => save.mutate(value)}
              data-testid={`ownership-${value}`}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {!isAdmin && <p className="mt-1 text-muted text-xs">Only admins can change this.</p>}
      {save.error && <p className="mt-1 text-danger text-xs">{save.error.message}</p>}
    </Card>
  );
}
