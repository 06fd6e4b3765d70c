"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { BuiltinTools, ResponseFormat, Setup } from "@/lib/playground/types";
import { ParamRow, Section } from "./param-controls";
import { SCHEMA_TEMPLATES, SchemaField } from "./schema-field";
import { usePlayground } from "./store";

const DEFAULT_SCHEMA = JSON.stringify(SCHEMA_TEMPLATES["List of items"], null, 2);

export function FormatPanel({ setup, disabledReason }: { setup: Setup; disabledReason: string | null }) {
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
      <ParamRow label="Format" disabledReason={disabledReason}>
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
          <button
            type="button"
            className="btn h-7 px-2 text-xs"
            onClick={() => setEditing(true)}
            data-testid="edit-schema"
          >
            Edit schema
          </button>
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
              <button type="button" className="btn btn-primary" onClick={() => setEditing(false)}>
                Done
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </Section>
  );
}

/** Responses' hosted tools; the upstream may not offer them all (other servers rarely do). */
export function BuiltinToolsPanel({
  setup,
  disabledReason,
}: {
  setup: Setup;
  disabledReason: string | null;
}) {
  const update = usePlayground((s) => s.update);
  const bt = setup.builtinTools;
  const set = (patch: Partial<BuiltinTools>) => update({ builtinTools: { ...bt, ...patch } });
  const box = (label: string, on: boolean, toggle: (v: boolean) => void) => (
    <label className="flex items-center gap-2 text-xs">
      <input
        type="checkbox"
        disabled={Boolean(disabledReason)}
        checked={on}
        onChange={(e) => toggle(e.target.checked)}
      />
      {label}
    </label>
  );
  return (
    <Section title="Built-in tools" defaultOpen={Object.values(bt).some((t) => t.enabled)}>
      {disabledReason && <p className="text-[11px] text-muted">{disabledReason}</p>}
      {box("File search", bt.fileSearch.enabled, (enabled) =>
        set({ fileSearch: { ...bt.fileSearch, enabled } }),
      )}
      {bt.fileSearch.enabled && (
        <label className="block space-y-1 pl-5 text-xs">
          <span className="label">Vector store ids</span>
          <input
            className="input h-7 w-full px-2 font-mono text-xs"
            placeholder="vs_…, vs_…"
            value={bt.fileSearch.vectorStoreIds.join(", ")}
            onChange={(e) =>
              set({
                fileSearch: {
                  ...bt.fileSearch,
                  vectorStoreIds: e.target.value.split(/[\s,]+/).filter(Boolean),
                },
              })
            }
          />
        </label>
      )}
      {box("Web search", bt.webSearch.enabled, (enabled) => set({ webSearch: { ...bt.webSearch, enabled } }))}
      {box("Code interpreter", bt.codeInterpreter.enabled, (enabled) =>
        set({ codeInterpreter: { enabled } }),
      )}
      {box("Image generation", bt.imageGeneration.enabled, (enabled) =>
        set({ imageGeneration: { enabled } }),
      )}
    </Section>
  );
}
