"use client";

import type { ChatItem } from "@/lib/assistants/chat-stream";
import { ItemFrame, list, str } from "./item-context";

/** Web search: the query (or page it opened) and the sources it read. */
export function WebSearchItem({ item }: { item: ChatItem }) {
  const action = (item.action ?? {}) as Record<string, unknown>;
  const query = str(action.query) || list<string>(action.queries).join(", ") || str(action.url);
  const sources = list(action.sources).filter((s) => str(s.url));
  return (
    <ItemFrame type="web_search_call" label="Web search" status={item.status}>
      {query && <p className="text-xs">“{query}”</p>}
      {sources.length > 0 && (
        <ul className="list-disc space-y-0.5 pl-4 text-xs">
          {sources.map((s) => (
            <li key={str(s.url)}>
              <a
                href={str(s.url)}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="break-all text-accent underline"
              >
                {str(s.url)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </ItemFrame>
  );
}
