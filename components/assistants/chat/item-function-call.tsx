"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ChatItem } from "@/lib/assistants/chat-stream";
import { ItemFrame, prettyJson, str, useItemActions } from "./item-context";

/**
 * A function call with its arguments. While the conversation waits for its output, the person
 * types one, or uses the output saved with the assistant's tool.
 */
export function FunctionCallItem({ item }: { item: ChatItem }) {
  const actions = useItemActions();
  const callId = str(item.call_id);
  const waiting = actions?.pending.has(callId) ?? false;
  const mock = actions?.mockFor(str(item.name));
  const [output, setOutput] = useState("");
  return (
    <ItemFrame
      type="function_call"
      label={<span className="font-mono">{str(item.name)}()</span>}
      status={item.status}
    >
      <pre className="max-h-64 overflow-auto rounded-md bg-surface-2 px-2 py-1 font-mono text-xs">
        {prettyJson(str(item.arguments)) || "{}"}
      </pre>
      {waiting && actions && (
        <form
          className="space-y-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            actions.submitOutput(callId, output);
          }}
        >
          <label className="label block" htmlFor={`out-${callId}`}>
            Output for this call (waiting)
          </label>
          <textarea
            id={`out-${callId}`}
            className="input h-20 py-1.5 font-mono text-xs"
            value={output}
            onChange={(e) => setOutput(e.target.value)}
            placeholder='{"result": "…"}'
            data-testid="function-output"
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" variant="primary" data-testid="function-output-submit">
              Submit output
            </Button>
            {mock !== undefined && (
              <Button
                type="button"
                size="sm"
                onClick={() => actions.submitOutput(callId, mock)}
                data-testid="function-output-mock"
              >
                Use mocked output
              </Button>
            )}
          </div>
        </form>
      )}
    </ItemFrame>
  );
}

/** What the chat sent back: a function's output, or an answer to an MCP approval request. */
export function InputToolItem({ item }: { item: ChatItem }) {
  if (item.type === "mcp_approval_response")
    return (
      <ItemFrame type={item.type} label={item.approve ? "Approved" : "Denied"}>
        {str(item.reason) && <p className="text-muted text-xs">{str(item.reason)}</p>}
      </ItemFrame>
    );
  return (
    <ItemFrame type={item.type} label="Function output">
      <pre className="max-h-48 overflow-auto rounded-md bg-surface-2 px-2 py-1 font-mono text-xs">
        {prettyJson(typeof item.output === "string" ? item.output : JSON.stringify(item.output))}
      </pre>
    </ItemFrame>
  );
}
