"use client";

import { LazyMarkdown } from "@/components/ui/markdown-lazy";
import { annotate } from "@/lib/assistants/chat-annotations";
import type { ChatItem } from "@/lib/assistants/chat-stream";
import { Footnotes } from "./footnotes";
import { ItemFrame, list, str } from "./item-context";

/** A message: the person's text as typed, the assistant's as Markdown with its citations as footnotes. */
export function MessageItem({ item, streaming }: { item: ChatItem; streaming: boolean }) {
  const parts =
    typeof item.content === "string" ? [{ type: "input_text", text: item.content }] : list(item.content);
  const user = item.role === "user";
  return (
    <ItemFrame type="message" label={user ? "You" : item.role === "assistant" ? "Assistant" : str(item.role)}>
      {!parts.some((p) => str(p.text) || str(p.refusal)) && !streaming && (
        <p className="text-muted text-xs italic">(empty message)</p>
      )}
      {parts.map((p, i) => {
        const key = `${i}-${str(p.type)}`;
        if (p.type === "refusal")
          return (
            <p key={key} className="text-warning">
              Refused: {str(p.refusal)}
            </p>
          );
        if (user || p.type === "input_text")
          return (
            <p key={key} className="whitespace-pre-wrap">
              {str(p.text)}
            </p>
          );
        const { text, notes } = annotate(str(p.text), p.annotations);
        return (
          <div key={key} className="space-y-1.5">
            <LazyMarkdown text={text} streaming={streaming} />
            <Footnotes notes={notes} />
          </div>
        );
      })}
    </ItemFrame>
  );
}
