import { describe, expect, it } from "vitest";
import { buildSegments } from "@/lib/tokens/segments";
import { glyphAt, glyphRuns } from "./display";
import { IdLayout, layoutIds, layoutText, rowOf, rowPieces, TextLayout } from "./layout";

/** Rows as the characters they hold, for readable expectations. */
function rows(text: string, lengths: number[], cols: number): string[] {
  const s = buildSegments(text, lengths);
  const l = layoutText(text, s.segStarts, cols);
  return [...Array(l.rows).keys()].map((r) => text.slice(l.rowStart[r], l.rowStart[r + 1]));
}
const bytes = (parts: string[]) => parts.map((p) => new TextEncoder().encode(p).length);

describe("glyphs", () => {
  const g = (text: string, i = 0, a = 0, b = text.length) => glyphAt(text, i, a, b);

  it("makes whitespace visible", () => {
    expect(["a b", "\t", "\n", "\r"].map((t) => g(t, t === "a b" ? 1 : 0).glyph)).toEqual([
      "·",
      "→",
      "↵",
      "␍",
    ]);
    expect(g("\u00a0").glyph).toBe("⍽");
    expect(g("\u3000")).toMatchObject({ kind: "ws", width: 2 });
    expect(g("\u0001").glyph).toBe("␁");
  });

  it("labels invisible characters, but keeps a joiner inside a segment", () => {
    expect(g("\u200b")).toMatchObject({ glyph: "ZWSP", kind: "label" });
    expect(g("\ufeff").glyph).toBe("BOM");
    expect(g("👩\u200d💻", 2)).toMatchObject({ glyph: "\u200d", width: 0 });
    expect(g("👩\u200d", 2).glyph).toBe("ZWJ"); // at the segment's end
    expect(g("\u200d💻", 0).glyph).toBe("ZWJ"); // at its start
    expect(g("\ufe0f").glyph).toBe("VS16");
    expect(g("❤\ufe0f", 1)).toMatchObject({ glyph: "\ufe0f", width: 0 });
  });

  it("gives combining marks a base and wide characters two columns", () => {
    expect(g("\u0301")).toMatchObject({ glyph: "◌\u0301", width: 1 });
    expect(g("e\u0301", 1)).toMatchObject({ glyph: "\u0301", width: 0 });
    expect(g("字")).toMatchObject({ width: 2, units: 1 });
    expect(g("😀")).toMatchObject({ glyph: "😀", width: 2, units: 2 });
    expect(g("\ud800x")).toMatchObject({ glyph: "\ufffd", units: 1 });
  });

  it("merges glyphs into runs", () => {
    expect(glyphRuns("a  b\n", 0, 5, 0, 5)).toEqual([
      { kind: "text", text: "a" },
      { kind: "ws", text: "··" },
      { kind: "text", text: "b" },
      { kind: "ws", text: "↵" },
    ]);
  });
});

describe("text layout", () => {
  it("wraps between tokens and breaks after newlines", () => {
    const parts = ["The", " quick", " brown", " fox", "\n", "jumps"];
    expect(rows(parts.join(""), bytes(parts), 12)).toEqual(["The quick", " brown fox\n", "jumps"]);
  });

  it("splits a token longer than a row, and keeps multi-byte characters whole", () => {
    const long = "x".repeat(25);
    expect(rows(long, [25], 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
    const cjk = "字".repeat(9); // 2 columns each
    expect(rows(cjk, [27], 10)).toEqual(["字".repeat(5), "字".repeat(4)]);
    const emoji = "😀".repeat(6);
    expect(rows(emoji, [24], 8).map((r) => [...r].length)).toEqual([4, 2]);
  });

  it("has no rows for no text, and one per line otherwise", () => {
    expect(layoutText("", new Uint32Array([0]), 80).rows).toBe(0);
    expect(rows("a\n\nb\n", [1, 2, 1, 1], 80)).toEqual(["a\n", "\n", "b\n"]);
  });

  it("finds rows and the pieces of segments in them", () => {
    const parts = ["aaaa", "bbbbbbbbbbbb", "cc"];
    const text = parts.join("");
    const s = buildSegments(text, bytes(parts));
    const l = layoutText(text, s.segStarts, 8);
    expect(l.rows).toBe(3);
    // A token longer than a row fills the row it starts in; the next token moves down whole.
    expect(rowPieces(l, s.segStarts, 0)).toEqual([
      { seg: 0, from: 0, to: 4 },
      { seg: 1, from: 4, to: 8 },
    ]);
    expect(rowPieces(l, s.segStarts, 1)).toEqual([{ seg: 1, from: 8, to: 16 }]);
    expect(rowPieces(l, s.segStarts, 2)).toEqual([{ seg: 2, from: 16, to: 18 }]);
    expect(rowOf(l, 0)).toBe(0);
    expect(rowOf(l, 13)).toBe(1);
    expect(rowOf(l, 17)).toBe(2);
  });

  it("lays out a megabyte quickly", () => {
    const text = "lorem ipsum dolor 東京 😀\n".repeat(40_000);
    const line = ["lorem", " ipsum", " dolor", " 東京", " 😀", "\n"];
    const s = buildSegments(text, Array(40_000).fill(bytes(line)).flat());
    const t0 = performance.now();
    const l = layoutText(text, s.segStarts, 100);
    const ms = performance.now() - t0;
    expect(l.rows).toBe(40_000);
    expect(ms).toBeLessThan(1000);
  });
});

describe("id layout", () => {
  it("packs ids into rows", () => {
    const l = layoutIds(Uint32Array.from([1, 22, 333, 4444, 55555]), 8);
    expect([...l.rowStart.slice(0, l.rows + 1)]).toEqual([0, 3, 4, 5]);
    expect(layoutIds(new Uint32Array(0), 8).rows).toBe(0);
  });
});

describe("resumable layout", () => {
  it("gives the same rows in slices as in one go", () => {
    const parts = Array.from({ length: 20_000 }, (_, i) => (i % 17 === 0 ? "\n" : ` w${i}`));
    const text = parts.join("");
    const s = buildSegments(text, bytes(parts));
    const whole = layoutText(text, s.segStarts, 40);
    const sliced = new TextLayout(text, s.segStarts, 40);
    let slices = 0;
    while (!sliced.run(performance.now() - 1)) {
      slices++;
      // Between slices the rows so far are usable: the last one ends where the work stopped.
      expect(sliced.rowStart[sliced.rows]).toBeLessThanOrEqual(text.length);
    }
    expect(slices).toBeGreaterThan(2);
    expect(sliced.rows).toBe(whole.rows);
    expect(sliced.rowStart.slice(0, sliced.rows + 1)).toEqual(whole.rowStart.slice(0, whole.rows + 1));
    expect(sliced.rowSeg.slice(0, sliced.rows)).toEqual(whole.rowSeg.slice(0, whole.rows));
    const ids = Uint32Array.from({ length: 50_000 }, (_, i) => i * 7);
    const idsWhole = layoutIds(ids, 30);
    const idsSliced = new IdLayout(ids, 30);
    while (!idsSliced.run(performance.now() - 1));
    expect(idsSliced.rowStart.slice(0, idsSliced.rows + 1)).toEqual(
      idsWhole.rowStart.slice(0, idsWhole.rows + 1),
    );
  });
});
