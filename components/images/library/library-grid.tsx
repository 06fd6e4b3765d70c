"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { StoredImage } from "@/lib/images/schema";
import { LibraryTile } from "./library-tile";

const MIN_TILE = 136;
const GAP = 12;
/** The caption line under each square preview. */
const CAPTION = 24;

/**
 * The gallery's grid, virtualised by rows against the window's scroll: only the rows near the
 * screen are in the DOM, so thousands of images scroll and select as fast as sixty (measured in
 * docs/images-library.md). Reaching the end asks for the next page.
 */
export function LibraryGrid({
  images,
  selected,
  onSelect,
  onEnd,
}: {
  images: StoredImage[];
  selected: ReadonlySet<string>;
  onSelect(id: string, on: boolean): void;
  onEnd(): void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  const [box, setBox] = useState({ width: 0, top: 0 });
  // The grid's width (columns) and its offset in the page (the selection bar above it comes and goes).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const width = el.clientWidth;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setBox((b) => (b.width === width && b.top === top ? b : { width, top }));
    };
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    ro.observe(document.body);
    return () => ro.disconnect();
  }, []);
  const cols = Math.max(1, Math.floor((box.width + GAP) / (MIN_TILE + GAP)));
  const tile = box.width ? (box.width - GAP * (cols - 1)) / cols : MIN_TILE;
  const rowHeight = tile + CAPTION + GAP;
  const rows = Math.ceil(images.length / cols);
  const v = useWindowVirtualizer({
    count: rows,
    estimateSize: () => rowHeight,
    overscan: 3,
    scrollMargin: box.top,
  });
  useEffect(() => {
    if (rowHeight) v.measure();
  }, [rowHeight, v]);
  const items = v.getVirtualItems();
  const lastRow = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (rows && lastRow >= rows - 2) onEnd();
  }, [lastRow, rows, onEnd]);
  return (
    <ul
      ref={ref}
      className="relative"
      style={{ height: Math.max(0, rows * rowHeight - GAP) }}
      data-testid="library-grid"
    >
      {items.flatMap((row) =>
        images.slice(row.index * cols, row.index * cols + cols).map((img, c) => (
          <LibraryTile
            key={img.id}
            image={img}
            selected={selected.has(img.id)}
            onSelect={(on) => onSelect(img.id, on)}
            style={{
              position: "absolute",
              top: row.index * rowHeight,
              left: c * (tile + GAP),
              width: tile,
              height: tile + CAPTION,
            }}
          />
        )),
      )}
    </ul>
  );
}
