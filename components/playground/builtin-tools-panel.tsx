"use client";

import { VectorStorePicker } from "@/components/editors/vector-store-picker";
import type { BuiltinTools, Setup } from "@/lib/playground/types";
import { Section } from "./param-controls";
import { usePlayground } from "./store";

/** Responses' hosted tools; the upstream may not offer them all (other servers rarely do). */
export function BuiltinToolsPanel({ setup }: { setup: Setup }) {
  const update = usePlayground((s) => s.update);
  const bt = setup.builtinTools;
  const set = (patch: Partial<BuiltinTools>) => update({ builtinTools: { ...bt, ...patch } });
  const box = (label: string, on: boolean, toggle: (v: boolean) => void) => (
    <label className="flex items-center gap-2 text-xs">
      <input type="checkbox" checked={on} onChange={(e) => toggle(e.target.checked)} />
      {label}
    </label>
  );
  return (
    <Section title="Built-in tools" defaultOpen={Object.values(bt).some((t) => t.enabled)}>
      {box("File search", bt.fileSearch.enabled, (enabled) =>
        set({ fileSearch: { ...bt.fileSearch, enabled } }),
      )}
      {bt.fileSearch.enabled && (
        <VectorStorePicker
          value={bt.fileSearch.vectorStoreIds}
          onChange={(vectorStoreIds) => set({ fileSearch: { ...bt.fileSearch, vectorStoreIds } })}
        />
      )}
      {box("Web search", bt.webSearch.enabled, (enabled) => set({ webSearch: { ...bt.webSearch, enabled } }))}
      {box("Code interpreter", bt.codeInterpreter.enabled, (enabled) =>
        set({ codeInterpreter: { enabled } }),
      )}
      {box("Image generation", bt.imageGeneration.enabled, (enabled) =>
        set({ imageGeneration: { enabled } }),
      )}
    </Section>
  );
}
