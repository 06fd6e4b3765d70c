"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { RevokeButton } from "./revoke-button";

export interface UserAccessSectionProps {
  /** `tokens` or `shares`: names the section's test ids. */
  kind: "tokens" | "shares";
  title: string;
  /** "3 active", shown once the list has loaded. */
  count: string | null;
  /** The question before "Revoke all"; null hides the button (nothing left to revoke). */
  revokeAll: { confirm: string; pending: boolean; onConfirm: () => void } | null;
  errors: (Error | null)[];
  loading: boolean;
  empty: string | null;
  children: ReactNode;
}

/** One list of an admin's "Tokens & links" dialog: heading, count, Revoke all, states, table. */
export function UserAccessSection({
  kind,
  title,
  count,
  revokeAll,
  errors,
  loading,
  empty,
  children,
}: UserAccessSectionProps) {
  const titleId = `user-${kind}-title`;
  return (
    <section className="space-y-2" aria-labelledby={titleId} data-testid={`user-${kind}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={titleId} className="font-medium text-sm">
          {title}
          {count && <span className="ml-1.5 font-normal text-muted">{count}</span>}
        </h3>
        {revokeAll && (
          <RevokeButton data-testid={`user-${kind}-revoke-all`} label="Revoke all" {...revokeAll} />
        )}
      </div>
      {errors.map(
        (e) =>
          e && (
            <Alert key={e.message} tone="danger">
              {e.message}
            </Alert>
          ),
      )}
      <div className="overflow-x-auto rounded-md border border-border">
        {loading && <EmptyState loading title={`Loading ${title.toLowerCase()}…`} />}
        {empty && <EmptyState title={empty} />}
        {children}
      </div>
    </section>
  );
}
