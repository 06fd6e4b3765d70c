"use client";

import { formatCount } from "@/lib/format";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { unavailable } from "@/lib/playground/availability";
import type {
  Params,
  ReasoningEffort,
  ReasoningSummary,
  ServiceTier,
  Setup,
  Verbosity,
} from "@/lib/playground/types";
import { MetadataEditor } from "./metadata-editor";
import { NumberParam, ParamRow, Section, SelectParam, UnavailableList } from "./param-controls";
import { StopSequences } from "./stop-sequences";

const EFFORTS: readonly ReasoningEffort[] = ["none", "minimal", "low", "medium", "high", "xhigh"];
const SUMMARIES: readonly ReasoningSummary[] = ["auto", "concise", "detailed"];
const VERBOSITY: readonly Verbosity[] = ["low", "medium", "high"];
const TIERS: readonly ServiceTier[] = ["auto", "default", "flex", "priority"];

export interface ParamsPanelProps {
  setup: Setup;
  model: ResolvedModel;
  onParams(patch: Partial<Params>): void;
  /** Compact: the handful of controls a compare column shows. */
  compact?: boolean;
}

export function ParamsPanel({ setup, model, onParams, compact = false }: ParamsPanelProps) {
  const p = setup.params;
  const off = unavailable(setup, model);
  const reason = (param: string) => off.get(param) ?? null;
  const sampling = (
    <>
      <NumberParam
        label="Temperature"
        value={p.temperature}
        min={0}
        max={2}
        step={0.05}
        placeholder="1"
        onChange={(temperature) => onParams({ temperature })}
        disabledReason={reason("temperature")}
      />
      <NumberParam
        label="Max output tokens"
        value={p.maxOutputTokens}
        min={setup.api === "responses" ? 16 : 1}
        max={model.maxOutput}
        step={1}
        slider={false}
        placeholder={`up to ${formatCount(model.maxOutput)}`}
        onChange={(maxOutputTokens) => onParams({ maxOutputTokens })}
        hint={model.capabilities.reasoning ? "Includes reasoning tokens." : undefined}
      />
      <SelectParam
        label="Reasoning effort"
        value={p.reasoningEffort}
        options={EFFORTS}
        onChange={(reasoningEffort) => onParams({ reasoningEffort })}
        disabledReason={reason("reasoning_effort")}
      />
    </>
  );
  if (compact)
    return (
      <div className="space-y-3">
        {sampling}
        <UnavailableList off={off} />
      </div>
    );
  return (
    <div data-testid="params-panel">
      <Section title="Sampling">
        {sampling}
        <NumberParam
          label="Top P"
          value={p.topP}
          min={0}
          max={1}
          step={0.01}
          placeholder="1"
          onChange={(topP) => onParams({ topP })}
          disabledReason={reason("top_p")}
        />
        <NumberParam
          label="Presence penalty"
          value={p.presencePenalty}
          min={-2}
          max={2}
          step={0.1}
          placeholder="0"
          onChange={(presencePenalty) => onParams({ presencePenalty })}
          disabledReason={reason("presence_penalty")}
        />
        <NumberParam
          label="Frequency penalty"
          value={p.frequencyPenalty}
          min={-2}
          max={2}
          step={0.1}
          placeholder="0"
          onChange={(frequencyPenalty) => onParams({ frequencyPenalty })}
          disabledReason={reason("frequency_penalty")}
        />
        <StopSequences
          value={p.stop}
          onChange={(stop) => onParams({ stop })}
          disabledReason={reason("stop")}
        />
        <NumberParam
          label="Seed"
          value={p.seed}
          min={0}
          max={2 ** 31}
          step={1}
          slider={false}
          placeholder="random"
          onChange={(seed) => onParams({ seed })}
          disabledReason={reason("seed")}
        />
        <NumberParam
          label="Choices (n)"
          value={p.n}
          min={1}
          max={128}
          step={1}
          slider={false}
          placeholder="1"
          onChange={(n) => onParams({ n })}
          disabledReason={reason("n")}
          hint="Every choice is billed."
        />
        <ParamRow
          label="Logit bias"
          disabledReason={reason("logit_bias")}
          hint='Token id → bias from -100 to 100, e.g. {"1734": -100}.'
        >
          {(id, disabled) => (
            <textarea
              id={id}
              disabled={disabled}
              rows={2}
              spellCheck={false}
              value={p.logitBias}
              onChange={(e) => onParams({ logitBias: e.target.value })}
              className="input h-auto w-full py-1 font-mono text-xs"
              placeholder="{}"
            />
          )}
        </ParamRow>
      </Section>
      <Section title="Reasoning and output" defaultOpen={model.capabilities.reasoning}>
        <SelectParam
          label="Reasoning summary"
          value={p.reasoningSummary}
          options={SUMMARIES}
          onChange={(reasoningSummary) => onParams({ reasoningSummary })}
          disabledReason={reason("reasoning_summary")}
          unset="off"
        />
        <SelectParam
          label="Verbosity"
          value={p.verbosity}
          options={VERBOSITY}
          onChange={(verbosity) => onParams({ verbosity })}
          disabledReason={reason("verbosity")}
        />
        <ParamRow label="Log probabilities" disabledReason={reason("logprobs")}>
          {(id, disabled) => (
            <div className="flex items-center gap-2">
              <input
                id={id}
                type="checkbox"
                disabled={disabled}
                checked={p.logprobs}
                onChange={(e) => onParams({ logprobs: e.target.checked })}
              />
              <span className="text-muted text-xs">top</span>
              <input
                aria-label="Top logprobs"
                type="number"
                min={0}
                max={setup.api === "completions" ? 5 : 20}
                disabled={disabled || !p.logprobs}
                value={p.topLogprobs ?? ""}
                placeholder="0"
                onChange={(e) =>
                  onParams({ topLogprobs: e.target.value === "" ? undefined : Number(e.target.value) })
                }
                className="input h-7 w-16 px-2 text-xs"
              />
            </div>
          )}
        </ParamRow>
      </Section>
      <Section title="Account" defaultOpen={false}>
        <SelectParam
          label="Service tier"
          value={p.serviceTier}
          options={TIERS}
          onChange={(serviceTier) => onParams({ serviceTier })}
          disabledReason={reason("service_tier")}
        />
        <ParamRow
          label="Store"
          disabledReason={reason("store")}
          hint={
            setup.api === "responses"
              ? "Responses stores by default (30 days)."
              : "Chat Completions does not store by default."
          }
        >
          {(id, disabled) => (
            <select
              id={id}
              disabled={disabled}
              className="input h-7 w-full px-2 text-xs"
              value={p.store === undefined ? "" : String(p.store)}
              onChange={(e) =>
                onParams({ store: e.target.value === "" ? undefined : e.target.value === "true" })
              }
            >
              <option value="">default</option>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          )}
        </ParamRow>
        <MetadataEditor
          value={p.metadata}
          onChange={(metadata) => onParams({ metadata })}
          disabledReason={reason("metadata")}
        />
      </Section>
      <UnavailableList off={off} />
    </div>
  );
}
