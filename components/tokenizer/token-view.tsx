"use client";

import { type KeyboardEvent, useLayoutEffect, useMemo, useRef, useState } from "react";
import { rowOf } from "@/lib/tokenizer/layout";
import { segmentAt, segmentCount, segmentOfToken } from "@/lib/tokens/segments";
import type { TokenView as ViewKind } from "./store";
import { IdRows, type SegmentMarks, TextRows } from "./token-rows";
import { TokenTooltip } from "./token-tooltip";
import { useRowLayout } from "./use-row-layout";
import type { Tokenized } from "./use-tokenization";
import { ROW_HEIGHT, useScrollBox, visibleRows } from "./use-virtual-rows";

export interface TokenViewProps {
  result: Tokenized;
  view: ViewKind;
  /** Tailwind max-height of the scroller. */
  maxHeight?: string;
}

function marksOf(result: Tokenized): SegmentMarks {
  const special = new Set<number>();
  for (const t of result.special) special.add(segmentOfToken(result, t));
  const flagged = new Set<number>();
  for (let i = 0; i + 1 < result.plainSpecials.length; i += 2) {
    const from = segmentAt(result, result.plainSpecials[i] ?? 0);
    const to = segmentAt(result, (result.plainSpecials[i + 1] ?? 1) - 1);
    for (let s = from; s <= to; s++) flagged.add(s);
  }
  return { special, flagged };
}

/**
 * Tokens as coloured segments of the text, or as ids, in a scroller that renders only the rows on
 * screen: a megabyte of text costs the same to draw as a line. Hover a token, or focus the view and
 * use the arrow keys, to see its id and bytes.
 */
export function TokenView({ result, view, maxHeight = "max-h-[32rem]" }: TokenViewProps) {
  const scroller = useRef<HTMLElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const tooltip = useRef<HTMLDivElement>(null);
  const box = useScrollBox(scroller, probe);
  const { layout, rows } = useRowLayout(result, view, box.cols);
  const marks = useMemo(() => marksOf(result), [result]);
  const { first, last } = visibleRows(box, rows);
  const [hover, setHover] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const segments = segmentCount(result);
  const active = hover ?? focused;
  const shown = active !== null && active < segments ? active : null;
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  // Place the tooltip under the active segment's first piece on screen; again after scrolling or relayout.
  // biome-ignore lint/correctness/useExhaustiveDependencies: box.top and layout move the segment on screen
  useLayoutEffect(() => {
    const el = shown === null ? null : scroller.current?.querySelector(`[data-seg="${shown}"]`);
    const outer = wrapper.current;
    if (!el || !outer) {
      setPosition(null);
      return;
    }
    const r = el.getBoundingClientRect();
    const o = outer.getBoundingClientRect();
    const width = tooltip.current?.offsetWidth ?? 240;
    setPosition({
      top: r.bottom - o.top + 4,
      left: Math.max(0, Math.min(r.left - o.left, o.width - width)),
    });
  }, [shown, box.top, layout, rows]);

  const moveTo = (seg: number) => {
    const s = Math.max(0, Math.min(segments - 1, seg));
    setHover(null);
    setFocused(s);
    const el = scroller.current;
    if (!el) return;
    const row = rowOf(layout, view === "ids" ? (result.segTokens[s] ?? 0) : (result.segStarts[s] ?? 0));
    const y = row * ROW_HEIGHT;
    if (y < el.scrollTop || y + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, y - el.clientHeight / 2);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (segments === 0) return;
    const at = focused ?? -1;
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (e.key in step) moveTo(at < 0 ? 0 : at + (step[e.key] ?? 0));
    else if (e.key === "Home") moveTo(0);
    else if (e.key === "End") moveTo(segments - 1);
    else if (e.key === "Escape") setFocused(null);
    else return;
    e.preventDefault();
  };

  const Rows = view === "ids" ? IdRows : TextRows;
  return (
    <div ref={wrapper} className="relative">
      <section
        ref={scroller}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so the arrow keys can move between tokens
        tabIndex={0}
        aria-label={`Tokens as ${view === "ids" ? "ids" : "text"}: use the arrow keys to inspect each token`}
        data-testid="token-view"
        data-view={view}
        data-rows={rows}
        data-laid-out={layout.done}
        className={`relative overflow-auto rounded-md border border-border bg-surface px-3 py-2 font-mono text-[13px] ${maxHeight}`}
        onKeyDown={onKeyDown}
        onBlur={() => setFocused(null)}
        onPointerOver={(e) => {
          const seg = (e.target as HTMLElement).closest<HTMLElement>("[data-seg]")?.dataset.seg;
          setHover(seg === undefined ? null : Number(seg));
        }}
        onPointerLeave={() => setHover(null)}
      >
        <span
          ref={probe}
          aria-hidden="true"
          className="pointer-events-none invisible absolute whitespace-pre"
        >
          {"0".repeat(100)}
        </span>
        {rows === 0 && layout.done ? (
          <p className="font-sans text-muted text-sm">No tokens: the text is empty.</p>
        ) : (
          <div className="relative" style={{ height: rows * ROW_HEIGHT }}>
            <Rows
              result={result}
              layout={layout}
              rows={rows}
              marks={marks}
              first={first}
              last={last}
              active={shown}
            />
          </div>
        )}
      </section>
      {shown !== null && (
        <TokenTooltip
          ref={tooltip}
          result={result}
          seg={shown}
          special={marks.special.has(shown)}
          flagged={marks.flagged.has(shown)}
          style={position ? { top: position.top, left: position.left } : { visibility: "hidden" }}
        />
      )}
    </div>
  );
}
