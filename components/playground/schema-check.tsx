"use client";

import { validate } from "@/lib/playground/json-schema";
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
  } else if (s.ok) {
    const issues = validate(v.value, s.value);
    if (issues.length) {
      tone = "text-danger";
      title = `Output does not match the schema (${issues.length} problem${issues.length > 1 ? "s" : ""})`;
      lines = issues.slice(0, 20).map((i) => `${i.path || "(root)"} ${i.message}`);
    }
  }
  return (
    <div
      className={`rounded-md border border-border px-2 py-1 text-xs ${tone}`}
      data-testid="schema-check"
      role="status"
    >
      <p className="font-medium">{title}</p>
      {lines.length > 0 && (
        <ul className="mt-0.5 list-disc pl-4 font-mono text-fg/80">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
