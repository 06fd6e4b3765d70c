import { describe, expect, it } from "vitest";
import { formatIdList, parseIdList } from "./ids";

const ok = (input: string) => {
  const r = parseIdList(input);
  if (!r.ok) throw new Error(r.error);
  return [...r.ids];
};
const error = (input: string) => {
  const r = parseIdList(input);
  if (r.ok) throw new Error(`parsed ${input}`);
  return r.error;
};

describe("id lists", () => {
  it("reads JSON arrays and separated lists", () => {
    expect(ok("[15339, 1917]")).toEqual([15339, 1917]);
    expect(ok(" 15339 1917\n42,7;0 ")).toEqual([15339, 1917, 42, 7, 0]);
    expect(ok("[\n  1,\n  2\n]")).toEqual([1, 2]);
    expect(ok(formatIdList([3, 2, 1]))).toEqual([3, 2, 1]);
  });

  it("says which item is wrong", () => {
    expect(error("")).toMatch(/Paste token ids/);
    expect(error("[]")).toMatch(/empty/);
    expect(error("[1, 2")).toMatch(/no closing/);
    expect(error("1, 2]")).toMatch(/no opening/);
    expect(error("1, two, 3")).toBe('Item 2, "two", is not a token id: ids are whole numbers such as 15339.');
    expect(error("1 2.5")).toMatch(/Item 2, "2.5"/);
    expect(error("[1, -5]")).toMatch(/Item 2, "-5", is negative/);
    expect(error("99999999999")).toMatch(/too large/);
  });

  it("formats ids as a JSON array", () => {
    expect(formatIdList(Uint32Array.from([1, 2]))).toBe("[1, 2]");
    expect(formatIdList([])).toBe("[]");
  });
});
