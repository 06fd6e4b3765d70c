"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { BudgetEntry } from "@/lib/budgets/types";
import { LimitBar } from "./limit-bar";
import { SettingsSummary } from "./settings-summary";

export interface SubjectRowProps {
  label: string;
  sublabel?: string;
  entry: BudgetEntry | null;
  /** What an unset subject says: "Team default", "No limits". */
  empty: string;
  now: number;
  onEdit(): void;
  extra?: ReactNode;
  testId: string;
}

/** One team, user or token: its settings as chips, its use against them, and Edit. */
export function SubjectRow({ label, sublabel, entry, empty, now, onEdit, extra, testId }: SubjectRowProps) {
  const usage = entry?.usage ?? [];
  return (
    <div className="space-y-2" data-testid={testId}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <p className="truncate font-medium text-sm">
            {label}
            {sublabel && <span className="ml-2 font-normal text-muted text-xs">{sublabel}</span>}
          </p>
          <SettingsSummary settings={entry?.settings ?? null} empty={empty} />
        </div>
        <div className="flex shrink-0 gap-1">
          {extra}
          <Button size="sm" onClick={onEdit} data-testid="budget-edit">
            Edit limits
          </Button>
        </div>
      </div>
      {usage.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-2">
          {usage.map((l) => (
            <LimitBar
              key={`${l.code}-${l.window}`}
              limit={l}
              now={now}
              showSource={false}
              softPercent={entry?.settings.softPercent ?? undefined}
            />
          ))}
        </div>
      )}
    </div>
  );
}
