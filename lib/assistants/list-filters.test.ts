import { describe, expect, it } from "vitest";
import { exportFilename, filtersFromSearch, filtersToSearch, isFiltered, NO_FILTERS } from "./list-filters";

describe("list filters in the URL", () => {
  it("round-trips and leaves defaults out", () => {
    expect(filtersToSearch(NO_FILTERS)).toBe("");
    const f = { q: "support bot", owner: "me" as const, deleted: true };
    expect(filtersToSearch(f)).toBe("q=support+bot&owner=me&deleted=1");
    expect(filtersFromSearch(new URLSearchParams(filtersToSearch(f)))).toEqual(f);
  });
  it("reads unknown values as defaults", () => {
    expect(filtersFromSearch(new URLSearchParams("owner=bob&deleted=yes&q=%20x%20"))).toEqual({
      q: "x",
      owner: "all",
      deleted: false,
    });
  });
  it("counts search and owner as filters, not the deleted view", () => {
    expect(isFiltered({ ...NO_FILTERS, deleted: true })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, owner: "me" })).toBe(true);
  });
});

describe("exportFilename", () => {
  it("keeps a plain name and replaces what file systems refuse", () => {
    expect(exportFilename("Support bot")).toBe("Support bot.assistant.json");
    expect(exportFilename('a/b:c*"d"')).toBe("a-b-c-d.assistant.json");
    expect(exportFilename("  ..  ")).toBe("assistant.assistant.json");
  });
});
