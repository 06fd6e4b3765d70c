"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon } from "@/components/ui/icons";
import { lazyComponent } from "@/components/ui/lazy";
import { blankTool, fieldId, TOOL_LABELS } from "@/lib/assistants/builder";
import { ASSISTANT_LIMITS, type AssistantTool, type AssistantToolType } from "@/lib/assistants/schema";
import type { SectionProps } from "./basics-section";
import { Section } from "./fields";

// Base UI's menu is a large share of a first load: it loads with the page, after it (the list's row menu does the same).
const AddToolMenu = lazyComponent(() => import("./add-tool-menu").then((m) => m.AddToolMenu));

// Each editor loads with the first tool of its type, so a page without tools does not carry them.
const FunctionToolEditor = lazyComponent(() => import("./tool-function").then((m) => m.FunctionToolEditor));
const FileSearchToolEditor = lazyComponent(() =>
  import("./tool-file-search").then((m) => m.FileSearchToolEditor),
);
const WebSearchToolEditor = lazyComponent(() =>
  import("./tool-web-search").then((m) => m.WebSearchToolEditor),
);
const CodeInterpreterToolEditor = lazyComponent(() =>
  import("./tool-code-interpreter").then((m) => m.CodeInterpreterToolEditor),
);
const ImageGenerationToolEditor = lazyComponent(() =>
  import("./tool-image-generation").then((m) => m.ImageGenerationToolEditor),
);
const McpToolEditor = lazyComponent(() => import("./tool-mcp").then((m) => m.McpToolEditor));

interface ToolsProps extends SectionProps {
  draftKey: string;
  mcpHeadersSet: Record<string, string[]>;
}

/** The tools, one card each; a type the model does not take on Responses is offered disabled, with why. */
export function ToolsSection({ config, onChange, model, draftKey, mcpHeadersSet }: ToolsProps) {
  const tools = config.tools;
  // Cards start open so every field an issue links to is on the page; collapsing is the user's choice.
  const [collapsed, setCollapsed] = useState<Set<number>>(() => new Set());
  const setTool = (i: number, t: AssistantTool) =>
    onChange({ tools: tools.map((x, j) => (j === i ? t : x)) });
  const refusal = (type: AssistantToolType) =>
    model.tools.responses.includes(type)
      ? null
      : `${model.label} does not take ${TOOL_LABELS[type].toLowerCase()} tools on Responses.`;
  const add = (type: AssistantToolType) => {
    onChange({ tools: [...tools, blankTool(type, tools)] });
  };
  return (
    <Section
      title={`Tools${tools.length ? ` (${tools.length})` : ""}`}
      actions={
        <AddToolMenu disabled={tools.length >= ASSISTANT_LIMITS.tools} refusal={refusal} onAdd={add} />
      }
    >
      <div id={fieldId("tools")} className="space-y-2">
        {tools.length === 0 && (
          <p className="text-muted text-xs">No tools: the model answers from its instructions.</p>
        )}
        {tools.map((t, i) => {
          const expanded = !collapsed.has(i);
          const why = refusal(t.type);
          return (
            <article
              // biome-ignore lint/suspicious/noArrayIndexKey: tools have no identity beyond their place
              key={i}
              id={fieldId(`tools.${i}`)}
              data-testid="assistant-tool"
              data-tool-type={t.type}
              className="rounded-md border border-border"
            >
              <header className="flex items-center gap-2 px-2 py-1.5">
                <button
                  type="button"
                  aria-expanded={expanded}
                  className="flex min-w-0 flex-1 items-center gap-2 text-left text-sm"
                  onClick={() => {
                    const next = new Set(collapsed);
                    if (expanded) next.add(i);
                    else next.delete(i);
                    setCollapsed(next);
                  }}
                >
                  <ChevronDownIcon
                    size={14}
                    className={`shrink-0 transition-transform ${expanded ? "" : "-rotate-90"}`}
                  />
                  <span className="shrink-0 whitespace-nowrap font-medium">{TOOL_LABELS[t.type]}</span>
                  <span className="min-w-0 truncate font-mono text-muted text-xs">{summary(t)}</span>
                </button>
                {why && <span className="text-[11px] text-warning">{why}</span>}
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${TOOL_LABELS[t.type]} ${summary(t)}`}
                  onClick={() => {
                    onChange({ tools: tools.filter((_, j) => j !== i) });
                    setCollapsed(
                      new Set([...collapsed].filter((j) => j !== i).map((j) => (j > i ? j - 1 : j))),
                    );
                  }}
                >
                  ×
                </Button>
              </header>
              {expanded && (
                <div className="border-border border-t p-3">
                  <ToolEditor
                    tool={t}
                    path={`tools.${i}`}
                    onChange={(x) => setTool(i, x)}
                    draftKey={draftKey}
                    mcpHeadersSet={mcpHeadersSet}
                  />
                </div>
              )}
            </article>
          );
        })}
      </div>
    </Section>
  );
}

function summary(t: AssistantTool): string {
  switch (t.type) {
    case "function":
      return t.name;
    case "file_search":
      return t.vectorStoreIds.join(", ") || "no vector store";
    case "web_search":
      return t.allowedDomains.join(", ");
    case "code_interpreter":
      return t.container.type === "id" ? t.container.id : `auto · ${t.container.fileIds.length} files`;
    case "image_generation":
      return t.model ?? "";
    case "mcp":
      return `${t.serverLabel} · ${t.serverUrl}`;
  }
}

function ToolEditor({
  tool,
  path,
  onChange,
  draftKey,
  mcpHeadersSet,
}: {
  tool: AssistantTool;
  path: string;
  onChange(t: AssistantTool): void;
  draftKey: string;
  mcpHeadersSet: Record<string, string[]>;
}) {
  switch (tool.type) {
    case "function":
      return <FunctionToolEditor tool={tool} path={path} onChange={onChange} />;
    case "file_search":
      return <FileSearchToolEditor tool={tool} path={path} onChange={onChange} />;
    case "web_search":
      return <WebSearchToolEditor tool={tool} path={path} onChange={onChange} />;
    case "code_interpreter":
      return <CodeInterpreterToolEditor tool={tool} path={path} onChange={onChange} />;
    case "image_generation":
      return <ImageGenerationToolEditor tool={tool} path={path} onChange={onChange} />;
    case "mcp":
      return (
        <McpToolEditor
          tool={tool}
          path={path}
          onChange={onChange}
          draftKey={draftKey}
          headersSet={mcpHeadersSet[tool.serverLabel] ?? []}
        />
      );
  }
}
