import { beforeAll, describe, expect, it } from "vitest";
import { mixedText } from "@/bench/mixed-text";
import type { TokenEngine } from "@/lib/tokens/engine";
import { loadTestEngines } from "@/lib/tokens/test-engines";
import { commonSegments, IdLayout, type RowLayout, TextLayout } from "./layout";

let engine: TokenEngine;
beforeAll(async () => {
  const e = (await loadTestEngines(["o200k_base"])).get("o200k_base");
  if (!e) throw new Error("no engine");
  engine = e;
});

const rowsOf = (l: RowLayout) => ({
  starts: [...l.rowStart.subarray(0, l.rows + 1)],
  segs: [...l.rowSeg.subarray(0, Math.min(l.rowSeg.length, l.rows))],
});

const BASE = mixedText(20_000);
/** Edits a person makes: type at the end, in the middle, delete at the start, add CR, replace it all. */
const EDITS: Record<string, (t: string) => string> = {
  typeAtEnd: (t) => `${t}a`,
  spaceAtEnd: (t) => `${t} `,
  deleteLast: (t) => t.slice(0, -1),
  middle: (t) => `${t.slice(0, 9000)}xyz${t.slice(9000)}`,
  newlineInMiddle: (t) => `${t.slice(0, 12000)}\n${t.slice(12000)}`,
  crlfNearEnd: (t) => `${t.slice(0, -40)}\r\n${t.slice(-40)}`,
  deleteFirst: (t) => t.slice(1),
  replaceAll: () => "something else entirely\r\nwith CR",
  empty: () => "",
  emojiAtEnd: (t) => `${t}👨‍👩‍👧`,
};

describe("a layout after an edit", () => {
  for (const cols of [12, 80]) {
    it(`gives the rows a fresh layout gives (${cols} columns)`, () => {
      const before = engine.tokenize(BASE);
      const prevText = new TextLayout(BASE, before.segStarts, cols);
      prevText.run();
      const prevIds = new IdLayout(before.ids, cols);
      prevIds.run();
      for (const [name, edit] of Object.entries(EDITS)) {
        const text = edit(BASE);
        const after = engine.tokenize(text);
        const fresh = new TextLayout(text, after.segStarts, cols);
        fresh.run();
        const resumed = TextLayout.after(prevText, before, text, after, cols);
        // In slices, as the page runs it.
        while (!resumed.run(performance.now() - 1));
        expect(rowsOf(resumed), name).toEqual(rowsOf(fresh));
        const freshIds = new IdLayout(after.ids, cols);
        freshIds.run();
        const resumedIds = IdLayout.after(prevIds, after.ids, cols);
        resumedIds.run();
        expect(rowsOf(resumedIds).starts, name).toEqual(rowsOf(freshIds).starts);
      }
    });
  }

  it("keeps the rows before the change: typing at the end of a long text lays out only the end", () => {
    const before = engine.tokenize(BASE);
    const prev = new TextLayout(BASE, before.segStarts, 80);
    prev.run();
    const text = `${BASE}a`;
    const after = engine.tokenize(text);
    expect(commonSegments(before, after)).toBeGreaterThan(after.segStarts.length - 5);
    const resumed = TextLayout.after(prev, before, text, after, 80);
    // Before running, it already holds all but the last few rows.
    expect(resumed.rows).toBeGreaterThan(prev.rows - 3);
    // A different width starts over.
    expect(TextLayout.after(prev, before, text, after, 40).rows).toBe(1);
  });
});
