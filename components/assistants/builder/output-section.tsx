"use client";

import { SchemaField } from "@/components/editors/schema-field";
import { fieldId } from "@/lib/assistants/builder";
import { type AssistantResponseFormat, TRUNCATIONS } from "@/lib/assistants/schema";
import {
  PARAM_BOUNDS,
  REASONING_EFFORTS,
  REASONING_SUMMARIES,
  TOOL_CHOICES,
  VERBOSITIES,
} from "@/lib/openai-facts";
import type { SectionProps } from "./basics-section";
import { Choice, INPUT, Num, Row, Section } from "./fields";
import { MetadataPairs } from "./metadata-pairs";

const FORMATS = { text: "Text", json_object: "JSON object", json_schema: "JSON schema" } as const;

/** Response format and the model settings; what the model does not take is disabled with the catalogue's reason. */
export function OutputSection({ config, onChange, model }: SectionProps) {
  const caps = model.capabilities;
  const noReasoning = caps.reasoning ? null : `${model.label} is not a reasoning model.`;
  const noSampling = !caps.sampling
    ? `${model.label} does not take sampling controls (temperature, top_p).`
    : caps.samplingRequiresEffortNone && config.reasoningEffort !== "none"
      ? `${model.label} takes temperature and top_p only with reasoning effort "none".`
      : null;
  const noSchema = caps.structuredOutputs ? null : `${model.label} does not support structured outputs.`;
  const rf = config.responseFormat;
  const setFormat = (type: AssistantResponseFormat["type"]) =>
    onChange({
      responseFormat:
        type === "json_schema"
          ? { type, name: "answer", strict: true, schema: rf.type === "json_schema" ? rf.schema : "" }
          : { type },
    });
  return (
    <>
      <Section title="Response format">
        <Row
          path="responseFormat"
          label="Format"
          hint={rf.type === "json_schema" ? undefined : (noSchema ?? undefined)}
        >
          {(id) => (
            <select
              id={id}
              className={`${INPUT} sm:w-60`}
              value={rf.type}
              onChange={(e) => setFormat(e.target.value as AssistantResponseFormat["type"])}
            >
              {Object.entries(FORMATS).map(([v, label]) => (
                <option key={v} value={v} disabled={v === "json_schema" && Boolean(noSchema)}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Row>
        {rf.type === "json_schema" && (
          <>
            <div className="flex flex-wrap items-end gap-3">
              <Row path="responseFormat.name" label="Schema name" className="w-60">
                {(id) => (
                  <input
                    id={id}
                    className={`${INPUT} font-mono text-xs`}
                    value={rf.name}
                    onChange={(e) => onChange({ responseFormat: { ...rf, name: e.target.value } })}
                  />
                )}
              </Row>
              <label className="flex h-8 items-center gap-2 text-xs">
                <input
                  type="checkbox"
                  checked={rf.strict}
                  onChange={(e) => onChange({ responseFormat: { ...rf, strict: e.target.checked } })}
                />
                Strict
              </label>
            </div>
            <div id={fieldId("responseFormat.schema")}>
              <SchemaField
                label="Schema"
                value={rf.schema}
                strict={rf.strict}
                rows={10}
                onChange={(schema) => onChange({ responseFormat: { ...rf, schema } })}
              />
            </div>
          </>
        )}
      </Section>
      <Section title="Model settings">
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <Choice
            path="reasoningEffort"
            label="Reasoning effort"
            unset="default"
            options={REASONING_EFFORTS}
            disabledReason={noReasoning}
            value={config.reasoningEffort}
            onChange={(reasoningEffort) => onChange({ reasoningEffort })}
          />
          <Choice
            path="reasoningSummary"
            label="Reasoning summary"
            unset="none"
            options={REASONING_SUMMARIES}
            disabledReason={noReasoning}
            value={config.reasoningSummary}
            onChange={(reasoningSummary) => onChange({ reasoningSummary })}
          />
          <Choice
            path="verbosity"
            label="Verbosity"
            unset="default"
            options={VERBOSITIES}
            value={config.verbosity}
            onChange={(verbosity) => onChange({ verbosity })}
          />
          <Num
            path="temperature"
            label="Temperature"
            {...PARAM_BOUNDS.temperature}
            step={0.1}
            disabledReason={noSampling}
            value={config.temperature}
            onChange={(temperature) => onChange({ temperature })}
          />
          <Num
            path="topP"
            label="Top P"
            {...PARAM_BOUNDS.topP}
            step={0.05}
            disabledReason={noSampling}
            value={config.topP}
            onChange={(topP) => onChange({ topP })}
          />
          <Num
            path="maxOutputTokens"
            label="Max output tokens"
            min={16}
            max={model.maxOutput || undefined}
            step={1}
            placeholder={model.maxOutput ? `default (≤ ${model.maxOutput})` : "default"}
            value={config.maxOutputTokens}
            onChange={(maxOutputTokens) => onChange({ maxOutputTokens })}
          />
          <Choice
            path="truncation"
            label="Truncation"
            unset="default (disabled)"
            options={TRUNCATIONS}
            value={config.truncation}
            onChange={(truncation) => onChange({ truncation })}
          />
          <Num
            path="compactThreshold"
            label="Compaction threshold"
            min={1000}
            step={1000}
            placeholder="off"
            hint="Compact the conversation server-side above this many tokens."
            value={config.compactThreshold}
            onChange={(compactThreshold) => onChange({ compactThreshold })}
          />
          <Choice
            path="toolChoice"
            label="Tool choice"
            unset="default (auto)"
            options={TOOL_CHOICES}
            value={config.toolChoice}
            onChange={(toolChoice) => onChange({ toolChoice })}
          />
        </div>
        <div className="flex flex-wrap gap-4 text-xs">
          <Tri
            label="Store responses"
            path="store"
            value={config.store}
            onChange={(store) => onChange({ store })}
          />
          <Tri
            label="Parallel tool calls"
            path="parallelToolCalls"
            value={config.parallelToolCalls}
            onChange={(parallelToolCalls) => onChange({ parallelToolCalls })}
          />
        </div>
        <MetadataPairs value={config.metadata} onChange={(metadata) => onChange({ metadata })} />
      </Section>
    </>
  );
}

/** A boolean that may be left to the API's default. */
function Tri({
  label,
  path,
  value,
  onChange,
}: {
  label: string;
  path: string;
  value: boolean | undefined;
  onChange(v: boolean | undefined): void;
}) {
  return (
    <label className="flex items-center gap-2 whitespace-nowrap">
      {label}
      <select
        id={fieldId(path)}
        className="input h-7 px-1 text-xs"
        value={value === undefined ? "" : String(value)}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value === "true")}
      >
        <option value="">default</option>
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    </label>
  );
}
