"use client";

import { ModelPicker } from "@/components/models/model-picker";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { unavailable } from "@/lib/playground/availability";
import type { Setup } from "@/lib/playground/types";
import { BuiltinToolsPanel } from "./builtin-tools-panel";
import { FormatPanel } from "./format-panel";
import { ModelFacts } from "./model-facts";
import { ParamsPanel } from "./params-panel";
import { RateLimitGauge } from "./rate-limit-gauge";
import { usePlayground } from "./store";
import { ToolsPanel } from "./tools-panel";

/** Model and every parameter of the main setup; controls the model cannot take say why. */
export function SidePanel({ setup, model }: { setup: Setup; model: ResolvedModel }) {
  const update = usePlayground((s) => s.update);
  const updateParams = usePlayground((s) => s.updateParams);
  const off = unavailable(setup, model);
  return (
    <aside
      aria-label="Model and parameters"
      className="space-y-2 self-start rounded-lg border border-border bg-surface p-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
    >
      <ModelPicker value={setup.model} api={setup.api} onChange={(model) => update({ model })} />
      <RateLimitGauge model={setup.model} />
      <ModelFacts model={model} />
      <label className="flex items-center gap-2 pt-1 text-xs">
        <input
          type="checkbox"
          checked={setup.stream}
          onChange={(e) => update({ stream: e.target.checked })}
        />
        Stream
      </label>
      {/* Sections the API or model cannot use are listed under "Not available" with the reason. */}
      {!off.has("tools") && <ToolsPanel setup={setup} />}
      {!off.has("built-in tools") && !off.has("tools") && <BuiltinToolsPanel setup={setup} />}
      {!off.has("response_format") && <FormatPanel setup={setup} />}
      <ParamsPanel setup={setup} model={model} onParams={updateParams} />
    </aside>
  );
}
