"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

export interface ComposerProps {
  streaming: boolean;
  /** Why sending is not possible now (a call waiting for its output), or null. */
  waiting: string | null;
  /** Checked on send: what must be fixed first (a required variable), or null. */
  validate(): string | null;
  onSend(text: string): void;
  onStop(): void;
}

/** The message box: Enter sends (Shift+Enter for a new line), Stop while a turn streams. */
export function Composer({ streaming, waiting, validate, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const send = () => {
    if (!text.trim() || streaming || waiting) return;
    const p = validate();
    setProblem(p);
    if (p) return;
    onSend(text);
    setText("");
  };
  // A problem shown on send goes away as soon as it is fixed.
  const blocked = problem ? validate() : null;
  return (
    <form
      className="space-y-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {waiting ? (
        <p className="text-muted text-xs" data-testid="chat-waiting">
          {waiting}
        </p>
      ) : (
        blocked && (
          <p role="alert" className="text-danger text-xs" data-testid="chat-blocked">
            {blocked}
          </p>
        )
      )}
      <div className="flex items-end gap-2">
        <textarea
          aria-label="Message"
          className="input h-auto min-h-10 flex-1 resize-y py-2"
          rows={2}
          placeholder="Message the assistant…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              send();
            }
          }}
          data-testid="chat-input"
        />
        {streaming ? (
          <Button type="button" onClick={onStop} data-testid="chat-stop">
            Stop
          </Button>
        ) : (
          <Button
            type="submit"
            variant="primary"
            disabled={!text.trim() || Boolean(waiting)}
            data-testid="chat-send"
          >
            Send
          </Button>
        )}
      </div>
    </form>
  );
}
