import type { SchemaIssue } from "./json-schema";

/**
 * OpenAI's strict mode for structured outputs and function tools accepts only part of JSON Schema:
 * an object at the root, every property listed in `required`, `additionalProperties: false`. This
 * says what a schema would be refused for, before it is sent.
 */

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function lintNode(raw: unknown, path: string, out: SchemaIssue[], root: Record<string, unknown>): void {
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
