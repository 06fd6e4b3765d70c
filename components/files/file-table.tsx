"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { FileObject } from "@/components/queries/use-files";
import type { Ownership } from "@/components/queries/use-owners";
import { When } from "@/components/ui/when";
import { formatBytes, fromUnix } from "@/lib/format";

const ROW = 40;
/** Columns a 390 px screen leaves out, so the name keeps its room. */
const WIDE = "hidden sm:table-cell";
const WIDE_COL = "hidden sm:table-column";
const OVERSCAN = 10;
const HEIGHT = 560;

export interface FileTableProps {
  files: FileObject[];
  selected: Set<string>;
  onToggle(id: string, on: boolean): void;
  onToggleAll(on: boolean): void;
  onOpen(id: string): void;
  openId: string | null;
  /** Beside the open file's details (side by side from xl), the Created column gives its room to the name. */
  narrow: boolean;
  owners: Record<string, Ownership>;
  onEnd(): void;
}

/** How close to the last loaded row the next page is asked for. */
const PREFETCH_ROWS = 20;

/**
 * A real table whose body holds only the rows in view, between two spacer rows, so thousands of
 * files scroll like ten and screen readers still get table semantics. Rows have one fixed height,
 * so the virtualiser never measures them. The name's button stretches over its row, so a click
 * anywhere on a row opens the file, while the keyboard still meets one button per row; the
 * checkbox sits above it. On a phone only the checkbox, name and size columns show.
 */
export function FileTable({
  files,
  selected,
  onToggle,
  onToggleAll,
  onOpen,
  openId,
  narrow,
  owners,
  onEnd,
}: FileTableProps) {
  const box = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: files.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW,
    overscan: OVERSCAN,
    // The sticky header row sits above the first file row inside the scrolling box.
    scrollMargin: ROW,
    // Rows on the first render, before the box has been measured.
    initialRect: { width: 0, height: HEIGHT },
  });
  const items = rows.getVirtualItems();
  const before = (items[0]?.start ?? ROW) - ROW;
  const after = rows.getTotalSize() - ((items.at(-1)?.end ?? ROW) - ROW);
  const all = files.length > 0 && files.every((f) => selected.has(f.id));
  return (
    <div
      ref={box}
      className="self-start overflow-y-auto rounded-lg border border-border bg-surface"
      style={{ maxHeight: HEIGHT + ROW }}
      data-testid="file-table"
      // The next page is asked for on scrolling only, so a search that narrows the list does not
      // page through every file.
      onScroll={(e) => {
        const bottom = e.currentTarget.scrollTop + HEIGHT;
        if (bottom > (files.length - PREFETCH_ROWS) * ROW) onEnd();
      }}
    >
      <table className="w-full table-fixed text-sm" aria-rowcount={files.length + 1}>
        <colgroup>
          <col className="w-10" />
          <col />
          <col className="w-24" />
          <col className={`w-28 ${WIDE_COL}`} />
          <col className={`w-44 ${WIDE_COL} ${narrow ? "xl:hidden" : ""}`} />
          <col className={`w-36 ${WIDE_COL}`} />
        </colgroup>
        <thead className="sticky top-0 z-10 bg-surface-2 text-left text-muted text-xs">
          <tr style={{ height: ROW }}>
            <th scope="col" className="px-3">
              <input
                type="checkbox"
                aria-label="Select all loaded files"
                checked={all}
                onChange={(e) => onToggleAll(e.target.checked)}
              />
            </th>
            <th scope="col" className="font-medium">
              Name
            </th>
            <th scope="col" className="pr-3 text-right font-medium">
              Size
            </th>
            <th scope="col" className={`font-medium ${WIDE}`}>
              Purpose
            </th>
            <th scope="col" className={`font-medium ${WIDE} ${narrow ? "xl:hidden" : ""}`}>
              Created
            </th>
            <th scope="col" className={`font-medium ${WIDE}`}>
              Owner
            </th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden style={{ height: before }} />}
          {items.map(({ index }) => {
            const f = files[index];
            if (!f) return null;
            const owner = owners[f.id]?.owner;
            return (
              <tr
                key={f.id}
                aria-rowindex={index + 2}
                data-testid="file-row"
                data-file-id={f.id}
                aria-selected={openId === f.id}
                className={`relative cursor-pointer border-border border-t ${openId === f.id ? "bg-accent-soft" : "hover:bg-surface-2"}`}
                style={{ height: ROW }}
              >
                <td className="relative z-[1] px-3">
                  <input
                    type="checkbox"
                    aria-label={`Select ${f.filename}`}
                    checked={selected.has(f.id)}
                    onChange={(e) => onToggle(f.id, e.target.checked)}
                  />
                </td>
                <td className="truncate">
                  <button
                    type="button"
                    className="max-w-full truncate text-left after:absolute after:inset-0 hover:underline"
                    onClick={() => onOpen(f.id)}
                    data-testid="file-open"
                  >
                    {f.filename}
                  </button>
                </td>
                <td className="pr-3 text-right text-muted tabular-nums">{formatBytes(f.bytes)}</td>
                <td className={`truncate text-muted text-xs ${WIDE}`}>{f.purpose}</td>
                <td className={`truncate text-muted text-xs ${WIDE} ${narrow ? "xl:hidden" : ""}`}>
                  <When value={fromUnix(f.created_at)} />
                </td>
                <td className={`truncate text-muted text-xs ${WIDE}`} title={owner?.email}>
                  {owner ? owner.name || owner.email : "—"}
                </td>
              </tr>
            );
          })}
          {after > 0 && <tr aria-hidden style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}
