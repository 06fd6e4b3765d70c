"use client";

import type { VariableProblem } from "@/lib/assistants/chat-request";
import type { AssistantVariable } from "@/lib/assistants/schema";

export interface VariablesPanelProps {
  variables: AssistantVariable[];
  values: Record<string, string>;
  problems: VariableProblem[];
  onChange(name: string, value: string): void;
}

/** The version's `{{variables}}`, each with an input of its type, its default filled in, required ones marked. */
export function VariablesPanel({ variables, values, problems, onChange }: VariablesPanelProps) {
  if (!variables.length) return <p className="text-muted text-xs">This version has no variables.</p>;
  return (
    <div className="space-y-3" data-testid="chat-variables">
      {variables.map((v) => {
        const id = `chat-var-${v.name}`;
        const value = values[v.name] ?? "";
        const problem = problems.find((p) => p.name === v.name);
        const common = {
          id,
          "data-testid": `chat-variable-${v.name}`,
          "aria-invalid": problem ? true : undefined,
          "aria-describedby": problem ? `${id}-problem` : undefined,
        };
        return (
          <div key={v.name} className="space-y-1">
            <label htmlFor={id} className="label flex items-baseline gap-1">
              <span className="font-mono">{v.name}</span>
              {v.default === undefined && (
                <span className="text-danger" title="Required">
                  *<span className="sr-only"> (required)</span>
                </span>
              )}
              <span className="ml-auto font-normal text-muted">{v.type}</span>
            </label>
            {v.type === "enum" || v.type === "boolean" ? (
              <select
                {...common}
                className="input"
                value={value}
                onChange={(e) => onChange(v.name, e.target.value)}
              >
                <option value="">—</option>
                {(v.type === "boolean" ? ["true", "false"] : (v.options ?? [])).map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : v.type === "string" ? (
              <textarea
                {...common}
                className="input h-auto min-h-8 py-1.5"
                rows={value.includes("\n") ? 4 : 1}
                value={value}
                onChange={(e) => onChange(v.name, e.target.value)}
              />
            ) : (
              <input
                {...common}
                className="input"
                type="number"
                step={v.type === "integer" ? 1 : "any"}
                value={value}
                onChange={(e) => onChange(v.name, e.target.value)}
              />
            )}
            {v.description && <p className="text-muted text-xs">{v.description}</p>}
            {problem && (
              <p id={`${id}-problem`} className="text-danger text-xs">
                {problem.message}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
