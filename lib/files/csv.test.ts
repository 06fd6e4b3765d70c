import { describe, expect, it } from "vitest";
import { parseCsvPreview } from "./csv";

describe("parseCsvPreview", () => {
  it("keeps commas, line breaks and escaped quotes inside quoted fields", () => {
    const text = 'name,note\n"Smith, Jo","said ""hi""\nthen left"\nplain,x\n\n';
    expect(parseCsvPreview(text, ",", 50, false)).toEqual({
      rows: [
        ["name", "note"],
        ["Smith, Jo", 'said "hi"\nthen left'],
        ["plain", "x"],
      ],
      problem: null,
    });
  });

  it("reads CRLF line ends", () => {
    expect(parseCsvPreview('a,b\r\n"1\r\n2",3\r\n', ",", 50, false).rows).toEqual([
      ["a", "b"],
      ["1\r\n2", "3"],
    ]);
  });

  it("splits TSV on tabs only", () => {
    const { rows } = parseCsvPreview("a\tb,c\n1\t2", "\t", 50, false);
    expect(rows).toEqual([
      ["a", "b,c"],
      ["1", "2"],
    ]);
  });

  it("stops at maxRows, and drops the row a truncated preview may have cut", () => {
    const text = Array.from({ length: 100 }, (_, i) => `${i},"v${i}"`).join("\n");
    expect(parseCsvPreview(text, ",", 50, false).rows).toHaveLength(50);
    const cut = parseCsvPreview(`a,b\n1,2\n3,"unfinished`, ",", 50, true);
    expect(cut).toEqual({
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
      problem: null,
    });
    expect(parseCsvPreview(text, ",", 50, true).rows).toHaveLength(50);
  });

  it("reports a quote left open in a whole file", () => {
    const { rows, problem } = parseCsvPreview('a,b\n1,"open\n2,3', ",", 50, false);
    expect(rows[0]).toEqual(["a", "b"]);
    expect(problem).toMatch(/^Row 2: .*[Qq]uote/);
  });
});
