import { describe, expect, it } from "vitest";
import { prettyJson } from "./reply-text";

describe("prettyJson", () => {
  it("pretty-prints objects and arrays", () => {
    expect(prettyJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(prettyJson("  [1]\n")).toBe("[\n  1\n]");
  });

  it("leaves everything else alone: prose, scalars, broken or cut-off JSON", () => {
    for (const text of ["Echo: hi", "42", '"a"', "null", '{"a":', "{ not json }", ""])
      expect(prettyJson(text)).toBeNull();
  });
});
