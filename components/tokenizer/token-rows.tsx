"use client";

import { memo } from "react";
import { glyphRuns } from "@/lib/tokenizer/display";
import { type RowLayout, rowPieces } from "@/lib/tokenizer/layout";
import { segmentOfToken } from "@/lib/tokens/segments";
import type { Tokenized } from "./use-tokenization";
import { ROW_HEIGHT } from "./use-virtual-rows";

export const PALETTE_SIZE = 6;

/** What sets a segment apart: a special token, special-token text left plain, a split character. */
export interface SegmentMarks {
  special: ReadonlySet<number>;
  flagged: ReadonlySet<number>;
}

export function segmentClass(result: Tokenized, marks: SegmentMarks, seg: number, active: boolean): string {
  let cls = `tok tok-c${seg % PALETTE_SIZE}`;
  if (marks.special.has(seg)) cls += " tok-special";
  if (marks.flagged.has(seg)) cls += " tok-flag";
  if ((result.segTokens[seg + 1] ?? 0) - (result.segTokens[seg] ?? 0) > 1) cls += " tok-split";
  if (active) cls += " tok-active";
  return cls;
}

export interface RowsProps {
  result: Tokenized;
  layout: RowLayout;
  /** Rows laid out so far: the layout object grows in place, so this is what changes. */
  rows: number;
  marks: SegmentMarks;
  first: number;
  last: number;
  active: number | null;
}

/** The text view's rows [first, last): each segment piece a coloured span, whitespace made visible. */
export const TextRows = memo(function TextRows({ result, layout, marks, first, last, active }: RowsProps) {
  const rows = [];
  for (let r = first; r < last; r++) {
    rows.push(
      <div key={r} className="tok-row" style={{ top: r * ROW_HEIGHT }}>
        {rowPieces(layout, result.segStarts, r).map((p) => {
          const a = result.segStarts[p.seg] ?? 0;
          const b = result.segStarts[p.seg + 1] ?? 0;
          return (
            <span
              key={p.from}
              data-seg={p.seg}
              className={segmentClass(result, marks, p.seg, p.seg === active)}
            >
              {glyphRuns(result.text, p.from, p.to, a, b).map((run, i) =>
                run.kind === "text" ? (
                  run.text
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: runs of a piece never reorder
                  <span key={i} className={run.kind === "ws" ? "tok-ws" : "tok-label"}>
                    {run.text}
                  </span>
                ),
              )}
            </span>
          );
        })}
      </div>,
    );
  }
  return <>{rows}</>;
});

/** The id view's rows [first, last): each id coloured as its segment in the text view. */
export const IdRows = memo(function IdRows({ result, layout, marks, first, last, active }: RowsProps) {
  const rows = [];
  for (let r = first; r < last; r++) {
    const from = layout.rowStart[r] ?? 0;
    const to = layout.rowStart[r + 1] ?? from;
    let seg = segmentOfToken(result, from);
    const ids = [];
    for (let t = from; t < to; t++) {
      while ((result.segTokens[seg + 1] ?? Number.POSITIVE_INFINITY) <= t) seg++;
      ids.push(
        <span
          key={t}
          data-seg={seg}
          data-tok={t}
          className={segmentClass(result, marks, seg, seg === active)}
        >
          {result.ids[t]}
        </span>,
        t + 1 < to ? " " : null,
      );
    }
    rows.push(
      <div key={r} className="tok-row" style={{ top: r * ROW_HEIGHT }}>
        {ids}
      </div>,
    );
  }
  return <>{rows}</>;
});
