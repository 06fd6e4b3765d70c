"use client";

import { formatCount } from "@/lib/format";
import type { ResolvedModel } from "@/lib/models/catalogue";
import {
  MIN_OUTPUT_TOKENS,
  PARAM_BOUNDS,
  REASONING_EFFORTS,
  REASONING_SUMMARIES,
  SERVICE_TIERS,
  TOP_LOGPROBS_MAX,
  VERBOSITIES,
} from "@/lib/openai-facts";
import { unavailable } from "@/lib/playground/availability";
import { COMPLETIONS_API_MAX_TOKENS, defaultMaxOutput } from "@/lib/playground/defaults";
import type { Params, Setup } from "@/lib/playground/types";
import { MetadataEditor } from "./metadata-editor";
import { NumberParam, ParamRow, Section, SelectParam, UnavailableList } from "./param-controls";
import { StopSequences } from "./stop-sequences";

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
  // What an empty field sends: nothing (the model's own limit) or, for Completions, Benchtop's default.
  const cap = defaultMaxOutput(setup.api, model);
  const sampling = (
    <>
      <NumberParam
        label="Temperature"
        value={p.temperature}
        {...PARAM_BOUNDS.temperature}
        step={0.05}
        placeholder="1"
        onChange={(temperature) => onParams({ temperature })}
        disabledReason={reason("temperature")}
      />
      <NumberParam
        label="Max output tokens"
        value={p.maxOutputTokens}
        min={MIN_OUTPUT_TOKENS[setup.api]}
        max={model.maxOutput}
        step={1}
        slider={false}
        placeholder={cap === null ? `up to ${formatCount(model.maxOutput)}` : formatCount(cap)}
        onChange={(maxOutputTokens) => onParams({ maxOutputTokens })}
        hint={
          cap !== null
            ? `Empty sends ${formatCount(cap)}; the API alone would stop at ${COMPLETIONS_API_MAX_TOKENS}.`
            : model.capabilities.reasoning
              ? "Includes reasoning tokens."
              : undefined
        }
      />
      <SelectParam
        label="Reasoning effort"
        value={p.reasoningEffort}
        options={REASONING_EFFORTS}
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
          {...PARAM_BOUNDS.topP}
          step={0.01}
          placeholder="1"
          onChange={(topP) => onParams({ topP })}
          disabledReason={reason("top_p")}
        />
        <NumberParam
          label="Presence penalty"
          value={p.presencePenalty}
          {...PARAM_BOUNDS.presencePenalty}
          step={0.1}
          placeholder="0"
          onChange={(presencePenalty) => onParams({ presencePenalty })}
          disabledReason={reason("presence_penalty")}
        />
        <NumberParam
          label="Frequency penalty"
          value={p.frequencyPenalty}
          {...PARAM_BOUNDS.frequencyPenalty}
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
          {...PARAM_BOUNDS.seed}
          step={1}
          slider={false}
          placeholder="random"
          onChange={(seed) => onParams({ seed })}
          disabledReason={reason("seed")}
        />
        <NumberParam
          label="Choices (n)"
          value={p.n}
          {...PARAM_BOUNDS.n}
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
          hint={`Token id → bias from ${PARAM_BOUNDS.logitBias.min} to ${PARAM_BOUNDS.logitBias.max}, e.g. {"1734": -100}.`}
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
          options={REASONING_SUMMARIES}
          onChange={(reasoningSummary) => onParams({ reasoningSummary })}
          disabledReason={reason("reasoning_summary")}
          unset="off"
        />
        <SelectParam
          label="Verbosity"
          value={p.verbosity}
          options={VERBOSITIES}
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
                max={TOP_LOGPROBS_MAX[setup.api]}
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
          options={SERVICE_TIERS}
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
