"use client";

import Link from "next/link";
import { useEffect } from "react";
import { ShutdownBadge } from "@/components/models/shutdown-badge";
import { useModels } from "@/components/queries/use-models";
import { Badge } from "@/components/ui/badge";
import { lazyComponent } from "@/components/ui/lazy";
import { TableHead } from "@/components/ui/table-head";
import { When } from "@/components/ui/when";
import type { AssistantSummary } from "@/lib/assistants/schema";
import { RestoreButton } from "./restore-button";

// Base UI's Menu is not lazy by itself: the ⋯ buttons arrive a moment after the rows.
const RowMenu = lazyComponent(() => import("./row-menu").then((m) => m.RowMenu));

export interface AssistantTableProps {
  rows: AssistantSummary[];
  deletedView: boolean;
  meId: string;
  restoreDays: number;
  onDeleted(a: AssistantSummary): void;
}

const CELL = "px-4 py-2 align-top max-sm:px-3 max-sm:py-0.5";
/** On a phone each row is a card: the name on its own line, the rest as labelled facts below. */
const PHONE_LABEL = "mr-1 text-muted text-xs sm:hidden";

/**
 * The list as a table; on a phone the rows stack as cards (as the users table does), so nothing
 * needs sideways scrolling. The name's link stretches over its row: a click anywhere opens the
 * assistant, while the keyboard meets one link and one menu per row.
 */
export function AssistantTable({ rows, deletedView, meId, restoreDays, onDeleted }: AssistantTableProps) {
  const { resolve } = useModels();
  useEffect(() => RowMenu.preload(), []);
  const columns = deletedView
    ? ["Name", "Model", "Owner", "Deleted", "Purged on", ""]
    : ["Name", "Model", "Versions", "Owner", "Last used", "Updated", ""];
  return (
    <section className="card overflow-hidden" data-testid="assistant-table">
      <table className="w-full text-left text-sm max-sm:block">
        <TableHead columns={columns} className="whitespace-nowrap max-sm:hidden" />
        <tbody className="max-sm:block">
          {rows.map((a) => {
            const shutdown = resolve(a.model).shutdownDate;
            const owner = a.owner.userId === meId ? "you" : a.owner.name || a.owner.email;
            return (
              <tr
                key={a.id}
                data-testid="assistant-row"
                data-id={a.id}
                className="relative border-border border-t first:border-t-0 hover:bg-surface-2 max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:gap-x-3 max-sm:py-2 sm:first:border-t"
              >
                <td
                  className={`${CELL} max-sm:w-full sm:max-w-80 ${deletedView ? "max-sm:pr-24" : "max-sm:pr-12"}`}
                >
                  {deletedView ? (
                    <span className="font-medium">{a.name || "Untitled"}</span>
                  ) : (
                    <Link
                      href={`/assistants/${encodeURIComponent(a.id)}`}
                      className="font-medium after:absolute after:inset-0 hover:underline"
                      data-testid="assistant-open"
                    >
                      {a.name || "Untitled"}
                    </Link>
                  )}
                  {a.description && <p className="line-clamp-2 text-muted text-xs">{a.description}</p>}
                </td>
                <td className={CELL}>
                  <span className={PHONE_LABEL}>Model</span>
                  <span className="font-mono text-xs">{a.model}</span>
                  {shutdown && (
                    <span className="ml-1 inline-block">
                      <ShutdownBadge date={shutdown} testId="assistant-model-shutdown" />
                    </span>
                  )}
                </td>
                {!deletedView && (
                  <td className={`${CELL} whitespace-nowrap`} data-testid="assistant-versions">
                    <span className={PHONE_LABEL}>Versions</span>
                    <Production a={a} />
                  </td>
                )}
                <td className={`${CELL} text-xs`}>
                  <span className={PHONE_LABEL}>Owner</span>
                  {owner}
                  {a.visibility === "private" && (
                    <span className="ml-1">
                      <Badge>private</Badge>
                    </span>
                  )}
                </td>
                {deletedView ? (
                  <>
                    <td className={`${CELL} whitespace-nowrap text-xs`}>
                      <span className={PHONE_LABEL}>Deleted</span>
                      <When value={a.deletedAt} relative />
                    </td>
                    <td className={`${CELL} whitespace-nowrap text-xs`} data-testid="assistant-purge">
                      <span className={PHONE_LABEL}>Purged</span>
                      <When value={a.purgeAt} />
                    </td>
                  </>
                ) : (
                  <>
                    <td className={`${CELL} whitespace-nowrap text-xs`}>
                      <span className={PHONE_LABEL}>Last used</span>
                      <When value={a.lastUsedAt} empty="never" relative />
                    </td>
                    <td className={`${CELL} whitespace-nowrap text-muted text-xs max-sm:hidden`}>
                      <When value={a.updatedAt} />
                    </td>
                  </>
                )}
                <td
                  className={`${CELL} relative z-[1] text-right max-sm:absolute max-sm:top-1.5 max-sm:right-0`}
                >
                  {deletedView ? (
                    <RestoreButton a={a} />
                  ) : (
                    <RowMenu a={a} restoreDays={restoreDays} onDeleted={onDeleted} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** "v5 · production v3": which version code calling it gets, and whether that is the latest. */
function Production({ a }: { a: AssistantSummary }) {
  const p = a.productionVersion;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs">
      <span className="tabular-nums">v{a.latestVersion}</span>
      {p === null ? (
        <span className="text-muted">no production</span>
      ) : p === a.latestVersion ? (
        <Badge tone="success">production</Badge>
      ) : (
        <Badge tone="warning">production v{p}</Badge>
      )}
    </span>
  );
}
