"use client";

import { SEARCH_CONTEXT_SIZES } from "@/lib/openai-facts";
import { Choice, ListInput, Row } from "./fields";
import type { ToolEditorProps } from "./tool-types";

export function WebSearchToolEditor({ tool, path, onChange }: ToolEditorProps<"web_search">) {
  return (
    <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
      <Choice
        path={`${path}.contextSize`}
        label="Search context size"
        unset="default (medium)"
        options={SEARCH_CONTEXT_SIZES}
        value={tool.contextSize}
        onChange={(contextSize) => onChange({ ...tool, contextSize })}
      />
      <Row path={`${path}.allowedDomains`} label="Allowed domains" hint="Empty: the whole web.">
        {(id) => (
          <ListInput
            id={id}
            placeholder="openai.com, example.org"
            value={tool.allowedDomains}
            onChange={(allowedDomains) => onChange({ ...tool, allowedDomains })}
          />
        )}
      </Row>
    </div>
  );
}
