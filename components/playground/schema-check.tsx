"use client";

import { useMemo } from "react";
import { useJsonSchema } from "@/components/editors/use-json-schema";
import { parseJson } from "@/lib/playground/request";

/** The output checked against the response schema: parse errors and each mismatch, or a pass. */
export function SchemaCheck({
  schema,
  text,
  truncated,
}: {
  schema: string;
  text: string;
  truncated: boolean;
}) {
  const jsonSchema = useJsonSchema();
  // Each check builds a validator: once per finished output, not per render.
  const { tone, title, lines } = useMemo(
    () => checkOutput(schema, text, truncated, jsonSchema),
    [schema, text, truncated, jsonSchema],
  );
  return (
    <div
      className={`rounded-md border border-border px-2 py-1 text-xs ${tone}`}
      data-testid="schema-check"
      role="status"
    >
      <p className="font-medium">{title}</p>
      {lines.length > 0 && (
        <ul className="mt-0.5 list-disc wrap-anywhere pl-4 font-mono text-fg/80">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function checkOutput(
  schema: string,
  text: string,
  truncated: boolean,
  jsonSchema: ReturnType<typeof useJsonSchema>,
): { tone: string; title: string; lines: string[] } {
  const s = parseJson(schema);
  const v = parseJson(text);
  let tone = "text-success";
  let lines: string[] = [];
  let title = "Output matches the schema";
  if (truncated) {
    tone = "text-warning";
    title = "Output was cut off by the token limit, so it is not complete JSON";
  } else if (!v.ok) {
    tone = "text-danger";
    title = "Output is not valid JSON";
    lines = [v.message];
  } else if (!jsonSchema) {
    tone = "text-muted";
    title = "Checking the output against the schema…";
  } else if (s.ok) {
    const broken = jsonSchema.checkSchema(s.value);
    const issues = broken.length ? [] : jsonSchema.validate(v.value, s.value);
    if (broken.length) {
      tone = "text-warning";
      title = "The schema is not valid, so the output was not checked";
      lines = broken.slice(0, 20).map((i) => `${i.path || "(root)"}: ${i.message}`);
    } else if (issues.length) {
      tone = "text-danger";
      title = `Output does not match the schema (${issues.length} problem${issues.length > 1 ? "s" : ""})`;
      lines = issues.slice(0, 20).map((i) => `${i.path || "(root)"}: ${i.message}`);
    }
  }
  return { tone, title, lines };
}
