/**
 * Deterministic example values from a JSON Schema, used for tool-call arguments and structured
 * output: strings → "example" (the first plain string gets `fill` when given), numbers → 1 (clamped
 * to minimum/maximum), booleans → true, enums/const → their (first) value, arrays → one item, objects
 * → every property, recursively. Local `$ref`s (`#/$defs/…`, `#/definitions/…`) are followed.
 */

type Schema = Record<string, unknown>;

const isObj = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

const MAX_DEPTH = 8;

function resolve(root: Schema, s: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 8 && typeof cur.$ref === "string"; i++) {
    const path = cur.$ref.replace(/^#\/?/, "").split("/").filter(Boolean);
    let target: unknown = root;
    for (const key of path) target = isObj(target) ? target[decodeURIComponent(key)] : undefined;
    if (!isObj(target)) return {};
    cur = target;
  }
  return cur;
}

function typeOf(s: Schema): string | undefined {
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  if (typeof t === "string") return t;
  if (isObj(s.properties)) return "object";
  if (s.items !== undefined) return "array";
  return undefined;
}

export function schemaExample(schema: unknown, fill?: string): unknown {
  const root = isObj(schema) ? schema : {};
  const state = { fill };
  const gen = (raw: unknown, depth: number): unknown => {
    if (!isObj(raw)) return "example";
    const s = resolve(root, raw);
    if ("const" in s) return s.const;
    if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
    const variants = (s.anyOf ?? s.oneOf ?? s.allOf) as unknown;
    if (Array.isArray(variants) && variants.length > 0) {
      const pick = variants.find((v) => !(isObj(v) && v.type === "null")) ?? variants[0];
      return gen(pick, depth);
    }
    switch (typeOf(s)) {
      case "object": {
        const out: Record<string, unknown> = {};
        if (depth >= MAX_DEPTH) return out;
        const props = isObj(s.properties) ? s.properties : {};
        for (const [k, v] of Object.entries(props)) out[k] = gen(v, depth + 1);
        return out;
      }
      case "array": {
        if (depth >= MAX_DEPTH) return [];
        const n = Math.min(3, Math.max(1, typeof s.minItems === "number" ? s.minItems : 1));
        return Array.from({ length: n }, () => gen(s.items, depth + 1));
      }
      case "number":
      case "integer": {
        let n = 1;
        if (typeof s.minimum === "number" && n < s.minimum) n = Math.ceil(s.minimum);
        if (typeof s.maximum === "number" && n > s.maximum) n = Math.floor(s.maximum);
        return n;
      }
      case "boolean":
        return true;
      case "null":
        return null;
      default:
        return stringExample(s, state);
    }
  };
  return gen(root, 0);
}

function stringExample(s: Schema, state: { fill?: string }): string {
  switch (s.format) {
    case "date-time":
      return "2026-01-01T00:00:00Z";
    case "date":
      return "2026-01-01";
    case "time":
      return "00:00:00";
    case "email":
      return "user@example.com";
    case "uri":
      return "https://example.com";
    case "uuid":
      return "00000000-0000-4000-8000-000000000000";
  }
  if (state.fill !== undefined && s.pattern === undefined) {
    const v = state.fill;
    state.fill = undefined;
    return v;
  }
  return "example";
}

/**
 * An example that violates the schema, for client-side validators: the first required property of
 * the root object is left out (or, with nothing required, the first property gets the wrong type).
 */
export function brokenExample(schema: unknown, fill?: string): unknown {
  const value = schemaExample(schema, fill);
  if (!isObj(value)) return { unexpected: value };
  const root = isObj(schema) ? resolve(schema, schema) : {};
  const required = Array.isArray(root.required) ? root.required.filter((x) => typeof x === "string") : [];
  const first = required.find((k) => k in value);
  if (first !== undefined) {
    delete value[first];
    return value;
  }
  const key = Object.keys(value)[0];
  if (key === undefined) return [];
  value[key] = typeof value[key] === "string" ? 12345 : "not-the-right-type";
  return value;
}
