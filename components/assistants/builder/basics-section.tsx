"use client";

import { ModelPicker } from "@/components/models/model-picker";
import { ShutdownBadge } from "@/components/models/shutdown-badge";
import { Button } from "@/components/ui/button";
import { addFromInstructions, fieldId, placeholders, undeclared } from "@/lib/assistants/builder";
import { ASSISTANT_LIMITS, type AssistantConfig } from "@/lib/assistants/schema";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { INPUT, Row, Section } from "./fields";

export interface SectionProps {
  config: AssistantConfig;
  onChange(patch: Partial<AssistantConfig>): void;
  model: ResolvedModel;
}

/** Name, description, model and instructions with their `{{variables}}`. */
export function BasicsSection({ config, onChange, model }: SectionProps) {
  const used = placeholders(config.instructions);
  const missing = new Set(undeclared(config));
  return (
    <Section title="Assistant">
      <div className="grid gap-3 sm:grid-cols-2">
        <Row path="name" label="Name">
          {(id) => (
            <input
              id={id}
              data-testid="assistant-name"
              className={INPUT}
              maxLength={ASSISTANT_LIMITS.name}
              placeholder="Support triage"
              value={config.name}
              onChange={(e) => onChange({ name: e.target.value })}
            />
          )}
        </Row>
        <Row
          path="model"
          label={
            <span className="flex items-center gap-2">
              Model
              {model.shutdownDate && (
                <ShutdownBadge date={model.shutdownDate} testId="assistant-model-shutdown" />
              )}
            </span>
          }
        >
          {(id) => (
            <ModelPicker
              id={id}
              api="responses"
              data-testid="assistant-model"
              value={config.model}
              onChange={(m) => onChange({ model: m })}
            />
          )}
        </Row>
      </div>
      <Row path="description" label="Description">
        {(id) => (
          <input
            id={id}
            data-testid="assistant-description"
            className={INPUT}
            maxLength={ASSISTANT_LIMITS.description}
            placeholder="What it is for (shown in the list)"
            value={config.description}
            onChange={(e) => onChange({ description: e.target.value })}
          />
        )}
      </Row>
      <Row
        path="instructions"
        label="Instructions"
        hint={
          <>
            The system message. Write <code className="font-mono">{"{{name}}"}</code> where a variable goes.
          </>
        }
      >
        {(id) => (
          <textarea
            id={id}
            data-testid="assistant-instructions"
            spellCheck={false}
            className="input field-sizing-content h-auto max-h-[60vh] min-h-40 w-full px-2 py-2 font-mono text-xs leading-relaxed"
            placeholder="You are a helpful assistant for {{company}}…"
            value={config.instructions}
            onChange={(e) => onChange({ instructions: e.target.value })}
          />
        )}
      </Row>
      {used.length > 0 && (
        <div className="flex flex-wrap items-center gap-1 text-xs" data-testid="assistant-placeholders">
          <span className="text-muted">Placeholders:</span>
          {used.map((n) => (
            <a
              key={n}
              href={missing.has(n) ? `#${fieldId("variables")}` : `#${fieldId(`variables.${n}`)}`}
              className={`rounded px-1.5 py-0.5 font-mono ${missing.has(n) ? "bg-warning-soft text-warning" : "bg-accent-soft text-accent"}`}
              title={missing.has(n) ? "Not declared as a variable" : "Declared"}
            >
              {`{{${n}}}`}
            </a>
          ))}
          {missing.size > 0 && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => onChange({ variables: addFromInstructions(config) })}
            >
              Add from instructions
            </Button>
          )}
        </div>
      )}
    </Section>
  );
}
