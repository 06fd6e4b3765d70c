"use client";

import { TableHead } from "@/components/ui/table-head";
import { plural } from "@/lib/format";
import { RevokeButton } from "./revoke-button";
import { TOKEN_COLUMNS, TokenCells } from "./token-cells";
import { tokenStatus } from "./token-status";
import { liveTokens, useRevokeUserAccess, useUserTokens } from "./use-user-access";
import { UserAccessSection } from "./user-access-section";

/** Columns a phone drops; their gist moves under the name. */

export interface UserTokensTableProps {
  userId: string;
  email: string;
}

/** One user's personal access tokens as an admin sees them: never the secret, only its prefix. */
export function UserTokensTable({ userId, email }: UserTokensTableProps) {
  const tokens = useUserTokens(userId);
  const revoke = useRevokeUserAccess(userId, "tokens");
  const rows = tokens.data ?? [];
  const live = liveTokens(rows).length;

  return (
    <UserAccessSection
      kind="tokens"
      title="Personal access tokens"
      count={tokens.isSuccess ? `${live} active` : null}
      revokeAll={
        live > 0
          ? {
              confirm: `Revoke ${plural(live, "active token")} of ${email}? Scripts using them stop working at once.`,
              pending: revoke.isPending && revoke.variables === null,
              onConfirm: () => revoke.mutate(null),
            }
          : null
      }
      errors={[tokens.error, revoke.error]}
      loading={tokens.isPending}
      empty={tokens.isSuccess && rows.length === 0 ? "No tokens" : null}
    >
      {rows.length > 0 && (
        <table className="w-full text-left text-sm">
          <TableHead columns={[...TOKEN_COLUMNS, ""]} />
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
                  <TokenCells token={t} status={s} />
                  <td className="px-4 py-2 text-right">
                    {s.label === "active" && (
                      <RevokeButton
                        data-testid="user-token-revoke"
                        aria-label={`Revoke token ${t.name}`}
                        confirm={`Revoke “${t.name}” of ${email}? Anything using it stops working at once.`}
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
      )}
    </UserAccessSection>
  );
}
