"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { useModels } from "@/components/queries/use-models";
import { Button } from "@/components/ui/button";
import { newMessage } from "@/lib/playground/defaults";
import { buildRequest } from "@/lib/playground/request";
import { instructionsRoleSchema, type Message } from "@/lib/playground/types";
import { MessageEditor } from "./message-editor";
import { MAIN, usePlayground } from "./store";
import { useRunner } from "./use-run";

/** How many of the latest messages render at first; older ones wait behind a button. */
const WINDOW = 150;

export function InstructionsEditor() {
  const api = usePlayground((s) => s.setup.api);
  const instructions = usePlayground((s) => s.setup.instructions);
  const update = usePlayground((s) => s.update);
  if (api === "completions") return null;
  return (
    <div className="rounded-lg border border-border bg-surface p-2">
      <div className="mb-1 flex items-center gap-2">
        <label htmlFor="instructions" className="font-medium text-muted text-xs uppercase tracking-wide">
          {api === "responses" ? "Instructions" : "System message"}
        </label>
        {api === "chat" && <InstructionsRoleSelect />}
      </div>
      <textarea
        id="instructions"
        className="block min-h-10 w-full resize-none bg-transparent text-sm leading-relaxed outline-none [field-sizing:content] placeholder:text-muted"
        placeholder="You are a helpful assistant…"
        value={instructions}
        onChange={(e) => update({ instructions: e.target.value })}
      />
    </div>
  );
}

/**
 * The role Chat sends the system text under. Auto takes the model's (the catalogue's
 * `instructionsRole`) and says which that is; in Compare each column's model decides.
 */
function InstructionsRoleSelect() {
  const role = usePlayground((s) => s.setup.instructionsRole);
  const model = usePlayground((s) => s.setup.model);
  const compare = usePlayground((s) => s.compare);
  const update = usePlayground((s) => s.update);
  const { resolve } = useModels();
  const auto = compare ? "per model" : resolve(model).instructionsRole;
  return (
    <select
      aria-label="Role of the system message"
      data-testid="instructions-role"
      className="h-6 rounded bg-transparent px-1 text-muted text-xs hover:bg-surface-2"
      value={role}
      onChange={(e) => update({ instructionsRole: instructionsRoleSchema.parse(e.target.value) })}
    >
      <option value="auto">auto ({auto})</option>
      <option value="system">system</option>
      <option value="developer">developer</option>
    </select>
  );
}

export function PromptEditor() {
  const prompt = usePlayground((s) => s.setup.prompt);
  const update = usePlayground((s) => s.update);
  return (
    <div className="rounded-lg border border-border bg-surface p-2">
      <label htmlFor="prompt" className="mb-1 block font-medium text-muted text-xs uppercase tracking-wide">
        Prompt
      </label>
      <textarea
        id="prompt"
        className="block min-h-40 w-full resize-y bg-transparent font-mono text-sm leading-relaxed outline-none placeholder:text-muted"
        placeholder="Once upon a time"
        value={prompt}
        onChange={(e) => update({ prompt: e.target.value })}
      />
    </div>
  );
}

const isBlank = (m: Message) => !m.content.trim() && !m.images.length && !m.toolCalls?.length;

/** Where a run's request would end: the last message that is sent (blank boxes are not). */
function lastSent(messages: Message[]): Message | undefined {
  return messages.findLast((m) => m.role === "tool" || !isBlank(m));
}

export function MessageList() {
  const messages = usePlayground((s) => s.setup.messages);
  const responseFormat = usePlayground((s) => s.setup.responseFormat);
  const running = usePlayground((s) => Object.values(s.runs).some((r) => r.status === "running"));
  // The latest reply, when the token limit cut it: its schema check says so instead of "not JSON".
  const cutText = usePlayground((s) => {
    const first = s.runs[MAIN]?.outcome.choices[0];
    return first?.finishReason === "length" ? first.text : null;
  });
  const { run } = useRunner();
  const { resolve } = useModels();
  const [shown, setShown] = useState(WINDOW);
  const [problem, setProblem] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const format = useMemo(
    () => ({
      json: responseFormat.type !== "text",
      schema: responseFormat.type === "json_schema" ? responseFormat.schema : null,
    }),
    [responseFormat],
  );
  const callNames = useMemo(() => {
    const map = new Map<string, string>();
    for (const m of messages) for (const c of m.toolCalls ?? []) map.set(c.id, c.name);
    return map;
  }, [messages]);
  // Regenerate drops the reply and what follows; run from here keeps the message and drops the rest.
  const rerun = useCallback(
    (id: string) => {
      const s = usePlayground.getState();
      const at = s.setup.messages.findIndex((m) => m.id === id);
      if (at < 0) return;
      const kept = s.setup.messages.slice(0, s.setup.messages[at]?.role === "assistant" ? at : at + 1);
      const next = { ...s.setup, messages: kept };
      const blocked = buildRequest(next, resolve(next.model)).problems[0];
      setProblem(blocked ? blocked.message : null);
      if (blocked) return;
      s.update({ messages: kept });
      void run(MAIN);
    },
    [run, resolve],
  );
  const start = Math.max(0, messages.length - shown);
  const last = messages.at(-1);
  const latestReply = messages.findLast((m) => m.role === "assistant")?.id;
  const endsOnReply = lastSent(messages)?.role === "assistant";
  const addNext = () => {
    // After a reply the next turn is the user's, and its box is usually already there, empty.
    if (last?.role === "user" && isBlank(last)) {
      listRef.current?.querySelector<HTMLTextAreaElement>("li:last-child textarea")?.focus();
      return;
    }
    usePlayground.getState().addMessage(newMessage(last?.role === "user" ? "assistant" : "user"));
  };
  return (
    <div className="space-y-2">
      {start > 0 && (
        <Button variant="ghost" className="w-full text-xs" onClick={() => setShown((n) => n + WINDOW * 4)}>
          Show {Math.min(start, WINDOW * 4)} earlier messages ({start} hidden)
        </Button>
      )}
      <ol className="space-y-2" aria-label="Messages" ref={listRef}>
        {messages.slice(start).map((m, i) => (
          <MessageEditor
            key={m.id}
            message={m}
            index={start + i}
            count={messages.length}
            callName={m.toolCallId ? callNames.get(m.toolCallId) : undefined}
            format={format}
            truncated={cutText !== null && m.content === cutText}
            latest={m.id === latestReply}
            running={running}
            onRerun={isBlank(m) ? undefined : rerun}
            placeholder={
              m === last && m.role === "user" && endsOnReply
                ? "Your next message (left empty, the request ends on the reply above)"
                : undefined
            }
          />
        ))}
      </ol>
      {problem && (
        <p role="alert" className="text-danger text-xs" data-testid="rerun-problem">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Button variant="ghost" className="text-xs" data-testid="add-message" onClick={addNext}>
          + Add message
        </Button>
        {endsOnReply && !(last?.role === "user" && isBlank(last)) && (
          <p className="text-muted text-xs" data-testid="ends-on-assistant">
            The request ends on an assistant message: the model continues after it. Add a user message to ask
            something new.
          </p>
        )}
      </div>
    </div>
  );
}

/** Adds a user message carrying `text` (the "Continue" and quick-reply paths). */
export function appendUser(text: string): void {
  const s = usePlayground.getState();
  const last = s.setup.messages.at(-1);
  // Fill the empty box left for the next turn rather than leaving it behind.
  if (last?.role === "user" && !last.content.trim() && !last.images.length)
    s.updateMessage(last.id, { content: text });
  else s.addMessage(newMessage("user", text));
}
