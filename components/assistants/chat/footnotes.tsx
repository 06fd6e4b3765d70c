"use client";

import type { Footnote } from "@/lib/assistants/chat-annotations";
import { useItemActions } from "./item-context";

const enc = encodeURIComponent;

/** Where a cited file downloads from, through the proxy. */
export function footnotePath(n: Footnote): string | null {
  if (n.kind === "file") return `/api/v1/files/${enc(n.fileId)}/content`;
  if (n.kind === "container_file")
    return `/api/v1/containers/${enc(n.containerId)}/files/${enc(n.fileId)}/content`;
  return null;
}

/** A message's citations, numbered as the markers in its text. */
export function Footnotes({ notes }: { notes: Footnote[] }) {
  const actions = useItemActions();
  if (!notes.length) return null;
  return (
    <ol className="space-y-0.5 border-border border-t pt-1.5 text-xs" data-testid="chat-footnotes">
      {notes.map((n) => {
        const path = footnotePath(n);
        return (
          <li key={n.n} className="flex gap-1.5" data-testid="chat-footnote" data-kind={n.kind}>
            <span className="text-muted">[{n.n}]</span>
            {n.kind === "url" ? (
              <a
                href={n.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="min-w-0 truncate text-accent underline"
              >
                {n.title}
              </a>
            ) : n.kind === "source" ? (
              <span className="text-muted">{n.label}</span>
            ) : actions && path ? (
              <button
                type="button"
                className="min-w-0 truncate text-accent underline"
                onClick={() => actions.download(path, n.filename)}
              >
                {n.filename}
              </button>
            ) : (
              <span className="truncate">{n.filename}</span>
            )}
            {n.kind === "container_file" && <span className="text-muted">(container file)</span>}
          </li>
        );
      })}
    </ol>
  );
}
