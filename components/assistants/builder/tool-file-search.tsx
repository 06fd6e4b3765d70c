"use client";

import { VectorStorePicker } from "@/components/editors/vector-store-picker";
import { fieldId } from "@/lib/assistants/builder";
import { FILE_SEARCH_RANKERS } from "@/lib/assistants/schema";
import { filterProblem } from "@/lib/assistants/validate";
import { parseJson } from "@/lib/playground/request";
import { Choice, MONO, Num, Row } from "./fields";
import type { ToolEditorProps } from "./tool-types";

/** File search over vector stores (the playground's picker), with ranking options and attribute filters. */
export function FileSearchToolEditor({ tool, path, onChange }: ToolEditorProps<"file_search">) {
  const set = (patch: Partial<typeof tool>) => onChange({ ...tool, ...patch });
  const filters = tool.filters.trim() ? parseJson(tool.filters) : null;
  const filterError = filters
    ? filters.ok
      ? filterProblem(filters.value)
      : `Invalid JSON: ${filters.message}`
    : null;
  return (
    <div className="space-y-3">
      <div id={fieldId(`${path}.vectorStoreIds`)}>
        <VectorStorePicker
          value={tool.vectorStoreIds}
          onChange={(vectorStoreIds) => set({ vectorStoreIds })}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Num
          path={`${path}.maxNumResults`}
          label="Max results"
          min={1}
          max={50}
          step={1}
          placeholder="default (10)"
          value={tool.maxNumResults}
          onChange={(maxNumResults) => set({ maxNumResults })}
        />
        <Choice
          path={`${path}.ranker`}
          label="Ranker"
          unset="default"
          options={FILE_SEARCH_RANKERS}
          value={tool.ranker}
          onChange={(ranker) => set({ ranker })}
        />
        <Num
          path={`${path}.scoreThreshold`}
          label="Score threshold"
          min={0}
          max={1}
          step={0.05}
          placeholder="0–1"
          value={tool.scoreThreshold}
          onChange={(scoreThreshold) => set({ scoreThreshold })}
        />
      </div>
      <Row
        path={`${path}.filters`}
        label="Filters (JSON)"
        hint={filterError ? undefined : "Attribute filter; empty for none."}
      >
        {(id) => (
          <>
            <textarea
              id={id}
              rows={3}
              spellCheck={false}
              className={MONO}
              aria-invalid={filterError ? true : undefined}
              placeholder='{"type": "eq", "key": "lang", "value": "en"}'
              value={tool.filters}
              onChange={(e) => set({ filters: e.target.value })}
            />
            {filterError && <p className="text-danger text-xs">{filterError}</p>}
          </>
        )}
      </Row>
    </div>
  );
}
