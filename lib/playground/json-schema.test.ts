import { describe, expect, it } from "vitest";
import { checkSchema, validate } from "./json-schema";
import { schema } from "./json-schema.fixture";

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
    const at = (path: string) =>
      issues
        .filter((i) => i.path === path)
        .map((i) => i.message)
        .join("; ");
    const byPath = Object.fromEntries(issues.map((i) => [i.path, at(i.path)]));
    expect(byPath.name).toMatch(/too short/);
    expect(byPath.count).toMatch(/"number" is invalid. Expected "integer"; -1.5 is less than 0/);
    expect(byPath.tags).toMatch(/too many items/);
    expect(byPath["tags[2]"]).toMatch(/Expected "string"/);
    expect(byPath.kind).toMatch(/any of \["a","b"\]/);
    expect(byPath.note).toMatch(/required but missing/);
    expect(byPath.extra).toMatch(/not allowed/);
    expect(byPath["child.id"]).toMatch(/required/);
    // Only the failures themselves, not "property child does not match" around them.
    expect(issues).toHaveLength(9);
  });

  it("reads keys that need escaping in a pointer", () => {
    const s = { type: "object", properties: { "a/b~c d": { type: "array", items: { type: "string" } } } };
    expect(validate({ "a/b~c d": ["x", 1] }, s)).toEqual([
      { path: "a/b~c d[1]", message: 'Instance type "number" is invalid. Expected "string"' },
    ]);
  });

  it("handles anyOf", () => {
    const s = { anyOf: [{ type: "string" }, { type: "number" }] };
    expect(validate("x", s)).toEqual([]);
    expect(validate(true, s)).toEqual([{ path: "", message: "Instance does not match any subschemas" }]);
  });

  it("reports a dangling $ref instead of throwing", () => {
    expect(validate(1, { $ref: "#/$defs/nope" })[0]?.message).toMatch(/cannot be used: Unresolved \$ref/);
  });
});

describe("checkSchema", () => {
  it("passes a valid schema", () => {
    expect(checkSchema(schema)).toEqual([]);
    expect(checkSchema(true)).toEqual([]);
  });

  it("finds what a hand-written subset missed: a misspelt type, a bad pattern, a dangling $ref", () => {
    const bad = {
      type: "object",
      properties: {
        list: { type: "arrayy" },
        pair: { type: ["string", "nul"] },
        code: { type: "string", pattern: "([a-z]" },
        size: { type: "integer", minimum: "0" },
      },
      required: "list",
    };
    const byPath = Object.fromEntries(checkSchema(bad).map((i) => [i.path, i.message]));
    expect(byPath["properties.list.type"]).toMatch(/any of \["array","boolean"/);
    expect(byPath["properties.pair.type[1]"]).toMatch(/any of/);
    expect(byPath["properties.code.pattern"]).toMatch(/format "regex"/);
    expect(byPath["properties.size.minimum"]).toMatch(/Expected "number"/);
    expect(byPath.required).toMatch(/Expected "array"/);
    expect(checkSchema({ $ref: "#/$defs/nope" })).toEqual([
      { path: "(root)", message: expect.stringMatching(/Unresolved \$ref "#\/\$defs\/nope"/) },
    ]);
    expect(checkSchema("object")[0]?.message).toMatch(/Expected "object" or "boolean"|invalid/);
  });
});
