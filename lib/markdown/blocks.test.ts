import { describe, expect, it } from "vitest";
import { splitBlocks } from "./blocks";

describe("splitBlocks", () => {
  it("splits at blank lines before a line at column 0, and the blocks join back to the text", () => {
    const text = "# Title\n\nA paragraph\nover two lines.\n\n> quote\n\nEnd.";
    const blocks = splitBlocks(text);
    expect(blocks).toEqual(["# Title\n", "A paragraph\nover two lines.\n", "> quote\n", "End."]);
    expect(blocks.join("\n")).toBe(text);
  });

  it("keeps a code fence whole, blank lines and all, and an unclosed one to the end", () => {
    const fenced = "```py\nx = 1\n\ny = 2\n```\n\nafter";
    expect(splitBlocks(fenced)).toEqual(["```py\nx = 1\n\ny = 2\n```\n", "after"]);
    expect(splitBlocks("text\n\n~~~\nopen\n\nstill code")).toEqual(["text\n", "~~~\nopen\n\nstill code"]);
    // A shorter or different fence does not close it.
    expect(splitBlocks("````\n```\n\nx\n````\n\ny")).toEqual(["````\n```\n\nx\n````\n", "y"]);
  });

  it("does not split a list, an item's indented continuation or indented code", () => {
    expect(splitBlocks("- a\n\n- b\n\n  more of b\n\n1. c")).toHaveLength(1);
    expect(splitBlocks("para\n\n    code\n\n    more code")).toHaveLength(1);
  });

  it("keeps a text with link or footnote definitions whole", () => {
    expect(splitBlocks("See [x][1].\n\nMore.\n\n[1]: https://a.test")).toHaveLength(1);
    expect(splitBlocks("Note[^a].\n\n[^a]: The note.")).toHaveLength(1);
  });

  it("finished blocks stay the same strings as the text grows", () => {
    const full = "One.\n\nTwo **bold**.\n\n```js\nlet a;\n```\n\nThree.";
    let previous: string[] = [];
    for (let n = 1; n <= full.length; n++) {
      const blocks = splitBlocks(full.slice(0, n));
      expect(blocks.slice(0, -2)).toEqual(previous.slice(0, Math.max(0, blocks.length - 2)));
      previous = blocks;
    }
  });
});
