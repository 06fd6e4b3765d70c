import { describe, expect, it } from "vitest";
import { schema } from "./json-schema.fixture";
import { lintStrict } from "./strict-lint";

describe("lintStrict", () => {
  it("passes a strict-ready schema, $defs included", () => {
    expect(lintStrict(schema)).toEqual([]);
  });

  it("lists what strict mode would refuse", () => {
    const issues = lintStrict({
      type: "object",
      properties: { a: { type: "object", properties: { b: { type: "string" } } } },
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "a: strict mode needs every property in `required` (use a null type for optional ones)",
      "(root): strict mode needs `additionalProperties: false`",
      "a.b: strict mode needs every property in `required` (use a null type for optional ones)",
      "a: strict mode needs `additionalProperties: false`",
    ]);
    expect(lintStrict({ type: "array" })[0]?.message).toMatch(/root/);
  });
});
