"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { fieldId } from "@/lib/assistants/builder";
import { ASSISTANT_LIMITS, MCP_APPROVALS } from "@/lib/assistants/schema";
import { Choice, INPUT, ListInput, Row } from "./fields";
import { useAssistantDrafts } from "./store";
import type { ToolEditorProps } from "./tool-types";

interface McpProps extends ToolEditorProps<"mcp"> {
  /** The draft's key (assistant id or "new"): typed header values are kept in memory under it. */
  draftKey: string;
  /** Header names of this server that have a stored value (AssistantDetail.mcpHeadersSet). */
  headersSet: string[];
}

/**
 * A remote MCP server. Header values are write-only: a stored one shows as "set" and is never sent
 * to the browser; a typed one lives in memory only until it is saved with the next version.
 */
export function McpToolEditor({ tool, path, onChange, draftKey, headersSet }: McpProps) {
  const set = (patch: Partial<typeof tool>) => onChange({ ...tool, ...patch });
  const typed = useAssistantDrafts((s) => s.headers[draftKey]?.[tool.serverLabel]) ?? {};
  const setHeader = useAssistantDrafts((s) => s.setHeader);
  const names = tool.headerNames;
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <Row path={`${path}.serverLabel`} label="Label">
          {(id) => (
            <input
              id={id}
              className={`${INPUT} font-mono text-xs`}
              value={tool.serverLabel}
              onChange={(e) => set({ serverLabel: e.target.value })}
            />
          )}
        </Row>
        <Row path={`${path}.serverUrl`} label="Server URL">
          {(id) => (
            <input
              id={id}
              type="url"
              className={`${INPUT} font-mono text-xs`}
              placeholder="https://mcp.example.com/sse"
              value={tool.serverUrl}
              onChange={(e) => set({ serverUrl: e.target.value })}
            />
          )}
        </Row>
      </div>
      <Row path={`${path}.serverDescription`} label="Description">
        {(id) => (
          <input
            id={id}
            className={INPUT}
            placeholder="What the server offers (helps the model choose)"
            value={tool.serverDescription ?? ""}
            onChange={(e) => set({ serverDescription: e.target.value || undefined })}
          />
        )}
      </Row>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <Choice
          path={`${path}.requireApproval`}
          label="Approval"
          options={MCP_APPROVALS}
          value={tool.requireApproval}
          onChange={(requireApproval) => requireApproval && set({ requireApproval })}
        />
        <Row path={`${path}.allowedTools`} label="Allowed tools">
          {(id) => (
            <div className="flex items-center gap-2">
              <label className="flex shrink-0 items-center gap-1 text-xs">
                <input
                  type="checkbox"
                  checked={tool.allowedTools === null}
                  onChange={(e) => set({ allowedTools: e.target.checked ? null : [] })}
                />
                All
              </label>
              {tool.allowedTools !== null && (
                <ListInput
                  id={id}
                  placeholder="search, fetch"
                  value={tool.allowedTools}
                  onChange={(allowedTools) => set({ allowedTools })}
                />
              )}
            </div>
          )}
        </Row>
      </div>
      <fieldset className="space-y-1" id={fieldId(`${path}.headerNames`)}>
        <legend className="label">Headers</legend>
        <p className="text-muted text-xs">
          Values stay on the server and go only to this URL. Change the URL and the stored values are dropped
          when you save, unless you enter them again.
        </p>
        {names.map((name, i) => {
          const stored = headersSet.includes(name);
          const value = typed[name];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a renamed header keeps its row
            <div key={i} className="flex flex-wrap items-center gap-1" data-testid="mcp-header">
              <input
                id={fieldId(`${path}.headerNames.${i}`)}
                aria-label={`Header name ${i + 1}`}
                className={`${INPUT} font-mono text-xs max-sm:basis-full sm:w-44`}
                placeholder="Authorization"
                value={name}
                onChange={(e) => set({ headerNames: names.map((n, j) => (j === i ? e.target.value : n)) })}
              />
              <input
                aria-label={`Value of header ${name || i + 1}`}
                type="password"
                autoComplete="off"
                className={`${INPUT} min-w-0 flex-1 font-mono text-xs max-sm:basis-full`}
                placeholder={stored && value === undefined ? "set (type to replace)" : "value"}
                value={value ?? ""}
                onChange={(e) => setHeader(draftKey, tool.serverLabel, name, e.target.value || null)}
              />
              {stored && value === undefined && <Badge tone="success">set</Badge>}
              {stored && value === "" && <Badge tone="warning">removed on save</Badge>}
              {stored && value === undefined && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setHeader(draftKey, tool.serverLabel, name, "")}
                >
                  Remove value
                </Button>
              )}
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove header ${name}`}
                onClick={() => set({ headerNames: names.filter((_, j) => j !== i) })}
              >
                ×
              </Button>
            </div>
          );
        })}
        <Button
          size="sm"
          variant="ghost"
          disabled={names.length >= ASSISTANT_LIMITS.mcpHeaders}
          onClick={() => set({ headerNames: [...names, names.length ? "" : "Authorization"] })}
        >
          + Header
        </Button>
        <p className="text-[11px] text-muted">
          Values are kept on the server like the API key: never shown again, never in exports or code.
        </p>
      </fieldset>
    </div>
  );
}
