import { type Schema as JsonSchema, type OutputUnit, Validator } from "@cfworker/json-schema";
import { META_SCHEMA } from "./meta-schema";

/**
 * JSON Schema for structured outputs and function tools: check that a schema is itself a valid
 * schema, and check an output against it. @cfworker/json-schema interprets the schema rather than
 * compiling it to code, so it runs under a CSP without 'unsafe-eval' (docs/playground.md). Loaded
 * lazily (`useJsonSchema`); the strict-mode lint is in `strict-lint.ts`.
 */

export interface SchemaIssue {
  path: string;
  message: string;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

// Keywords that only report that something beneath them failed; the failure itself is listed too.
const WRAPPERS = new Set([
  "$ref",
  "$recursiveRef",
  "properties",
  "patternProperties",
  "additionalProperties",
  "unevaluatedProperties",
  "dependentSchemas",
  "propertyNames",
  "items",
  "prefixItems",
  "additionalItems",
  "unevaluatedItems",
  "allOf",
  "if",
  "then",
  "else",
]);
// Keywords whose failure says more than the failures of their alternatives, which are dropped.
const CHOICES = new Set(["anyOf", "oneOf", "not", "contains"]);

/** "#/tags/2/a~1b" → "tags[2].a/b", with array indexes told apart by walking the value. */
function readablePath(pointer: string, value: unknown): string {
  let out = "";
  let at = value;
  for (const raw of pointer.replace(/^#\/?/, "").split("/")) {
    if (!raw) continue;
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    out += Array.isArray(at) ? `[${key}]` : out ? `.${key}` : key;
    at = Array.isArray(at) ? at[Number(key)] : isObj(at) ? at[key] : undefined;
  }
  return out;
}

function issues(errors: OutputUnit[], value: unknown): SchemaIssue[] {
  const choices = errors.filter((e) => CHOICES.has(e.keyword)).map((e) => `${e.keywordLocation}/`);
  const out: SchemaIssue[] = [];
  for (const e of errors) {
    if (WRAPPERS.has(e.keyword) || choices.some((c) => e.keywordLocation.startsWith(c))) continue;
    const path = readablePath(e.instanceLocation, value);
    const missing = e.keyword === "required" ? /"(.*)"\.$/.exec(e.error)?.[1] : undefined;
    if (missing !== undefined)
      out.push({ path: path ? `${path}.${missing}` : missing, message: "is required but missing" });
    else if (e.keyword === "false") out.push({ path, message: "is not allowed here" });
    else out.push({ path, message: e.error.replace(/\.$/, "") });
  }
  return out;
}

let metaValidator: Validator | undefined;

/** Why `schema` is not a valid JSON Schema (a misspelt type, a bad pattern…); empty when it is. */
export function checkSchema(schema: unknown): SchemaIssue[] {
  metaValidator ??= new Validator(META_SCHEMA as JsonSchema, "2020-12", false);
  const found = issues(metaValidator.validate(schema).errors, schema);
  if (found.length || !isObj(schema)) return found;
  try {
    // Resolves every $ref once, so a dangling one is reported here rather than by each check.
    new Validator(structuredClone(schema), "2020-12", false).validate(null);
    return [];
  } catch (e) {
    return [{ path: "(root)", message: (e as Error).message.split("\n")[0] ?? "" }];
  }
}

/** Problems of `value` against `schema`; empty when it matches. Assumes `checkSchema` passed. */
export function validate(value: unknown, schema: unknown): SchemaIssue[] {
  if (!isObj(schema) && typeof schema !== "boolean") return [];
  try {
    // A clone: the validator annotates the schema objects it is given.
    const v = new Validator(structuredClone(schema) as JsonSchema | boolean, "2020-12", false);
    return issues(v.validate(value).errors, value);
  } catch (e) {
    return [{ path: "(root)", message: `the schema cannot be used: ${(e as Error).message.split("\n")[0]}` }];
  }
}
