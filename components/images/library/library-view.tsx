"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { useImageList, useImageSettings } from "@/components/queries/use-images";
import { Button, buttonClass } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/lib/format";
import {
  DEFAULT_LIBRARY_FILTERS,
  isFiltered,
  type LibraryFilterState,
  LibraryFilters,
  libraryQuery,
} from "./library-filters";
import { LibraryGrid } from "./library-grid";
import { SelectionBar, type Viewer } from "./selection-bar";

/** The image library's gallery: every image the user may see, filtered, a page at a time, many at once. */
export function LibraryView({ me }: { me: Viewer }) {
  const [filters, setFilters] = useState<LibraryFilterState>(DEFAULT_LIBRARY_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirm, confirmDialog] = useConfirm();
  const list = useImageList(libraryQuery(filters));
  const settings = useImageSettings();
  const images = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const models = list.data?.pages[0]?.models ?? [];
  // Selected images stay selected while they are on screen; a filter that hides them drops them.
  const chosen = images.filter((i) => selected.has(i.id));
  const onFilters = useCallback((f: LibraryFilterState) => setFilters(f), []);
  const onSelect = useCallback(
    (id: string, on: boolean) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const onEnd = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const days = settings.data?.retentionDays;
  // A new key resets the search box's own text with the rest.
  const [resets, setResets] = useState(0);
  const clear = () => {
    setFilters(DEFAULT_LIBRARY_FILTERS);
    setResets((n) => n + 1);
  };
  return (
    <div className="mx-auto max-w-6xl space-y-4" data-testid="library">
      {confirmDialog}
      <div className="flex flex-wrap items-end justify-between gap-3 sm:flex-nowrap">
        <div>
          <h1 className="font-semibold text-xl">Image library</h1>
          <p className="text-muted text-sm" data-testid="library-retention">
            Every image the studio makes or uses is kept here
            {days ? ` for ${plural(days, "day")}` : ""}. Private images are yours alone; the team's are
            visible to every member.
          </p>
        </div>
        <Link href="/images" className={buttonClass({ variant: "primary" }, "shrink-0")}>
          New image
        </Link>
      </div>
      <LibraryFilters key={resets} value={filters} onChange={onFilters} models={models} />
      {chosen.length > 0 && (
        <SelectionBar
          selected={chosen}
          me={me}
          onClear={() => setSelected(new Set())}
          onSelectAll={() => setSelected(new Set(images.map((i) => i.id)))}
          confirm={confirm}
        />
      )}
      {list.error && (
        <p role="alert" className="text-danger text-sm">
          Could not load the library: {list.error.message}
        </p>
      )}
      {list.isLoading ? (
        <EmptyState title="Loading images…" loading />
      ) : images.length === 0 ? (
        <div className="rounded-lg border border-border border-dashed" data-testid="library-empty">
          <EmptyState title={isFiltered(filters) ? "No images match." : "No images yet."}>
            {isFiltered(filters) ? (
              <>
                Try other words or dates, or{" "}
                <button type="button" className="text-accent underline" onClick={clear}>
                  clear the filters
                </button>
                .
              </>
            ) : (
              "Images you generate or edit in the studio appear here, with the prompt and settings that made them."
            )}
          </EmptyState>
        </div>
      ) : (
        <LibraryGrid images={images} selected={selected} onSelect={onSelect} onEnd={onEnd} />
      )}
      {list.hasNextPage && (
        <div className="flex justify-center">
          <Button
            onClick={() => void list.fetchNextPage()}
            pending={list.isFetchingNextPage}
            data-testid="library-more"
          >
            Load older images
          </Button>
        </div>
      )}
    </div>
  );
}
