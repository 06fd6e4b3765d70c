import { describe, expect, it } from "vitest";
import { lintStrict, validate } from "./json-schema";

const schema = {
  type: "object",
  properties: {
    name: { type: "string", minLength: 1 },
    count: { type: "integer", minimum: 0 },
    tags: { type: "array", items: { type: "string" }, maxItems: 2 },
    kind: { type: "string", enum: ["a", "b"] },
    note: { type: ["string", "null"] },
    child: { $ref: "#/$defs/child" },
  },
  required: ["name", "count", "tags", "kind", "note", "child"],
  additionalProperties: false,
  $defs: {
    child: {
      type: "object",
      properties: { id: { type: "number" } },
      required: ["id"],
      additionalProperties: false,
    },
  },
};

describe("validate", () => {
  it("accepts a matching value", () => {
    expect(
      validate({ name: "x", count: 2, tags: ["t"], kind: "a", note: null, child: { id: 1.5 } }, schema),
    ).toEqual([]);
  });

  it("names each mismatch by its path", () => {
    const issues = validate(
      { name: "", count: -1.5, tags: ["a", "b", 3], kind: "c", extra: true, child: {} },
      schema,
    );
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath.name).toMatch(/shorter than 1/);
    expect(byPath.count).toMatch(/should be integer, got number/);
    expect(byPath.tags).toMatch(/more than 2 items/);
    expect(byPath["tags[2]"]).toMatch(/should be string/);
    expect(byPath.kind).toMatch(/one of "a", "b"/);
    expect(byPath.note).toMatch(/required but missing/);
    expect(byPath.extra).toMatch(/not allowed/);
    expect(byPath["child.id"]).toMatch(/required/);
  });

  it("handles anyOf", () => {
    const s = { anyOf: [{ type: "string" }, { type: "number" }] };
    expect(validate("x", s)).toEqual([]);
    expect(validate(true, s)[0]?.message).toMatch(/anyOf/);
  });
});

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
