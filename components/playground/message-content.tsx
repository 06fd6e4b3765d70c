"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { Message } from "@/lib/playground/types";
import { LogprobsText } from "./logprobs-view";
import { RenderedText } from "./reply-text";
import { SchemaCheck } from "./schema-check";
import { usePlayground } from "./store";

export interface ReplyFormat {
  /** The response format asks for JSON (json_object or json_schema). */
  json: boolean;
  /** The json_schema's schema text, to check replies against. */
  schema: string | null;
}

export interface MessageContentProps {
  message: Message;
  index: number;
  placeholder: string;
  format: ReplyFormat;
  /** The latest run stopped at the token limit and this is its reply. */
  truncated: boolean;
  /** The conversation's last reply: checked against the schema even when it is not JSON at all. */
  latest: boolean;
  /** A run is in flight: nothing may start another. */
  running: boolean;
  /** Regenerate (an assistant message) or run again from this message; absent: not offered. */
  onRerun?: (id: string) => void;
  onPasteImages(files: File[]): void;
}

const isBlank = (m: Message) => !m.content.trim() && !m.images.length && !m.toolCalls?.length;

/**
 * A message's text: an assistant reply formatted (Markdown, or pretty JSON with its schema check
 * beside it) until "Raw" or a double-click turns it into its exact, editable text; copy, shading by
 * logprobs, and regenerate / run from here.
 */
export function MessageContent({
  message: m,
  index,
  placeholder,
  format,
  truncated,
  latest,
  running,
  onRerun,
  onPasteImages,
}: MessageContentProps) {
  const { updateMessage } = usePlayground.getState();
  const reply = m.role === "assistant";
  // Decided once: an assistant message typed by hand starts empty and must not flip while typed.
  const [raw, setRaw] = useState(() => !(reply && m.content.trim()));
  const [shade, setShade] = useState(false);
  const [confirm, setConfirm] = useState<number | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const n = index + 1;
  const edit = () => {
    setRaw(true);
    requestAnimationFrame(() => box.current?.focus());
  };
  const rerun = () => {
    const list = usePlayground.getState().setup.messages;
    const at = list.findIndex((x) => x.id === m.id);
    const dropped = list.slice(at + 1).filter((x) => !isBlank(x)).length;
    if (dropped > 0) setConfirm(dropped);
    else onRerun?.(m.id);
  };
  const hasText = m.content.trim() !== "";
  // Older plain-text replies (from before the format changed) are not flagged as broken JSON.
  const check = reply && format.schema && hasText && (latest || /^\s*[[{]/.test(m.content));
  return (
    <>
      {shade && m.logprobs ? (
        <LogprobsText tokens={m.logprobs} />
      ) : reply && !raw ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: a shortcut to the Raw switch next to it, which is the keyboard path.
        <div onDoubleClick={edit} data-testid="message-rendered" title="Double-click to edit">
          <RenderedText text={m.content} streaming={false} json={format.json} />
        </div>
      ) : (
        <textarea
          ref={box}
          aria-label={`Message ${n}, ${m.role}`}
          className="block min-h-8 w-full resize-none bg-transparent text-sm leading-relaxed outline-none [field-sizing:content] placeholder:text-muted"
          value={m.content}
          placeholder={placeholder}
          spellCheck={m.role !== "tool"}
          // Edited text no longer matches the tokens the model scored.
          onChange={(e) =>
            updateMessage(m.id, { content: e.target.value, ...(m.logprobs ? { logprobs: undefined } : {}) })
          }
          onPaste={(e) => {
            const files = [...e.clipboardData.files].filter((f) => f.type.startsWith("image/"));
            if (files.length && m.role !== "assistant" && m.role !== "tool") {
              e.preventDefault();
              onPasteImages(files);
            }
          }}
        />
      )}
      {check && format.schema && (
        <div className="mt-1">
          <SchemaCheck schema={format.schema} text={m.content} truncated={truncated} />
        </div>
      )}
      {(hasText || (m.logprobs && m.logprobs.length > 0)) && (
        <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
          {m.logprobs && m.logprobs.length > 0 && (
            <label className="flex items-center gap-1.5 text-muted text-xs">
              <input type="checkbox" checked={shade} onChange={(e) => setShade(e.target.checked)} />
              Shade tokens by probability
            </label>
          )}
          {confirm !== null ? (
            <p className="ml-auto flex flex-wrap items-center gap-1 text-xs" role="alert">
              <span className="text-warning">
                Drops the {confirm} later message{confirm > 1 ? "s" : ""}.
              </span>
              <Button
                size="xs"
                variant="danger"
                disabled={running}
                data-testid="rerun-confirm"
                onClick={() => {
                  setConfirm(null);
                  onRerun?.(m.id);
                }}
              >
                Drop and run
              </Button>
              <Button size="xs" variant="ghost" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
            </p>
          ) : (
            <div className="ml-auto flex items-center opacity-70 group-focus-within:opacity-100 group-hover:opacity-100">
              {reply && hasText && (
                <Button
                  variant="ghost"
                  size="xs"
                  aria-pressed={raw}
                  aria-label={`Raw text of message ${n}`}
                  title="Show the exact text, editable (off: formatted as Markdown or JSON)"
                  onClick={() => (raw ? setRaw(false) : edit())}
                  data-testid="message-raw"
                >
                  Raw
                </Button>
              )}
              {hasText && (
                <CopyButton
                  value={m.content}
                  variant="ghost"
                  size="xs"
                  className=""
                  aria-label={`Copy message ${n}`}
                  data-testid="message-copy"
                />
              )}
              {onRerun && (
                <Button
                  variant="ghost"
                  size="xs"
                  disabled={running}
                  onClick={rerun}
                  data-testid="message-rerun"
                  aria-label={reply ? `Regenerate message ${n}` : `Run again from message ${n}`}
                  title={
                    reply
                      ? "Replace this reply with a new run (later messages are dropped)"
                      : "Drop the messages after this one and run"
                  }
                >
                  {reply ? "Regenerate" : "Run from here"}
                </Button>
              )}
            </div>
          )}
        </div>
      )}
    </>
  );
}
