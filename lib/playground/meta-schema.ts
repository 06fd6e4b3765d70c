/**
 * What a JSON Schema document may say, for the validator to check a schema before it is used: the
 * draft-07 meta-schema, self-contained, with the 2020-12 keywords the validator runs in (`$defs`,
 * `prefixItems`, `dependentRequired`…) and `items` as a single schema. Annotations and defaults are
 * left out. `type` uses if/then/else rather than anyOf, so a misspelt type reports the allowed names.
 */
const schema = { $ref: "#" };
const schemaMap = { type: "object", additionalProperties: schema };
const count = { type: "integer", minimum: 0 };
const schemaArray = { type: "array", minItems: 1, items: schema };
const stringArray = { type: "array", items: { type: "string" }, uniqueItems: true };
const simpleTypes = { enum: ["array", "boolean", "integer", "null", "number", "object", "string"] };

export const META_SCHEMA = {
  type: ["object", "boolean"],
  properties: {
    $id: { type: "string" },
    $schema: { type: "string" },
    $ref: { type: "string" },
    $anchor: { type: "string" },
    $comment: { type: "string" },
    $defs: schemaMap,
    definitions: schemaMap,
    title: { type: "string" },
    description: { type: "string" },
    examples: { type: "array" },
    deprecated: { type: "boolean" },
    readOnly: { type: "boolean" },
    writeOnly: { type: "boolean" },
    multipleOf: { type: "number", exclusiveMinimum: 0 },
    maximum: { type: "number" },
    exclusiveMaximum: { type: "number" },
    minimum: { type: "number" },
    exclusiveMinimum: { type: "number" },
    maxLength: count,
    minLength: count,
    pattern: { type: "string", format: "regex" },
    prefixItems: schemaArray,
    items: schema,
    unevaluatedItems: schema,
    contains: schema,
    maxContains: count,
    minContains: count,
    maxItems: count,
    minItems: count,
    uniqueItems: { type: "boolean" },
    maxProperties: count,
    minProperties: count,
    required: stringArray,
    dependentRequired: { type: "object", additionalProperties: stringArray },
    dependentSchemas: schemaMap,
    properties: schemaMap,
    patternProperties: { ...schemaMap, propertyNames: { format: "regex" } },
    additionalProperties: schema,
    unevaluatedProperties: schema,
    propertyNames: schema,
    enum: { type: "array" },
    type: {
      if: { type: "string" },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword; this object is never awaited.
      then: simpleTypes,
      else: { type: "array", items: simpleTypes, minItems: 1, uniqueItems: true },
    },
    format: { type: "string" },
    contentMediaType: { type: "string" },
    contentEncoding: { type: "string" },
    if: schema,
    // biome-ignore lint/suspicious/noThenProperty: as above.
    then: schema,
    else: schema,
    allOf: schemaArray,
    anyOf: schemaArray,
    oneOf: schemaArray,
    not: schema,
  },
};
