/** A strict-ready schema with a nullable field and a $ref, shared by the validator and lint tests. */
export const schema = {
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
