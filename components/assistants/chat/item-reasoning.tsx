"use client";

import type { ChatItem } from "@/lib/assistants/chat-stream";
import { ItemFrame, list, str } from "./item-context";

/** Reasoning: its summaries, collapsed once the turn has moved on. */
export function ReasoningItem({ item, streaming }: { item: ChatItem; streaming: boolean }) {
  const text = [...list(item.summary), ...list(item.content)]
    .map((s) => str(s.text))
    .filter(Boolean)
    .join("\n\n");
  return (
    <ItemFrame type="reasoning" label="Reasoning">
      {text ? (
        <details open={streaming} className="group">
          <summary className="cursor-pointer text-muted text-xs">Summary</summary>
          <p className="mt-1 whitespace-pre-wrap text-muted italic">{text}</p>
        </details>
      ) : (
        <p className="text-muted text-xs">No summary{item.encrypted_content ? " (encrypted)" : ""}.</p>
      )}
    </ItemFrame>
  );
}
