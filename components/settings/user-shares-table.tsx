"use client";

import { Badge } from "@/components/ui/badge";
import { TableHead } from "@/components/ui/table-head";
import { When } from "@/components/ui/when";
import { plural } from "@/lib/format";
import { RevokeButton } from "./revoke-button";
import { liveShares, useRevokeUserAccess, useUserShares } from "./use-user-access";
import { UserAccessSection } from "./user-access-section";

/** Columns a phone drops; their gist moves under the title. */
const WIDE = "hidden sm:table-cell";

export interface UserSharesTableProps {
  userId: string;
  email: string;
}

/** The share links one user created, as an admin sees them: what they are, not what they hold. */
export function UserSharesTable({ userId, email }: UserSharesTableProps) {
  const shares = useUserShares(userId);
  const revoke = useRevokeUserAccess(userId, "shares");
  const rows = shares.data ?? [];
  const live = liveShares(rows).length;

  return (
    <UserAccessSection
      kind="shares"
      title="Share links"
      count={shares.isSuccess ? `${live} live` : null}
      revokeAll={
        live > 0
          ? {
              confirm: `Revoke ${plural(live, "live share link")} of ${email}? They stop opening at once.`,
              pending: revoke.isPending && revoke.variables === null,
              onConfirm: () => revoke.mutate(null),
            }
          : null
      }
      errors={[shares.error, revoke.error]}
      loading={shares.isPending}
      empty={shares.isSuccess && rows.length === 0 ? "No share links" : null}
    >
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
                <td className={`whitespace-nowrap px-4 py-2 ${WIDE}`}>
                  <When value={s.createdAt} />
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
                    <RevokeButton
                      data-testid="user-share-revoke"
                      aria-label={`Revoke share link ${s.title}`}
                      confirm={`Revoke the link “${s.title}” of ${email}? It stops opening at once.`}
                      pending={revoke.isPending && revoke.variables === s.id}
                      onConfirm={() => revoke.mutate(s.id)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </UserAccessSection>
  );
}
