"use client";

import { useMemo } from "react";
import { useChatTokenEstimate } from "@/components/tokens/use-token-count";
import { Button } from "@/components/ui/button";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { CHAT_ROLES, type Encoding } from "@/lib/openai-facts";
import { isChatRole, parseTools } from "@/lib/tokenizer/chat";
import { ChatCount } from "./chat-count";
import { useTokenizer } from "./store";

export interface ChatModeProps {
  encoding: Encoding;
  model: ResolvedModel | null;
}

/** Messages with roles and optional tools, counted with the chat format's overhead (an estimate). */
export function ChatMode({ encoding, model }: ChatModeProps) {
  const messages = useTokenizer((s) => s.messages);
  const toolsText = useTokenizer((s) => s.tools);
  const { set, updateMessage, addMessage, removeMessage } = useTokenizer.getState();
  const tools = useMemo(() => parseTools(toolsText), [toolsText]);
  const toolList = tools.ok ? tools.tools : undefined;
  const estimate = useChatTokenEstimate(messages, toolList, encoding);
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-3">
        <ol className="space-y-2" aria-label="Messages">
          {messages.map((m, i) => (
            <li key={m.id} className="card space-y-1.5 p-2.5" data-testid="chat-message" data-role={m.role}>
              <div className="flex items-center gap-2">
                <select
                  aria-label={`Role of message ${i + 1}`}
                  className="input h-7 w-auto py-0 text-xs"
                  value={m.role}
                  onChange={(e) =>
                    isChatRole(e.target.value) && updateMessage(m.id, { role: e.target.value })
                  }
                >
                  {CHAT_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
                <span className="text-muted text-xs tabular-nums" data-testid="message-tokens">
                  {estimate.estimate?.messages[i] !== undefined
                    ? `≈ ${estimate.estimate.messages[i]} tokens with overhead`
                    : ""}
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  className="ml-auto text-muted"
                  aria-label={`Remove message ${i + 1}`}
                  onClick={() => removeMessage(m.id)}
                >
                  Remove
                </Button>
              </div>
              <textarea
                aria-label={`Message ${i + 1} (${m.role})`}
                className="input h-auto min-h-16 resize-y py-1.5 text-sm"
                rows={Math.min(12, Math.max(2, m.content.split("\n").length))}
                value={m.content}
                placeholder={m.role === "user" ? "What the user says…" : "Content…"}
                onChange={(e) => updateMessage(m.id, { content: e.target.value })}
              />
            </li>
          ))}
        </ol>
        <Button onClick={() => addMessage()} data-testid="add-message">
          Add message
        </Button>
        <label className="block space-y-1">
          <span className="label">Tools (optional)</span>
          <span className="block text-muted text-xs">
            A JSON array of function tools, in the Chat Completions or the Responses shape.
          </span>
          <textarea
            aria-label="Tools JSON"
            className="input h-28 resize-y py-1.5 font-mono text-xs"
            value={toolsText}
            spellCheck={false}
            placeholder='[{"type": "function", "function": {"name": "get_weather", "parameters": {…}}}]'
            onChange={(e) => set({ tools: e.target.value })}
            data-testid="tools-input"
          />
        </label>
        {!tools.ok && (
          <p role="alert" className="text-danger text-xs" data-testid="tools-error">
            {tools.error}
          </p>
        )}
      </div>
      <ChatCount
        messages={messages}
        tools={toolList}
        toolsValid={tools.ok}
        estimate={estimate}
        model={model}
        encoding={encoding}
      />
    </div>
  );
}
