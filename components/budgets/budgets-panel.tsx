"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useBudgets } from "@/components/queries/use-limits";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { lazyComponent } from "@/components/ui/lazy";
import { useNow } from "@/components/ui/use-now";
import { apiFetch } from "@/lib/api-client";
import type { BudgetEntry, LimitSubject } from "@/lib/budgets/types";
import { queryKeys } from "@/lib/query-keys";
import type { UserDto } from "@/lib/types";
import { SubjectRow } from "./subject-row";
import { UserTokenRows } from "./user-token-rows";

const LimitsDialog = lazyComponent(() => import("./limits-dialog").then((m) => m.LimitsDialog));

export interface Editing {
  subject: LimitSubject;
  label: string;
  entry: BudgetEntry | null;
}

export const entryKey = (s: LimitSubject) => `${s.kind}:${s.id ?? ""}`;

/** Settings → Budgets & limits: team defaults, then each user and, unfolded, their tokens. */
export function BudgetsPanel() {
  const budgets = useBudgets();
  const users = useQuery({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => apiFetch<{ data: UserDto[] }>("/api/users", { signal }),
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const now = useNow(30_000);
  const byKey = new Map((budgets.data?.data ?? []).map((e) => [entryKey(e.subject), e]));
  const team = byKey.get("team:") ?? null;
  const edit = (subject: LimitSubject, label: string) =>
    setEditing({ subject, label, entry: byKey.get(entryKey(subject)) ?? null });
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (!n.delete(id)) n.add(id);
      return n;
    });

  return (
    <div className="space-y-5" data-testid="budgets-panel">
      {(budgets.error || users.error) && (
        <Alert tone="danger">{(budgets.error ?? users.error)?.message}</Alert>
      )}
      <Card
        title="Team defaults"
        description="Apply to every user without limits of their own. Spend is per person: each user gets the whole default."
      >
        <SubjectRow
          testId="budget-team"
          label="Everyone"
          entry={team}
          empty="No team defaults: calls are limited only upstream."
          now={now}
          onEdit={() => edit({ kind: "team", id: null }, "Team defaults")}
        />
      </Card>
      <Card
        flush
        title="People and tokens"
        description="A user's own limits replace the team default; a token's apply on top of its user's."
      >
        {users.isPending && <EmptyState title="Loading users…" loading />}
        <ul className="divide-y divide-border">
          {(users.data?.data ?? []).map((u) => {
            const subject: LimitSubject = { kind: "user", id: u.id };
            return (
              <li key={u.id} className="px-4 py-3" data-testid="budget-user" data-email={u.email}>
                <SubjectRow
                  testId="budget-user-row"
                  label={u.email}
                  sublabel={u.disabledAt ? "disabled" : u.role}
                  entry={byKey.get(entryKey(subject)) ?? null}
                  empty={team ? "Team default" : "No limits"}
                  now={now}
                  onEdit={() => edit(subject, u.email)}
                  extra={
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-expanded={open.has(u.id)}
                      onClick={() => toggle(u.id)}
                    >
                      {open.has(u.id) ? "Hide tokens" : "Tokens"}
                    </Button>
                  }
                />
                {open.has(u.id) && (
                  <UserTokenRows userId={u.id} email={u.email} byKey={byKey} now={now} onEdit={edit} />
                )}
              </li>
            );
          })}
        </ul>
      </Card>
      {editing && (
        <LimitsDialog
          subject={editing.subject}
          label={editing.label}
          settings={editing.entry?.settings ?? null}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
