"use client";

import { Button } from "@/components/ui/button";
import { addFromInstructions, fieldId, undeclared } from "@/lib/assistants/builder";
import { ASSISTANT_LIMITS, type AssistantVariable, VARIABLE_TYPES } from "@/lib/assistants/schema";
import type { SectionProps } from "./basics-section";
import { INPUT, ListInput, Section } from "./fields";

/** Typed `{{variables}}`: a default makes one optional; without it a caller must give a value. */
export function VariablesSection({ config, onChange }: SectionProps) {
  const vars = config.variables;
  const set = (i: number, patch: Partial<AssistantVariable>) =>
    onChange({ variables: vars.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const missing = undeclared(config);
  return (
    <Section
      title={`Variables${vars.length ? ` (${vars.length})` : ""}`}
      actions={
        <div className="flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            disabled={!missing.length}
            title={missing.length ? `Declares ${missing.join(", ")}` : "Every placeholder is declared"}
            onClick={() => onChange({ variables: addFromInstructions(config) })}
          >
            Add from instructions
          </Button>
          <Button
            size="sm"
            disabled={vars.length >= ASSISTANT_LIMITS.variables}
            onClick={() =>
              onChange({
                variables: [...vars, { name: `var_${vars.length + 1}`, type: "string", description: "" }],
              })
            }
          >
            + Variable
          </Button>
        </div>
      }
    >
      <div id={fieldId("variables")} className="space-y-2">
        {vars.length === 0 && (
          <p className="text-muted text-xs">
            None. Placeholders in the instructions are filled by the caller's <code>prompt.variables</code>.
          </p>
        )}
        {vars.map((v, i) => (
          <VariableRow
            // biome-ignore lint/suspicious/noArrayIndexKey: a renamed variable keeps its row
            key={i}
            v={v}
            onChange={(p) => set(i, p)}
            onRemove={() => onChange({ variables: vars.filter((_, j) => j !== i) })}
          />
        ))}
      </div>
    </Section>
  );
}

function VariableRow({
  v,
  onChange,
  onRemove,
}: {
  v: AssistantVariable;
  onChange(p: Partial<AssistantVariable>): void;
  onRemove(): void;
}) {
  const required = v.default === undefined;
  const base = fieldId(`variables.${v.name}`);
  return (
    <div
      data-testid="assistant-variable"
      data-name={v.name}
      className="grid grid-cols-[minmax(0,1fr)_7rem_auto] gap-2 rounded-md border border-border p-2 sm:grid-cols-[10rem_7rem_minmax(0,1fr)_auto]"
    >
      <input
        id={base}
        aria-label="Variable name"
        className={`${INPUT} font-mono text-xs`}
        value={v.name}
        onChange={(e) => onChange({ name: e.target.value })}
      />
      <select
        aria-label={`Type of ${v.name}`}
        className={INPUT}
        value={v.type}
        onChange={(e) => {
          const type = e.target.value as AssistantVariable["type"];
          onChange({ type, options: type === "enum" ? (v.options ?? []) : undefined });
        }}
      >
        {VARIABLE_TYPES.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <div className="col-span-3 flex min-w-0 items-center gap-2 max-sm:order-1 sm:col-span-1">
        <label className="flex shrink-0 items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={required}
            onChange={(e) => onChange({ default: e.target.checked ? undefined : "" })}
          />
          Required
        </label>
        {!required &&
          (v.type === "boolean" ? (
            <select
              aria-label={`Default of ${v.name}`}
              className={INPUT}
              value={v.default}
              onChange={(e) => onChange({ default: e.target.value })}
            >
              <option value="">(choose)</option>
              <option>true</option>
              <option>false</option>
            </select>
          ) : (
            <input
              id={fieldId(`variables.${v.name}.default`)}
              aria-label={`Default of ${v.name}`}
              type={v.type === "number" || v.type === "integer" ? "number" : "text"}
              step={v.type === "integer" ? 1 : "any"}
              className={INPUT}
              placeholder="Default"
              value={v.default}
              onChange={(e) => onChange({ default: e.target.value })}
            />
          ))}
      </div>
      <Button size="sm" variant="ghost" aria-label={`Remove variable ${v.name}`} onClick={onRemove}>
        ×
      </Button>
      <input
        aria-label={`Description of ${v.name}`}
        className={`${INPUT} col-span-3 max-sm:order-2 sm:col-span-2`}
        placeholder="Description (for callers)"
        value={v.description}
        onChange={(e) => onChange({ description: e.target.value })}
      />
      {v.type === "enum" && (
        <div className="col-span-3 max-sm:order-3 sm:col-span-2">
          <ListInput
            id={fieldId(`variables.${v.name}.options`)}
            label={`Options of ${v.name}`}
            placeholder="Allowed values: a, b, c"
            value={v.options ?? []}
            onChange={(options) => onChange({ options })}
          />
        </div>
      )}
    </div>
  );
}
