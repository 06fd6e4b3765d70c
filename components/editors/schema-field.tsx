"use client";

import { useId, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { parseJson } from "@/lib/playground/request";
import { lintStrict } from "@/lib/playground/strict-lint";
import { useJsonSchema } from "./use-json-schema";

export const SCHEMA_TEMPLATES: Record<string, object> = {
  "Empty object": { type: "object", properties: {}, required: [], additionalProperties: false },
  "Weather lookup": {
    type: "object",
    properties: {
      location: { type: "string", description: "City and country, e.g. Paris, France" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
    },
    required: ["location", "unit"],
    additionalProperties: false,
  },
  "List of items": {
    type: "object",
    properties: {
      items: {
        type: "array",
        items: {
          type: "object",
          properties: { name: { type: "string" }, quantity: { type: "integer" } },
          required: ["name", "quantity"],
          additionalProperties: false,
        },
      },
    },
    required: ["items"],
    additionalProperties: false,
  },
};

/** Where in the text a JSON.parse error points, as "line L, column C". */
function position(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return "";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  return ` (line ${line}, column ${before.length - before.lastIndexOf("\n")})`;
}

export interface SchemaFieldProps {
  label: string;
  value: string;
  onChange(v: string): void;
  strict: boolean;
  rows?: number;
}

/** A JSON Schema textarea: parse errors with their place, strict-mode problems, templates, format, import and export. */
export function SchemaField({ label, value, onChange, strict, rows = 12 }: SchemaFieldProps) {
  const id = useId();
  const jsonSchema = useJsonSchema();
  // Checking against the meta-schema builds a validator: once per change of the text, not per render.
  const { parsed, invalid, issues } = useMemo(() => {
    const parsed = value.trim() ? parseJson(value) : null;
    const invalid = parsed?.ok && jsonSchema ? jsonSchema.checkSchema(parsed.value) : [];
    const issues = parsed?.ok && strict && !invalid.length ? lintStrict(parsed.value) : [];
    return { parsed, invalid, issues };
  }, [value, strict, jsonSchema]);
  const importFile = async (file: File | undefined) => {
    if (file) onChange(await file.text());
  };
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={id} className="label">
          {label}
        </label>
        <div className="flex flex-wrap items-center gap-1">
          <select
            aria-label="Insert a template"
            className="input h-7 px-1 text-xs"
            value=""
            onChange={(e) =>
              e.target.value && onChange(JSON.stringify(SCHEMA_TEMPLATES[e.target.value], null, 2))
            }
          >
            <option value="">Template…</option>
            {Object.keys(SCHEMA_TEMPLATES).map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
          <Button
            variant="ghost"
            size="sm"
            disabled={!parsed?.ok}
            onClick={() => parsed?.ok && onChange(JSON.stringify(parsed.value, null, 2))}
          >
            Format
          </Button>
          {/* biome-ignore lint/a11y/noLabelWithoutControl: the file input inside is the control */}
          <Button variant="ghost" size="sm" className="cursor-pointer" render={<label />}>
            Import
            <input
              type="file"
              accept=".json,application/json"
              hidden
              onChange={(e) => void importFile(e.target.files?.[0])}
            />
          </Button>
          <Button
            variant="ghost"
            size="sm"
            render={
              <a
                download="schema.json"
                href={`data:application/json;charset=utf-8,${encodeURIComponent(value)}`}
              />
            }
          >
            Export
          </Button>
        </div>
      </div>
      <textarea
        id={id}
        rows={rows}
        spellCheck={false}
        className="input h-auto w-full py-2 font-mono text-xs leading-relaxed"
        value={value}
        aria-invalid={(parsed && !parsed.ok) || invalid.length ? true : undefined}
        aria-describedby={`${id}-status`}
        onChange={(e) => onChange(e.target.value)}
      />
      <div id={`${id}-status`} className="text-xs" data-testid="schema-status">
        {parsed && !parsed.ok ? (
          <p className="text-danger">
            Invalid JSON{position(value, parsed.message)}: {parsed.message}
          </p>
        ) : invalid.length ? (
          <div className="text-danger">
            <p>Not a valid JSON Schema:</p>
            <ul className="list-disc wrap-anywhere pl-4">
              {invalid.slice(0, 8).map((i) => (
                <li key={`${i.path}${i.message}`}>
                  <span className="font-mono">{i.path}</span>: {i.message}
                </li>
              ))}
            </ul>
          </div>
        ) : issues.length ? (
          <ul className="list-disc pl-4 text-warning">
            {issues.slice(0, 8).map((i) => (
              <li key={`${i.path}${i.message}`}>
                <span className="font-mono">{i.path}</span>: {i.message}
              </li>
            ))}
          </ul>
        ) : parsed && jsonSchema ? (
          <p className="text-success">Valid{strict ? " for strict mode" : ""}.</p>
        ) : null}
      </div>
    </div>
  );
}
