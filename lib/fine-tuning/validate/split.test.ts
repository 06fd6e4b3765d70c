import { describe, expect, it } from "vitest";
import { holdoutSize, linesAround, splitLines } from "./split";
import { splitFile } from "./split-file";

const text = Array.from({ length: 20 }, (_, i) => `{"i":${i}}`).join("\n");

describe("splitLines", () => {
  it("holds out a share, repeatably per seed, with every line once", () => {
    const a = splitLines(text, { percent: 20 }, 7);
    expect(a.validation).toHaveLength(4);
    expect(a.train).toHaveLength(16);
    expect([...a.train, ...a.validation].sort()).toEqual(text.split("\n").sort());
    expect(splitLines(text, { percent: 20 }, 7)).toEqual(a);
    expect(splitLines(text, { percent: 20 }, 8)).not.toEqual(a);
  });
  it("holds out a count, keeping one line on each side", () => {
    expect(splitLines(text, { count: 3 }, 1).validation).toHaveLength(3);
    expect(holdoutSize(20, { count: 50 })).toBe(19);
    expect(holdoutSize(20, { percent: 0 })).toBe(1);
  });
});

describe("linesAround", () => {
  const file = new TextEncoder().encode("a\nbé\nc\nd\ne\n");
  it("numbers the neighbours of a line", () => {
    // "d" starts at byte 8 (a\n = 2, bé\n = 4, c\n = 2).
    expect(linesAround(file, 8, 4, true, 2, 1)).toEqual([
      { line: 2, text: "bé" },
      { line: 3, text: "c" },
      { line: 4, text: "d" },
      { line: 5, text: "e" },
    ]);
  });
  it("drops a window's cut first line", () => {
    expect(linesAround(file.subarray(3), 5, 4, false, 3, 0)).toEqual([
      { line: 3, text: "c" },
      { line: 4, text: "d" },
    ]);
  });
});

describe("splitFile", () => {
  it("splits a file read as a stream exactly as splitLines splits its text", async () => {
    const text = `${Array.from({ length: 50 }, (_, i) => `{"i":${i}}`).join("\r\n")}\n\n`;
    const want = splitLines(text, { percent: 20 }, 7);
    const got = await splitFile(new Blob([text]), { percent: 20 }, 7);
    expect(await got.train.text()).toBe(`${want.train.join("\n")}\n`);
    expect(await got.validation.text()).toBe(`${want.validation.join("\n")}\n`);
    expect(got.dropped).toBe(0);
  });
});
