"use client";

import { useState } from "react";
import { SCHEMA_TEMPLATES, SchemaField } from "@/components/editors/schema-field";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ResponseFormat, Setup } from "@/lib/playground/types";
import { ParamRow, Section } from "./param-controls";
import { usePlayground } from "./store";

const DEFAULT_SCHEMA = JSON.stringify(SCHEMA_TEMPLATES["List of items"], null, 2);

export function FormatPanel({ setup }: { setup: Setup }) {
  const update = usePlayground((s) => s.update);
  const [editing, setEditing] = useState(false);
  const f = setup.responseFormat;
  const set = (type: ResponseFormat["type"]) =>
    update({
      responseFormat:
        type === "json_schema"
          ? {
              type,
              name: "response",
              schema: f.type === "json_schema" ? f.schema : DEFAULT_SCHEMA,
              strict: true,
            }
          : { type },
    });
  return (
    <Section title="Response format" defaultOpen={f.type !== "text"}>
      <ParamRow label="Format">
        {(id, disabled) => (
          <select
            id={id}
            disabled={disabled}
            className="input h-7 w-full px-2 text-xs"
            value={f.type}
            onChange={(e) => set(e.target.value as ResponseFormat["type"])}
          >
            <option value="text">text</option>
            <option value="json_object">JSON object</option>
            <option value="json_schema">JSON schema</option>
          </select>
        )}
      </ParamRow>
      {f.type === "json_object" && (
        <p className="text-[11px] text-muted">
          The word “JSON” must appear in the messages or the upstream refuses the request. Output is valid
          JSON, not checked against a schema.
        </p>
      )}
      {f.type === "json_schema" && (
        <div className="flex items-center gap-2 text-xs">
          <span className="min-w-0 flex-1 truncate font-mono">{f.name}</span>
          <Button size="sm" onClick={() => setEditing(true)} data-testid="edit-schema">
            Edit schema
          </Button>
        </div>
      )}
      {editing && f.type === "json_schema" && (
        <Dialog
          title="Response schema"
          description="The model's output must match it; Benchtop checks each output against it too."
          onClose={() => setEditing(false)}
          size="md"
        >
          <div className="space-y-3">
            <div className="grid grid-cols-2 gap-2">
              <label className="space-y-1 text-xs">
                <span className="label">Name</span>
                <input
                  className="input h-8 w-full font-mono"
                  value={f.name}
                  onChange={(e) => update({ responseFormat: { ...f, name: e.target.value } })}
                />
              </label>
              <label className="flex items-end gap-2 pb-2 text-xs">
                <input
                  type="checkbox"
                  checked={f.strict}
                  onChange={(e) => update({ responseFormat: { ...f, strict: e.target.checked } })}
                />
                Strict
              </label>
            </div>
            <SchemaField
              label="Schema"
              value={f.schema}
              strict={f.strict}
              rows={16}
              onChange={(schema) => update({ responseFormat: { ...f, schema } })}
            />
            <div className="flex justify-end">
              <Button variant="primary" onClick={() => setEditing(false)}>
                Done
              </Button>
            </div>
          </div>
        </Dialog>
      )}
    </Section>
  );
}
