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
import { formatDate, formatDateTime, plural, tokenStatus } from "./format";
import { liveTokens, userAccessPath, useUserTokens } from "./use-user-access";

/** Columns a phone drops; their gist moves under the name. */
const WIDE = "hidden sm:table-cell";

export interface UserTokensTableProps {
  userId: string;
  email: string;
}

/** One user's personal access tokens as an admin sees them: never the secret, only its prefix. */
export function UserTokensTable({ userId, email }: UserTokensTableProps) {
  const qc = useQueryClient();
  const tokens = useUserTokens(userId);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: queryKeys.userTokens(userId) });
    // The admin's own tokens tab, when this user is the admin.
    void qc.invalidateQueries({ queryKey: queryKeys.tokens });
  };
  const revoke = useMutation<unknown, ApiError, string | null>({
    mutationFn: (tokenId) =>
      apiFetch(userAccessPath(userId, "tokens", tokenId ?? undefined), { method: "DELETE" }),
    onSuccess: refresh,
  });
  const rows = tokens.data ?? [];
  const live = liveTokens(rows).length;

  return (
    <section className="space-y-2" aria-labelledby="user-tokens-title" data-testid="user-tokens">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="user-tokens-title" className="font-medium text-sm">
          Personal access tokens
          {tokens.isSuccess && <span className="ml-1.5 font-normal text-muted">{live} active</span>}
        </h3>
        {live > 0 && (
          <Button
            variant="danger"
            size="sm"
            data-testid="user-tokens-revoke-all"
            pending={revoke.isPending && revoke.variables === null}
            onClick={() => {
              if (
                window.confirm(
                  `Revoke ${plural(live, "active token")} of ${email}? Scripts using them stop working at once.`,
                )
              )
                revoke.mutate(null);
            }}
          >
            Revoke all
          </Button>
        )}
      </div>
      {tokens.error && <Alert tone="danger">{tokens.error.message}</Alert>}
      {revoke.error && <Alert tone="danger">{revoke.error.message}</Alert>}
      <div className="overflow-x-auto rounded-md border border-border">
        {tokens.isPending && <EmptyState loading title="Loading tokens…" />}
        {tokens.isSuccess && rows.length === 0 && <EmptyState title="No tokens" />}
        {rows.length > 0 && (
          <table className="w-full text-left text-sm">
            <TableHead
              columns={[
                "Name",
                { label: "Token", className: WIDE },
                { label: "Created", className: WIDE },
                { label: "Last used", className: WIDE },
                { label: "Expires", className: WIDE },
                "Status",
                "",
              ]}
            />
            <tbody>
              {rows.map((t) => {
                const s = tokenStatus(t);
                return (
                  <tr
                    key={t.id}
                    data-testid="user-token-row"
                    data-token-id={t.id}
                    className="border-border border-t"
                  >
                    <td className="max-w-48 px-4 py-2">
                      <div className="truncate font-medium" title={t.name}>
                        {t.name}
                      </div>
                      <div className="text-muted text-xs sm:hidden">
                        <span className="whitespace-nowrap font-mono">{t.displayPrefix}</span> · used{" "}
                        {formatDate(t.lastUsedAt, "never")}
                      </div>
                    </td>
                    <td className={`whitespace-nowrap px-4 py-2 font-mono text-xs ${WIDE}`}>
                      {t.displayPrefix}
                    </td>
                    <td className={`whitespace-nowrap px-4 py-2 ${WIDE}`}>{formatDate(t.createdAt)}</td>
                    <td
                      className={`whitespace-nowrap px-4 py-2 ${WIDE}`}
                      title={formatDateTime(t.lastUsedAt)}
                    >
                      {formatDate(t.lastUsedAt, "never")}
                    </td>
                    <td className={`whitespace-nowrap px-4 py-2 ${WIDE}`}>
                      {formatDate(t.expiresAt, "never")}
                    </td>
                    <td className="px-4 py-2">
                      <Badge tone={s.tone}>{s.label}</Badge>
                    </td>
                    <td className="px-4 py-2 text-right">
                      {s.label === "active" && (
                        <Button
                          variant="danger"
                          size="sm"
                          data-testid="user-token-revoke"
                          aria-label={`Revoke token ${t.name}`}
                          pending={revoke.isPending && revoke.variables === t.id}
                          onClick={() => {
                            if (
                              window.confirm(
                                `Revoke “${t.name}” of ${email}? Anything using it stops working at once.`,
                              )
                            )
                              revoke.mutate(t.id);
                          }}
                        >
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
