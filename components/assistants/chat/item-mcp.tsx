"use client";

import { Button } from "@/components/ui/button";
import type { ChatItem } from "@/lib/assistants/chat-stream";
import { ItemFrame, list, prettyJson, str, useItemActions } from "./item-context";

const label = (item: ChatItem, what: string) => (
  <span>
    {what} <span className="font-mono">{str(item.server_label)}</span>
  </span>
);

/** The tools an MCP server listed. */
export function McpListToolsItem({ item }: { item: ChatItem }) {
  const tools = list(item.tools);
  return (
    <ItemFrame type="mcp_list_tools" label={label(item, "MCP tools from")} status={item.status}>
      {tools.length > 0 && (
        <ul className="flex flex-wrap gap-1.5 text-xs">
          {tools.map((t) => (
            <li
              key={str(t.name)}
              className="rounded bg-surface-2 px-1.5 py-0.5 font-mono"
              title={str(t.description)}
            >
              {str(t.name)}
            </li>
          ))}
        </ul>
      )}
      {str(item.error) && <p className="text-danger text-xs">{str(item.error)}</p>}
    </ItemFrame>
  );
}

/** An MCP call waiting for approval, answered inline. */
export function McpApprovalItem({ item }: { item: ChatItem }) {
  const actions = useItemActions();
  const id = str(item.id);
  const waiting = actions?.pending.has(id) ?? false;
  return (
    <ItemFrame type="mcp_approval_request" label={label(item, "Approval requested by")}>
      <p className="text-xs">
        Call <span className="font-mono">{str(item.name)}</span> with:
      </p>
      <pre className="max-h-48 overflow-auto rounded-md bg-surface-2 px-2 py-1 font-mono text-xs">
        {prettyJson(str(item.arguments))}
      </pre>
      {waiting && actions && (
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="primary"
            onClick={() => actions.answerApproval(id, true)}
            data-testid="mcp-approve"
          >
            Approve
          </Button>
          <Button size="sm" onClick={() => actions.answerApproval(id, false)} data-testid="mcp-deny">
            Deny
          </Button>
        </div>
      )}
    </ItemFrame>
  );
}

/** An MCP tool call with its arguments and output (or error). */
export function McpCallItem({ item }: { item: ChatItem }) {
  return (
    <ItemFrame type="mcp_call" label={label(item, `${str(item.name)} on`)} status={item.status}>
      <pre className="max-h-40 overflow-auto rounded-md bg-surface-2 px-2 py-1 font-mono text-xs">
        {prettyJson(str(item.arguments))}
      </pre>
      {str(item.output) && (
        <pre
          className="max-h-64 overflow-auto whitespace-pre-wrap rounded-md bg-surface-2 px-2 py-1 text-xs"
          data-testid="mcp-output"
        >
          {prettyJson(str(item.output))}
        </pre>
      )}
      {str(item.error) && <p className="text-danger text-xs">{str(item.error)}</p>}
    </ItemFrame>
  );
}
