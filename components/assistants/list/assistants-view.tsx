"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { useAssistantList, useRestoreAssistant } from "@/components/queries/use-assistants";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { lazyComponent } from "@/components/ui/lazy";
import {
  filtersFromSearch,
  filtersToSearch,
  isFiltered,
  type ListFilters,
  NO_FILTERS,
} from "@/lib/assistants/list-filters";
import { AssistantTable } from "./assistant-table";
import { ListToolbar } from "./list-toolbar";

const ImportDialog = lazyComponent(() => import("./import-dialog").then((m) => m.ImportDialog));

/** The assistants page: every assistant the user may see, searched and filtered in the URL. */
/** `restoreDays` comes from the server page: the schema module (zod) stays out of the browser's first load. */
export function AssistantsView({ meId, restoreDays }: { meId: string; restoreDays: number }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(params.toString())), [params]);
  const setFilters = useCallback(
    (f: ListFilters) => {
      const qs = filtersToSearch(f);
      // The History API keeps useSearchParams in step without a server round trip per keystroke.
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );
  const list = useAssistantList({ q: filters.q, owner: filters.owner, deleted: filters.deleted });
  const [importing, setImporting] = useState(false);
  const [deleted, setDeleted] = useState<{ id: string; name: string } | null>(null);
  const restore = useRestoreAssistant();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const openImport = () => setImporting(true);
  return (
    <div className="mx-auto max-w-7xl space-y-4" data-testid="assistants">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="font-semibold text-xl">Assistants</h1>
          <p className="text-muted text-sm">
            Saved, versioned instructions and tools that run on the Responses API; call one from code by its
            id.
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <Button onClick={openImport} data-testid="assistant-import">
            Import
          </Button>
          <Link
            href="/assistants/new"
            className={buttonClass({ variant: "primary" })}
            data-testid="assistant-new"
          >
            New assistant
          </Link>
        </div>
      </div>
      <ListToolbar value={filters} onChange={setFilters} />
      {deleted && !filters.deleted && (
        <Alert tone="success" testId="assistant-deleted-notice">
          <span className="flex flex-wrap items-center gap-2">
            Deleted “{deleted.name}”. It can be restored for {restoreDays} days.
            <Button
              size="xs"
              pending={restore.isPending}
              onClick={() => restore.mutate(deleted.id, { onSuccess: () => setDeleted(null) })}
              data-testid="assistant-undo-delete"
            >
              Undo
            </Button>
          </span>
        </Alert>
      )}
      {(list.error || restore.error) && (
        <Alert tone="danger" testId="assistants-error">
          {list.error ? `Could not load the assistants: ${list.error.message}` : restore.error?.message}
        </Alert>
      )}
      {filters.deleted && rows.length > 0 && (
        <p className="text-muted text-xs">
          Deleted assistants can be restored until their purge date, {restoreDays} days after deletion; calls
          by id are refused meanwhile.
        </p>
      )}
      {list.isLoading ? (
        <EmptyState title="Loading assistants…" loading />
      ) : rows.length === 0 ? (
        <Empty
          restoreDays={restoreDays}
          filters={filters}
          onClear={() => setFilters(NO_FILTERS)}
          onImport={openImport}
        />
      ) : (
        <AssistantTable
          rows={rows}
          deletedView={filters.deleted}
          meId={meId}
          restoreDays={restoreDays}
          onDeleted={(a) => setDeleted({ id: a.id, name: a.name })}
        />
      )}
      {list.hasNextPage && (
        <div className="flex justify-center">
          <Button
            onClick={() => void list.fetchNextPage()}
            pending={list.isFetchingNextPage}
            data-testid="assistant-more"
          >
            Load more
          </Button>
        </div>
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}

function Empty({
  restoreDays,
  filters,
  onClear,
  onImport,
}: {
  restoreDays: number;
  filters: ListFilters;
  onClear(): void;
  onImport(): void;
}) {
  const box = "rounded-lg border border-border border-dashed";
  if (filters.deleted)
    return (
      <div className={box} data-testid="assistants-empty">
        <EmptyState title="Nothing recently deleted.">
          Deleted assistants stay here for {restoreDays} days, then they are purged.
        </EmptyState>
      </div>
    );
  if (isFiltered(filters))
    return (
      <div className={box} data-testid="assistants-empty">
        <EmptyState title="No assistants match.">
          Try other words, or{" "}
          <button type="button" className="text-accent underline" onClick={onClear}>
            clear the filters
          </button>
          .
        </EmptyState>
      </div>
    );
  return (
    <div className={box} data-testid="assistants-empty">
      <EmptyState title="No assistants yet.">
        <p>
          An assistant is a saved model, instructions with variables, and tools (functions, file search, code
          interpreter, MCP servers…). Every save is a version; mark one as production and call it from code
          with <code className="whitespace-nowrap font-mono">prompt: {"{ id }"}</code> through Benchtop&apos;s
          API.
        </p>
        <div className="mt-3 flex justify-center gap-2">
          <Link href="/assistants/new" className={buttonClass({ variant: "primary", size: "sm" })}>
            New assistant
          </Link>
          <Button size="sm" onClick={onImport}>
            Import a JSON export
          </Button>
        </div>
      </EmptyState>
    </div>
  );
}
