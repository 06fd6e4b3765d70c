"use client";

import { type RefObject, useLayoutEffect, useState } from "react";

export const ROW_HEIGHT = 24;
const OVERSCAN = 6;

export interface ScrollBox {
  top: number;
  height: number;
  /** Monospace columns that fit the scroller's content width (one spare: a ↵ may overhang). */
  cols: number;
}

/**
 * The scroll position, height and width (in monospace columns, from `probe`, a span of 100
 * characters in the view's font) of a scroller. Updates are coalesced to one per frame.
 */
export function useScrollBox(
  scroller: RefObject<HTMLElement | null>,
  probe: RefObject<HTMLElement | null>,
): ScrollBox {
  const [box, setBox] = useState<ScrollBox>({ top: 0, height: 480, cols: 100 });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const probeWidth = probe.current?.getBoundingClientRect().width ?? 0;
      const charWidth = probeWidth > 0 ? probeWidth / 100 : 8;
      const style = getComputedStyle(el);
      const inner =
        el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      const next = {
        top: el.scrollTop,
        height: el.clientHeight,
        cols: Math.max(8, Math.floor(inner / charWidth) - 1),
      };
      setBox((prev) =>
        prev.top === next.top && prev.height === next.height && prev.cols === next.cols ? prev : next,
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener("scroll", schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    // A web font arriving late changes the character width.
    void document.fonts?.ready.then(schedule);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener("scroll", schedule);
      observer.disconnect();
    };
  }, [scroller, probe]);

  return box;
}

/** Rows [first, last) to render: those on screen and a few either side. */
export function visibleRows(box: ScrollBox, rows: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(box.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows, Math.ceil((box.top + box.height) / ROW_HEIGHT) + OVERSCAN);
  return { first, last };
}
