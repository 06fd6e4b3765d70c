"use client";

import { memo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { usePrompt } from "@/components/ui/prompt-dialog";
import { newId } from "@/lib/ids";
import type { Message, Role } from "@/lib/playground/types";
import { checkImageFile, checkImageUrl, ImageList, readImage } from "./image-inputs";
import { MessageContent, type ReplyFormat } from "./message-content";
import { OmittedImageNote } from "./omitted-images";
import { usePlayground } from "./store";

const ROLES: Role[] = ["user", "assistant", "system", "developer", "tool"];

export interface MessageEditorProps {
  message: Message;
  index: number;
  count: number;
  /** The tool call a tool message answers, for its label. */
  callName?: string;
  format: ReplyFormat;
  truncated: boolean;
  latest: boolean;
  running: boolean;
  /** Regenerate or run from this message; absent where that is not offered. */
  onRerun?: (id: string) => void;
  /** The text box's hint when empty. */
  placeholder?: string;
}

export const MessageEditor = memo(function MessageEditor({
  message: m,
  index,
  count,
  callName,
  format,
  truncated,
  latest,
  running,
  onRerun,
  placeholder = `Enter ${m.role} message…`,
}: MessageEditorProps) {
  const { updateMessage, removeMessage, moveMessage } = usePlayground.getState();
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const addFiles = async (files: File[]) => {
    const problems = files.map(checkImageFile).filter(Boolean);
    setError(problems[0] ?? null);
    const ok = files.filter((f) => !checkImageFile(f));
    if (!ok.length) return;
    const read = await Promise.all(ok.map(readImage));
    const current = usePlayground.getState().setup.messages.find((x) => x.id === m.id);
    updateMessage(m.id, { images: [...(current?.images ?? []), ...read] });
  };
  const [askUrl, urlDialog] = usePrompt();
  const addUrl = async () => {
    const url = await askUrl({
      title: "Add an image by URL",
      label: "Image URL (https) or data: URL",
      placeholder: "https://…",
      confirmLabel: "Add image",
      inputMode: "url",
      validate: checkImageUrl,
    });
    if (!url) return;
    setError(null);
    const current = usePlayground.getState().setup.messages.find((x) => x.id === m.id);
    updateMessage(m.id, {
      images: [...(current?.images ?? []), { id: `img_${Date.now()}`, url, detail: "auto" }],
    });
  };
  return (
    <li
      className="group rounded-lg border border-border bg-surface p-2 [contain-intrinsic-size:auto_6rem] [content-visibility:auto]"
      data-testid="message"
      data-role={m.role}
    >
      {urlDialog}
      <div className="mb-1 flex items-center gap-1">
        <select
          aria-label={`Role of message ${index + 1}`}
          className="h-6 rounded bg-transparent px-1 font-medium text-muted text-xs uppercase tracking-wide hover:bg-surface-2"
          value={m.role}
          onChange={(e) => updateMessage(m.id, { role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        {m.role === "tool" && (
          <span className="truncate font-mono text-[11px] text-muted" data-testid="tool-output-for">
            output of {callName ?? "call"} · {m.toolCallId || "no call id"}
          </span>
        )}
        <div className="ml-auto flex items-center opacity-60 group-focus-within:opacity-100 group-hover:opacity-100">
          {m.role !== "tool" && m.role !== "assistant" && (
            <>
              <Button
                variant="ghost"
                className="h-6 px-1.5 text-[11px]"
                onClick={() => fileRef.current?.click()}
                aria-label={`Add image to message ${index + 1}`}
              >
                + Image
              </Button>
              <Button
                variant="ghost"
                className="h-6 px-1.5 text-[11px]"
                onClick={addUrl}
                aria-label={`Add image URL to message ${index + 1}`}
              >
                URL
              </Button>
              <input
                ref={fileRef}
                type="file"
                accept="image/png,image/jpeg,image/webp,image/gif"
                multiple
                hidden
                onChange={(e) => void addFiles([...(e.target.files ?? [])])}
              />
            </>
          )}
          <Button
            variant="ghost"
            size="xs"
            disabled={index === 0}
            onClick={() => moveMessage(m.id, -1)}
            aria-label={`Move message ${index + 1} up`}
          >
            ↑
          </Button>
          <Button
            variant="ghost"
            size="xs"
            disabled={index === count - 1}
            onClick={() => moveMessage(m.id, 1)}
            aria-label={`Move message ${index + 1} down`}
          >
            ↓
          </Button>
          <Button
            variant="ghost"
            size="xs"
            onClick={() => removeMessage(m.id)}
            aria-label={`Delete message ${index + 1}`}
          >
            ×
          </Button>
        </div>
      </div>
      {m.toolCalls?.map((c) => (
        <div
          key={c.id}
          className="mb-1 rounded-md bg-surface-2 px-2 py-1 font-mono text-xs"
          data-testid="tool-call"
        >
          <span className="font-semibold">{c.name}</span>
          <span className="text-muted">({c.id})</span>
          <pre className="whitespace-pre-wrap break-all">{pretty(c.arguments)}</pre>
        </div>
      ))}
      {m.reasoning && (
        <details className="mb-1 rounded-md bg-surface-2 px-2 py-1 text-xs" data-testid="reasoning">
          <summary className="cursor-pointer text-muted">Reasoning summary</summary>
          <p className="mt-1 whitespace-pre-wrap text-muted">{m.reasoning}</p>
        </details>
      )}
      <MessageContent
        message={m}
        index={index}
        placeholder={
          m.role === "tool"
            ? `Type or paste what ${callName ?? "the tool"} returned`
            : m.toolCalls?.length
              ? "(no text)"
              : placeholder
        }
        format={format}
        truncated={truncated}
        latest={latest}
        running={running}
        onRerun={onRerun}
        onPasteImages={(files) => void addFiles(files)}
      />
      <ImageList images={m.images} onChange={(images) => updateMessage(m.id, { images })} />
      {m.omittedImages?.map((img, n) => (
        <OmittedImageNote
          // biome-ignore lint/suspicious/noArrayIndexKey: omitted images have no id; removing one re-renders the rest
          key={n}
          image={img}
          onAddBack={() =>
            updateMessage(m.id, {
              images: [...m.images, { id: newId("img"), url: img.url, detail: img.detail, name: img.name }],
              omittedImages: m.omittedImages?.filter((_, i) => i !== n),
            })
          }
        />
      ))}
      {error && (
        <p role="alert" className="mt-1 text-danger text-xs">
          {error}
        </p>
      )}
    </li>
  );
});

function pretty(args: string): string {
  try {
    return JSON.stringify(JSON.parse(args), null, 2);
  } catch {
    return args;
  }
}
