"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { IdLayout, type RowLayout, TextLayout } from "@/lib/tokenizer/layout";
import type { TokenView } from "./store";
import type { Tokenized } from "./use-tokenization";

const SLICE_MS = 8;
/**
 * The slice laid out while React renders a new result. The deadline is checked every 2,048
 * segments, so this gives those (several screens of rows) and no more: the rest of a megabyte
 * follows in SLICE_MS slices instead of adding to the render's task.
 */
const FIRST_SLICE_MS = 1;

/**
 * The rows of a tokenization, laid out in slices of a few milliseconds between tasks, so a megabyte
 * never blocks the page: the first screen is ready at once, the rest follows within a few frames.
 * A new tokenization of the same view and width starts from the previous layout's rows before the
 * first change, so a key typed in a megabyte costs a few rows of layout, not the whole text again.
 * Returns the layout and its row count so far (which re-renders the view as it grows).
 */
export function useRowLayout(
  result: Tokenized,
  view: TokenView,
  cols: number,
): { layout: RowLayout; rows: number } {
  // The last layout made, to start the next one from: a cache, so it is kept outside React's state.
  const last = useRef<{ result: Tokenized; layout: RowLayout } | null>(null);
  const layout = useMemo(() => {
    const prev = last.current;
    let l: IdLayout | TextLayout;
    if (view === "ids")
      l =
        prev?.layout instanceof IdLayout
          ? IdLayout.after(prev.layout, result.ids, cols)
          : new IdLayout(result.ids, cols);
    else
      l =
        prev?.layout instanceof TextLayout
          ? TextLayout.after(prev.layout, prev.result, result.text, result, cols)
          : new TextLayout(result.text, result.segStarts, cols);
    l.run(performance.now() + FIRST_SLICE_MS);
    last.current = { result, layout: l };
    return l;
  }, [result, view, cols]);
  const [rows, setRows] = useState(layout.rows);

  useEffect(() => {
    setRows(layout.rows);
    if (layout.done) return;
    let timer: ReturnType<typeof setTimeout>;
    let lastShown = performance.now();
    const step = () => {
      layout.run(performance.now() + SLICE_MS);
      // Re-render every ~50 ms of progress, and at the end.
      if (layout.done || performance.now() - lastShown > 50) {
        lastShown = performance.now();
        setRows(layout.rows);
      }
      if (!layout.done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [layout]);

  return { layout, rows: Math.max(rows, 0) };
}
