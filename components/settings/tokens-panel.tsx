"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TableHead } from "@/components/ui/table-head";
import { apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { TokenDto } from "@/lib/types";
import { NewTokenForm } from "./new-token-form";
import { RevokeButton } from "./revoke-button";
import { TOKEN_COLUMNS, TokenCells } from "./token-cells";
import { tokenStatus } from "./token-status";

/** Columns a phone leaves out; the name cell shows the prefix and last use instead. */

export function TokensPanel() {
  const qc = useQueryClient();
  const tokens = useQuery({
    queryKey: queryKeys.tokens,
    queryFn: ({ signal }) => apiFetch<{ data: TokenDto[] }>("/api/tokens", { signal }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
  const rows = tokens.data?.data ?? [];

  return (
    <div className="space-y-5">
      <Card
        title="Create a personal access token"
        description="Use it as the API key of any OpenAI SDK pointed at Benchtop's /api/v1. Calls made with it are recorded under your name."
      >
        <NewTokenForm />
      </Card>

      <Card title="Your tokens" flush>
        {tokens.isPending && <EmptyState loading title="Loading tokens…" />}
        {tokens.error && (
          <div className="p-4">
            <Alert tone="danger">{tokens.error.message}</Alert>
          </div>
        )}
        {revoke.error && (
          <div className="px-4 pt-4">
            <Alert tone="danger">{revoke.error.message}</Alert>
          </div>
        )}
        {tokens.isSuccess && rows.length === 0 && (
          <EmptyState title="No tokens yet">
            Tokens you create appear here, with when each was last used.
          </EmptyState>
        )}
        {rows.length > 0 && (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <TableHead columns={[...TOKEN_COLUMNS, ""]} />
              <tbody>
                {rows.map((t) => {
                  const s = tokenStatus(t);
                  return (
                    <tr
                      key={t.id}
                      data-testid="token-row"
                      data-token-id={t.id}
                      className="border-border border-t"
                    >
                      <TokenCells token={t} status={s} />
                      <td className="px-4 py-2 text-right">
                        {!t.revokedAt && (
                          <RevokeButton
                            data-testid="token-revoke"
                            aria-label={`Revoke token ${t.name}`}
                            confirm={`Revoke “${t.name}”? Anything using it stops working at once.`}
                            pending={revoke.isPending && revoke.variables === t.id}
                            onConfirm={() => revoke.mutate(t.id)}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
