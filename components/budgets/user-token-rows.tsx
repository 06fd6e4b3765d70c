"use client";

import { useQuery } from "@tanstack/react-query";
import { Spinner } from "@/components/ui/spinner";
import { apiFetch } from "@/lib/api-client";
import type { BudgetEntry, LimitSubject } from "@/lib/budgets/types";
import { queryKeys } from "@/lib/query-keys";
import type { TokenDto } from "@/lib/types";
import { SubjectRow } from "./subject-row";

export interface UserTokenRowsProps {
  userId: string;
  email: string;
  byKey: Map<string, BudgetEntry>;
  now: number;
  onEdit(subject: LimitSubject, label: string): void;
}

/** A user's live tokens, each with its own limits (on top of the user's). */
export function UserTokenRows({ userId, email, byKey, now, onEdit }: UserTokenRowsProps) {
  // The same query (and cache) as the Users tab's token table.
  const tokens = useQuery({
    queryKey: queryKeys.userTokens(userId),
    queryFn: ({ signal }) =>
      apiFetch<{ data: TokenDto[] }>(`/api/users/${encodeURIComponent(userId)}/tokens`, { signal }),
    select: (r) => r.data,
  });
  const live = (tokens.data ?? []).filter(
    (t) => !t.revokedAt && (!t.expiresAt || Date.parse(t.expiresAt) > now),
  );
  return (
    <ul className="mt-3 space-y-3 border-border border-l-2 pl-3" data-testid="budget-tokens">
      {tokens.isPending && (
        <li>
          <Spinner />
        </li>
      )}
      {tokens.isSuccess && !live.length && <li className="text-muted text-xs">No active tokens.</li>}
      {live.map((t) => {
        const subject: LimitSubject = { kind: "token", id: t.id };
        return (
          <li key={t.id} data-testid="budget-token" data-name={t.name}>
            <SubjectRow
              testId="budget-token-row"
              label={t.name}
              sublabel={t.displayPrefix}
              entry={byKey.get(`token:${t.id}`) ?? null}
              empty="Only the user's limits"
              now={now}
              onEdit={() => onEdit(subject, `${t.name} (${email})`)}
            />
          </li>
        );
      })}
    </ul>
  );
}
