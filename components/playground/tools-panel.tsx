"use client";

import { useState } from "react";
import { SchemaField } from "@/components/editors/schema-field";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { newId } from "@/lib/ids";
import type { FunctionTool, Setup, ToolChoice } from "@/lib/playground/types";
import { ParamRow, Section } from "./param-controls";
import { usePlayground } from "./store";

function blankTool(n: number): FunctionTool {
  return {
    id: newId("tool"),
    name: n ? `function_${n + 1}` : "get_weather",
    description: n ? "" : "Get the current weather for a location",
    parameters: JSON.stringify(
      {
        type: "object",
        properties: { location: { type: "string" } },
        required: ["location"],
        additionalProperties: false,
      },
      null,
      2,
    ),
    strict: true,
  };
}

/** OpenAI's tool list format (Responses style) ⇄ the editor's tools. */
function importTools(text: string): FunctionTool[] {
  const raw: unknown = JSON.parse(text);
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((t) => {
    const f = (t.function ?? t) as {
      name?: string;
      description?: string;
      parameters?: unknown;
      strict?: boolean;
    };
    if (!f.name) throw new Error("Every tool needs a name.");
    return {
      id: newId("tool"),
      name: f.name,
      description: f.description ?? "",
      parameters: JSON.stringify(f.parameters ?? {}, null, 2),
      strict: f.strict ?? false,
    };
  });
}

export function ToolsPanel({ setup }: { setup: Setup }) {
  const update = usePlayground((s) => s.update);
  const [editing, setEditing] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const tool = setup.tools.find((t) => t.id === editing);
  const setTools = (tools: FunctionTool[]) => update({ tools });
  const choiceValue = typeof setup.toolChoice === "object" ? `fn:${setup.toolChoice.name}` : setup.toolChoice;
  const exportHref = `data:application/json;charset=utf-8,${encodeURIComponent(
    JSON.stringify(
      setup.tools.map((t) => ({
        type: "function",
        name: t.name,
        description: t.description,
        parameters: safeParse(t.parameters),
        strict: t.strict,
      })),
      null,
      2,
    ),
  )}`;
  return (
    <Section title={`Functions${setup.tools.length ? ` (${setup.tools.length})` : ""}`} defaultOpen>
      <ul className="space-y-1" data-testid="tool-list">
        {setup.tools.map((t) => (
          <li
            key={t.id}
            className="flex items-center gap-1 rounded-md border border-border px-2 py-1 text-xs"
          >
            <button
              type="button"
              className="min-w-0 flex-1 truncate text-left font-mono hover:underline"
              onClick={() => setEditing(t.id)}
            >
              {t.name || "(unnamed)"}
            </button>
            {t.strict && <span className="text-[10px] text-muted">strict</span>}
            <button
              type="button"
              className="text-muted hover:text-fg"
              aria-label={`Delete tool ${t.name}`}
              onClick={() => setTools(setup.tools.filter((x) => x.id !== t.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-1">
        <Button
          size="sm"
          data-testid="add-tool"
          onClick={() => {
            const t = blankTool(setup.tools.length);
            setTools([...setup.tools, t]);
            setEditing(t.id);
          }}
        >
          + Function
        </Button>
        {/* biome-ignore lint/a11y/noLabelWithoutControl: the file input inside is the control */}
        <Button variant="ghost" size="sm" className="cursor-pointer" render={<label />}>
          Import
          <input
            type="file"
            accept=".json,application/json"
            hidden
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              try {
                setTools([...setup.tools, ...importTools(await f.text())]);
                setImportError(null);
              } catch (err) {
                setImportError(`Could not import: ${err instanceof Error ? err.message : "invalid file"}`);
              }
            }}
          />
        </Button>
        {setup.tools.length > 0 && (
          <Button variant="ghost" size="sm" render={<a download="tools.json" href={exportHref} />}>
            Export
          </Button>
        )}
      </div>
      {importError && <p className="text-danger text-xs">{importError}</p>}
      {setup.tools.length > 0 && (
        <>
          <ParamRow label="Tool choice">
            {(id) => (
              <select
                id={id}
                className="input h-7 w-full px-2 text-xs"
                value={choiceValue}
                onChange={(e) => {
                  const v = e.target.value;
                  update({ toolChoice: (v.startsWith("fn:") ? { name: v.slice(3) } : v) as ToolChoice });
                }}
              >
                <option value="auto">auto</option>
                <option value="none">none</option>
                <option value="required">required</option>
                {setup.tools.map((t) => (
                  <option key={t.id} value={`fn:${t.name}`}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </ParamRow>
          <label className="flex items-center gap-2 text-xs">
            <input
              type="checkbox"
              checked={setup.parallelToolCalls}
              onChange={(e) => update({ parallelToolCalls: e.target.checked })}
            />
            Parallel tool calls
          </label>
        </>
      )}
      {tool && (
        <Dialog
          title="Function"
          description="Sent as a tool the model may call. Its definition counts as input tokens."
          onClose={() => setEditing(null)}
          size="md"
        >
          <ToolForm
            tool={tool}
            onChange={(t) => setTools(setup.tools.map((x) => (x.id === t.id ? t : x)))}
            onDone={() => setEditing(null)}
          />
        </Dialog>
      )}
    </Section>
  );
}

function ToolForm({
  tool,
  onChange,
  onDone,
}: {
  tool: FunctionTool;
  onChange(t: FunctionTool): void;
  onDone(): void;
}) {
  return (
    <div className="space-y-3" data-testid="tool-form">
      <div className="grid grid-cols-2 gap-2">
        <label className="space-y-1 text-xs">
          <span className="label">Name</span>
          <input
            className="input h-8 w-full font-mono"
            value={tool.name}
            onChange={(e) => onChange({ ...tool, name: e.target.value })}
            aria-invalid={!/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name) || undefined}
          />
        </label>
        <label className="flex items-end gap-2 pb-2 text-xs">
          <input
            type="checkbox"
            checked={tool.strict}
            onChange={(e) => onChange({ ...tool, strict: e.target.checked })}
          />
          Strict (arguments always match the schema)
        </label>
      </div>
      <label className="block space-y-1 text-xs">
        <span className="label">Description</span>
        <input
          className="input h-8 w-full"
          value={tool.description}
          onChange={(e) => onChange({ ...tool, description: e.target.value })}
        />
      </label>
      <SchemaField
        label="Parameters (JSON Schema)"
        value={tool.parameters}
        strict={tool.strict}
        onChange={(parameters) => onChange({ ...tool, parameters })}
      />
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
