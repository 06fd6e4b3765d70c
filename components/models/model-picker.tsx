"use client";

import { useMemo, useState } from "react";
import { useModels } from "@/components/queries/use-models";
import { Combobox } from "@/components/ui/combobox";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { catalogueIds, matchesQuery, type PickerModel, pickerGroups } from "@/lib/models/picker-groups";
import { API_SHORT_LABELS, type Api } from "@/lib/openai-facts";
import { ShutdownBadge } from "./shutdown-badge";

export interface ModelPickerProps {
  value: string;
  onChange(model: string): void;
  /** Offer only models that speak this API; without it (the tokenizer), every model. */
  api?: Api;
  /** The accessible name; the playground shows no visible label. */
  label?: string;
  id?: string;
  placeholder?: string;
  "data-testid"?: string;
  className?: string;
  /** Offer only the models this accepts (the fine-tuning form: fine-tunable bases). */
  filter?(model: ResolvedModel): boolean;
}

/**
 * Any model id may be typed (other servers, new releases) and is sent as typed; the list offers the
 * upstream's models and the catalogue's, grouped by family, with what each can do and when it shuts down.
 */
export function ModelPicker({
  value,
  onChange,
  api,
  label = "Model",
  id,
  placeholder = "Model id",
  "data-testid": testId = "model-input",
  className = "h-8 font-mono text-sm",
  filter,
}: ModelPickerProps) {
  const { models: chatModels, all, resolve, error, loaded } = useModels();
  // The images page lists the upstream's image models, which are not chat candidates.
  const offered = api === "images" ? all : chatModels;
  const models = useMemo(() => (filter ? offered.filter(filter) : offered), [offered, filter]);
  const catalogue = useMemo(() => {
    const list = catalogueIds(api === "images" ? "image" : "text").map(resolve);
    return filter ? list.filter(filter) : list;
  }, [resolve, api, filter]);
  const groups = useMemo(
    () =>
      pickerGroups({ upstream: models, catalogue, api }).map((g) => ({ label: g.family, items: g.items })),
    [models, catalogue, api],
  );
  // The input keeps what was typed, spaces included ("4o mini" searches); the value sent is trimmed.
  const [text, setText] = useState(value);
  const [last, setLast] = useState(value);
  if (value !== last) {
    setLast(value);
    if (text.trim() !== value) setText(value);
  }
  const hintId = `${id ?? testId}-hint`;
  const unlisted = loaded && !error && value !== "" && !models.some((m) => m.model === value);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <Combobox
        value={text}
        onValueChange={(next) => {
          setText(next);
          onChange(next.trim());
        }}
        groups={groups}
        itemToString={modelId}
        filter={matchesQuery}
        renderItem={modelRow}
        empty="No model matches; the id is sent as typed."
        triggerLabel="Show models"
        id={id}
        placeholder={placeholder}
        aria-label={label}
        aria-describedby={error || unlisted ? hintId : undefined}
        data-testid={testId}
        className={className}
      />
      {error && (
        <p id={hintId} className="text-[11px] text-warning">
          Could not list the upstream's models; any id can still be typed.
        </p>
      )}
      {unlisted && (
        <p id={hintId} className="text-[11px] text-muted">
          Not in the upstream's list; it will be sent as typed.
        </p>
      )}
    </div>
  );
}

// Stable across renders: the combobox re-filters its list when these change.
const modelId = (i: PickerModel) => i.model.model;
const modelRow = (i: PickerModel) => <ModelRow item={i} />;

const CAPABILITIES = [
  ["vision", "vision"],
  ["tools", "tools"],
  ["reasoning", "reasoning"],
  ["structuredOutputs", "structured"],
] as const;
const TAG = "rounded px-1 text-[10px] leading-4";
const NOT_LISTED = "The upstream does not list it; it may not serve it.";

function ModelRow({ item }: { item: PickerModel }) {
  const m = item.model;
  return (
    <div className="flex min-w-0 flex-col gap-0.5" data-testid="model-option" data-model={m.model}>
      <div className="flex min-w-0 items-start justify-between gap-2">
        <span className="min-w-0 break-all font-mono text-[12px] text-fg">{m.model}</span>
        {m.shutdownDate ? (
          <ShutdownBadge date={m.shutdownDate} />
        ) : (
          !item.listed && (
            <span className="shrink-0 text-[10px] text-muted italic" title={NOT_LISTED}>
              not listed
            </span>
          )
        )}
      </div>
      <div className="flex flex-wrap gap-1 text-muted">
        {!m.matched && <span className={`${TAG} bg-surface-2`}>not in the catalogue</span>}
        {m.fineTuned && <span className={`${TAG} bg-accent-soft text-accent`}>fine-tuned</span>}
        {CAPABILITIES.filter(([c]) => m.matched && m.capabilities[c]).map(([c, name]) => (
          <span key={c} className={`${TAG} bg-surface-2`}>
            {name}
          </span>
        ))}
        {m.matched && (
          <span className={`${TAG} border border-border`} title="The APIs it takes">
            {m.capabilities.apis.map((a) => API_SHORT_LABELS[a]).join(" · ")}
          </span>
        )}
      </div>
    </div>
  );
}
