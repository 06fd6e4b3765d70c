"use client";

import { useCallback } from "react";
import { ModelPicker } from "@/components/models/model-picker";
import { type DraftProblems, HYPERPARAMETERS_OF, REASONING_EFFORTS } from "@/lib/fine-tuning/create";
import type { TrainingMethod } from "@/lib/fine-tuning/validate/checks";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { useCreateDraft } from "./store";

const METHODS: { value: TrainingMethod; label: string; hint: string }[] = [
  { value: "supervised", label: "Supervised", hint: "chat examples to imitate" },
  { value: "dpo", label: "DPO", hint: "preferred and non-preferred answers" },
  { value: "reinforcement", label: "Reinforcement", hint: "prompts and a grader" },
];

const HINTS: Record<string, string> = {
  n_epochs: "1–50",
  batch_size: "1–256",
  learning_rate_multiplier: "> 0",
  beta: "(0, 2]",
  compute_multiplier: "(0.00001, 10]",
  eval_interval: "≥ 1",
  eval_samples: "≥ 1",
};

function Problem({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span id={id} className="text-danger text-xs" data-testid={`problem-${id}`}>
      {text}
    </span>
  ) : null;
}

/** Method, base model, hyperparameters (auto when empty), suffix, seed, metadata, W&B, grader. */
export function JobSettings({ problems, shown }: { problems: DraftProblems; shown: boolean }) {
  const d = useCreateDraft();
  const method = d.method;
  const fits = useCallback((m: ResolvedModel) => m.fineTuning?.methods.includes(method) === true, [method]);
  const p = (key: string) => (shown ? problems[key] : undefined);
  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-wrap gap-3" data-testid="method">
        <legend className="label mb-1">Method</legend>
        {METHODS.map((m) => (
          <label key={m.value} className="flex items-center gap-1.5 text-sm">
            <input
              type="radio"
              name="method"
              value={m.value}
              checked={method === m.value}
              onChange={() => d.patch({ method: m.value })}
            />
            {m.label} <span className="text-muted">({m.hint})</span>
          </label>
        ))}
      </fieldset>
      <div className="flex max-w-md flex-col gap-1">
        <label className="label" htmlFor="ft-model">
          Base model
        </label>
        <ModelPicker id="ft-model" value={d.model} onChange={(model) => d.patch({ model })} filter={fits} />
        <Problem id="model" text={p("model")} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="label mb-1">Hyperparameters (empty = auto)</legend>
        <div className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-3">
          {HYPERPARAMETERS_OF[method].map((name) => {
            const key = `hyperparameters.${name}`;
            const value = d.hyperparameters[name] ?? "";
            return (
              // biome-ignore lint/a11y/noLabelWithoutControl: the control is the select or the input below
              <label key={name} className="flex flex-col gap-1 text-sm">
                <span className="font-mono text-xs">{name}</span>
                {name === "reasoning_effort" ? (
                  <select
                    className="input h-8"
                    value={value}
                    onChange={(e) => d.setHyperparameter(name, e.target.value)}
                  >
                    <option value="">auto</option>
                    {REASONING_EFFORTS.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                ) : (
                  <input
                    className="input h-8"
                    inputMode="decimal"
                    placeholder={`auto (${HINTS[name]})`}
                    value={value}
                    aria-invalid={Boolean(p(key))}
                    aria-describedby={p(key) ? key : undefined}
                    onChange={(e) => d.setHyperparameter(name, e.target.value)}
                    data-testid={`hp-${name}`}
                  />
                )}
                <Problem id={key} text={p(key)} />
              </label>
            );
          })}
        </div>
      </fieldset>
      {method === "reinforcement" && (
        <label className="flex flex-col gap-1 text-sm">
          <span className="label">Grader (JSON)</span>
          <textarea
            className="input min-h-28 font-mono text-xs"
            placeholder='{"type": "string_check", "name": "exact", "input": "{{sample.output_text}}", "reference": "{{item.reference_answer}}", "operation": "eq"}'
            value={d.grader}
            onChange={(e) => d.patch({ grader: e.target.value })}
            data-testid="grader"
          />
          <Problem id="grader" text={p("grader")} />
        </label>
      )}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="label">Suffix</span>
          <input
            className="input h-8"
            maxLength={80}
            value={d.suffix}
            onChange={(e) => d.patch({ suffix: e.target.value })}
            data-testid="suffix"
          />
          <Problem id="suffix" text={p("suffix")} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="label">Seed</span>
          <input
            className="input h-8"
            inputMode="numeric"
            placeholder="random"
            value={d.seed}
            onChange={(e) => d.patch({ seed: e.target.value })}
            data-testid="seed"
          />
          <Problem id="seed" text={p("seed")} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="label">Metadata (JSON)</span>
          <input
            className="input h-8 font-mono"
            placeholder='{"team": "search"}'
            value={d.metadata}
            onChange={(e) => d.patch({ metadata: e.target.value })}
            data-testid="metadata"
          />
          <Problem id="metadata" text={p("metadata")} />
        </label>
      </div>
      <fieldset className="flex flex-col gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={d.wandb.enabled}
            onChange={(e) => d.setWandb({ enabled: e.target.checked })}
            data-testid="wandb"
          />
          Report to Weights &amp; Biases{" "}
          <span className="text-muted">(needs the organisation's W&amp;B key)</span>
        </label>
        {d.wandb.enabled && (
          <div className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-3">
            {(["project", "name", "entity", "tags"] as const).map((k) => (
              <label key={k} className="flex flex-col gap-1 text-sm">
                <span className="label">
                  {k === "tags" ? "Tags (comma-separated)" : k[0]?.toUpperCase() + k.slice(1)}
                </span>
                <input
                  className="input h-8"
                  value={d.wandb[k]}
                  onChange={(e) => d.setWandb({ [k]: e.target.value })}
                  data-testid={`wandb-${k}`}
                />
                <Problem id={`wandb.${k}`} text={p(`wandb.${k}`)} />
              </label>
            ))}
          </div>
        )}
      </fieldset>
    </div>
  );
}
