"use client";

import { SchemaField } from "@/components/editors/schema-field";
import { fieldId } from "@/lib/assistants/builder";
import { INPUT, MONO, Row } from "./fields";
import type { ToolEditorProps } from "./tool-types";

/** A function tool: the playground's schema field (parse errors, meta-schema, strict lint) and a mocked output. */
export function FunctionToolEditor({ tool, path, onChange }: ToolEditorProps<"function">) {
  const set = (patch: Partial<typeof tool>) => onChange({ ...tool, ...patch });
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[14rem_1fr]">
        <Row path={`${path}.name`} label="Name">
          {(id) => (
            <input
              id={id}
              className={`${INPUT} font-mono text-xs`}
              value={tool.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Row>
        <Row path={`${path}.description`} label="Description">
          {(id) => (
            <input
              id={id}
              className={INPUT}
              placeholder="When the model should call it"
              value={tool.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          )}
        </Row>
      </div>
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" checked={tool.strict} onChange={(e) => set({ strict: e.target.checked })} />
        Strict (arguments always match the schema)
      </label>
      <div id={fieldId(`${path}.parameters`)}>
        <SchemaField
          label="Parameters (JSON Schema)"
          value={tool.parameters}
          strict={tool.strict}
          rows={8}
          onChange={(parameters) => set({ parameters })}
        />
      </div>
      <Row
        path={`${path}.mockOutput`}
        label="Mocked output"
        hint="The test chat can answer calls with this instead of asking you. Not sent to the API."
      >
        {(id) => (
          <textarea
            id={id}
            rows={3}
            spellCheck={false}
            className={MONO}
            placeholder='{"temperature": 21, "unit": "celsius"}'
            value={tool.mockOutput ?? ""}
            onChange={(e) => set({ mockOutput: e.target.value || undefined })}
          />
        )}
      </Row>
    </div>
  );
}
