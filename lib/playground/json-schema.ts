/**
 * The subset of JSON Schema that structured outputs and function tools use: type (or a list of
 * types), properties, required, additionalProperties, items, enum, const, anyOf, $ref to $defs,
 * string/number bounds. Two jobs: check an output against a schema, and lint a schema for strict
 * mode (root object, every property required, additionalProperties false) before it is sent.
 */

type Schema = Record<string, unknown>;
export interface SchemaIssue {
  path: string;
  message: string;
}

const isObj = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function resolveRef(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  const defs = m ? (root[m[1] as string] as Schema | undefined) : undefined;
  const target = defs?.[m?.[2] ?? ""];
  return isObj(target) ? target : {};
}

function check(value: unknown, raw: unknown, root: Schema, path: string, out: SchemaIssue[]): void {
  if (!isObj(raw)) return;
  const s = resolveRef(raw, root);
  if (Array.isArray(s.anyOf)) {
    const ok = s.anyOf.some((alt) => {
      const sub: SchemaIssue[] = [];
      check(value, alt, root, path, sub);
      return sub.length === 0;
    });
    if (!ok) out.push({ path, message: "matches none of the allowed shapes (anyOf)" });
    return;
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : null;
  const actual = typeOf(value);
  if (types && !types.includes(actual) && !(actual === "integer" && types.includes("number"))) {
    out.push({ path, message: `should be ${types.join(" or ")}, got ${actual}` });
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
    out.push({ path, message: `should be one of ${s.enum.map((e) => JSON.stringify(e)).join(", ")}` });
  if ("const" in s && JSON.stringify(s.const) !== JSON.stringify(value))
    out.push({ path, message: `should be ${JSON.stringify(s.const)}` });
  if (typeof value === "string") {
    if (typeof s.minLength === "number" && value.length < s.minLength)
      out.push({ path, message: `is shorter than ${s.minLength}` });
    if (typeof s.maxLength === "number" && value.length > s.maxLength)
      out.push({ path, message: `is longer than ${s.maxLength}` });
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value))
      out.push({ path, message: `does not match ${s.pattern}` });
  }
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum)
      out.push({ path, message: `is below ${s.minimum}` });
    if (typeof s.maximum === "number" && value > s.maximum)
      out.push({ path, message: `is above ${s.maximum}` });
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === "number" && value.length < s.minItems)
      out.push({ path, message: `has fewer than ${s.minItems} items` });
    if (typeof s.maxItems === "number" && value.length > s.maxItems)
      out.push({ path, message: `has more than ${s.maxItems} items` });
    value.forEach((item, i) => {
      check(item, s.items, root, `${path}[${i}]`, out);
    });
  }
  if (isObj(value)) {
    const props = isObj(s.properties) ? s.properties : {};
    for (const key of Array.isArray(s.required) ? (s.required as string[]) : [])
      if (!(key in value))
        out.push({ path: path ? `${path}.${key}` : key, message: "is required but missing" });
    for (const [key, v] of Object.entries(value)) {
      const p = path ? `${path}.${key}` : key;
      if (key in props) check(v, props[key], root, p, out);
      else if (s.additionalProperties === false)
        out.push({ path: p, message: "is not allowed (additionalProperties: false)" });
      else if (isObj(s.additionalProperties)) check(v, s.additionalProperties, root, p, out);
    }
  }
}

/** Problems of `value` against `schema`; empty when it matches. */
export function validate(value: unknown, schema: unknown): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  if (isObj(schema)) check(value, schema, schema, "", out);
  return out;
}

function lintNode(raw: unknown, path: string, out: SchemaIssue[], root: Schema): void {
  if (!isObj(raw)) return;
  const s = raw;
  for (const alt of Array.isArray(s.anyOf) ? s.anyOf : []) lintNode(alt, path, out, root);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes("object") || isObj(s.properties)) {
    const props = isObj(s.properties) ? s.properties : {};
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    for (const key of Object.keys(props))
      if (!required.has(key))
        out.push({
          path: path ? `${path}.${key}` : key,
          message: "strict mode needs every property in `required` (use a null type for optional ones)",
        });
    if (s.additionalProperties !== false)
      out.push({ path: path || "(root)", message: "strict mode needs `additionalProperties: false`" });
    for (const [key, sub] of Object.entries(props)) lintNode(sub, path ? `${path}.${key}` : key, out, root);
  }
  if (isObj(s.items)) lintNode(s.items, `${path}[]`, out, root);
  for (const [name, def] of Object.entries(isObj(s.$defs) ? s.$defs : {}))
    if (s === root) lintNode(def, `$defs.${name}`, out, root);
}

/** Why the schema would be refused in strict mode; empty when it is fine. */
export function lintStrict(schema: unknown): SchemaIssue[] {
  if (!isObj(schema)) return [{ path: "(root)", message: "the schema must be a JSON object" }];
  const out: SchemaIssue[] = [];
  if (schema.type !== "object")
    out.push({ path: "(root)", message: 'strict mode needs `"type": "object"` at the root' });
  lintNode(schema, "", out, schema);
  return out;
}
