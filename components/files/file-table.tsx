"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { FileObject } from "@/components/queries/use-files";
import { When } from "@/components/ui/when";
import { formatBytes, fromUnix } from "@/lib/format";
import type { Uploader } from "./use-uploaders";

const ROW = 40;
const OVERSCAN = 10;
const HEIGHT = 560;

export interface FileTableProps {
  files: FileObject[];
  selected: Set<string>;
  onToggle(id: string, on: boolean): void;
  onToggleAll(on: boolean): void;
  onOpen(id: string): void;
  openId: string | null;
  uploaders: Record<string, Uploader>;
  onEnd(): void;
}

/** How close to the last loaded row the next page is asked for. */
const PREFETCH_ROWS = 20;

/**
 * A real table whose body holds only the rows in view, between two spacer rows, so thousands of
 * files scroll like ten and screen readers still get table semantics. Rows have one fixed height,
 * so the virtualiser never measures them.
 */
export function FileTable({
  files,
  selected,
  onToggle,
  onToggleAll,
  onOpen,
  openId,
  uploaders,
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
          <col className="w-28" />
          <col className="w-44" />
          <col className="w-36" />
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
            <th scope="col" className="font-medium">
              Purpose
            </th>
            <th scope="col" className="font-medium">
              Created
            </th>
            <th scope="col" className="font-medium">
              Uploaded by
            </th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden style={{ height: before }} />}
          {items.map(({ index }) => {
            const f = files[index];
            if (!f) return null;
            const by = uploaders[f.id];
            return (
              <tr
                key={f.id}
                aria-rowindex={index + 2}
                data-testid="file-row"
                data-file-id={f.id}
                aria-selected={openId === f.id}
                className={`border-border border-t ${openId === f.id ? "bg-accent-soft" : "hover:bg-surface-2"}`}
                style={{ height: ROW }}
              >
                <td className="px-3">
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
                    className="max-w-full truncate text-left hover:underline"
                    onClick={() => onOpen(f.id)}
                  >
                    {f.filename}
                  </button>
                </td>
                <td className="pr-3 text-right text-muted tabular-nums">{formatBytes(f.bytes)}</td>
                <td className="truncate text-muted text-xs">{f.purpose}</td>
                <td className="truncate text-muted text-xs">
                  <When value={fromUnix(f.created_at)} />
                </td>
                <td className="truncate text-muted text-xs" title={by?.email}>
                  {by ? by.name || by.email : "—"}
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
