"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TableHead } from "@/components/ui/table-head";
import { apiFetch } from "@/lib/api-client";
import type { ApiError } from "@/lib/errors";
import { queryKeys } from "@/lib/query-keys";
import { formatDate, formatDateTime, plural } from "./format";
import { liveShares, userAccessPath, useUserShares } from "./use-user-access";

/** Columns a phone drops; their gist moves under the title. */
const WIDE = "hidden sm:table-cell";

export interface UserSharesTableProps {
  userId: string;
  email: string;
}

/** The share links one user created, as an admin sees them: what they are, not what they hold. */
export function UserSharesTable({ userId, email }: UserSharesTableProps) {
  const qc = useQueryClient();
  const shares = useUserShares(userId);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: queryKeys.userShares(userId) });
    // The share dialog's own list, when this user is the admin.
    void qc.invalidateQueries({ queryKey: queryKeys.shares });
  };
  const revoke = useMutation<unknown, ApiError, string | null>({
    mutationFn: (shareId) =>
      apiFetch(userAccessPath(userId, "shares", shareId ?? undefined), { method: "DELETE" }),
    onSuccess: refresh,
  });
  const rows = shares.data ?? [];
  const live = liveShares(rows).length;

  return (
    <section className="space-y-2" aria-labelledby="user-shares-title" data-testid="user-shares">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="user-shares-title" className="font-medium text-sm">
          Share links
          {shares.isSuccess && <span className="ml-1.5 font-normal text-muted">{live} live</span>}
        </h3>
        {live > 0 && (
          <Button
            variant="danger"
            size="sm"
            data-testid="user-shares-revoke-all"
            pending={revoke.isPending && revoke.variables === null}
            onClick={() => {
              if (
                window.confirm(
                  `Revoke ${plural(live, "live share link")} of ${email}? They stop opening at once.`,
                )
              )
                revoke.mutate(null);
            }}
          >
            Revoke all
          </Button>
        )}
      </div>
      {shares.error && <Alert tone="danger">{shares.error.message}</Alert>}
      {revoke.error && <Alert tone="danger">{revoke.error.message}</Alert>}
      <div className="overflow-x-auto rounded-md border border-border">
        {shares.isPending && <EmptyState loading title="Loading share links…" />}
        {shares.isSuccess && rows.length === 0 && <EmptyState title="No share links" />}
        {rows.length > 0 && (
          <table className="w-full text-left text-sm">
            <TableHead
              columns={[
                "Title",
                { label: "Kind", className: WIDE },
                { label: "Created", className: WIDE },
                { label: "Views", className: WIDE },
                { label: "Access", className: WIDE },
                "Status",
                "",
              ]}
            />
            <tbody>
              {rows.map((s) => (
                <tr
                  key={s.id}
                  data-testid="user-share-row"
                  data-share-id={s.id}
                  className="border-border border-t"
                >
                  <td className="max-w-56 px-4 py-2">
                    <div className="truncate font-medium" title={s.title}>
                      {s.title}
                    </div>
                    <div className="text-muted text-xs sm:hidden">
                      {s.public ? "Public" : "Team"} · {plural(s.views, "view")}
                    </div>
                  </td>
                  <td className={`px-4 py-2 capitalize ${WIDE}`}>{s.kind}</td>
                  <td className={`whitespace-nowrap px-4 py-2 ${WIDE}`} title={formatDateTime(s.createdAt)}>
                    {formatDate(s.createdAt)}
                  </td>
                  <td className={`px-4 py-2 tabular-nums ${WIDE}`}>{s.views}</td>
                  <td className={`px-4 py-2 ${WIDE}`}>
                    {s.public ? <Badge tone="warning">public</Badge> : <Badge>team</Badge>}
                  </td>
                  <td className="px-4 py-2">
                    {s.revokedAt ? <Badge>revoked</Badge> : <Badge tone="success">live</Badge>}
                  </td>
                  <td className="px-4 py-2 text-right">
                    {!s.revokedAt && (
                      <Button
                        variant="danger"
                        size="sm"
                        data-testid="user-share-revoke"
                        aria-label={`Revoke share link ${s.title}`}
                        pending={revoke.isPending && revoke.variables === s.id}
                        onClick={() => {
                          if (
                            window.confirm(
                              `Revoke the link “${s.title}” of ${email}? It stops opening at once.`,
                            )
                          )
                            revoke.mutate(s.id);
                        }}
                      >
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
