"use client";

import type { ChatItem } from "@/lib/assistants/chat-stream";
import { ItemFrame, list, str } from "./item-context";

/** File search: its queries and each result's score, file and the chunk it found (expandable). */
export function FileSearchItem({ item }: { item: ChatItem }) {
  const queries = list<string>(item.queries).filter((q) => typeof q === "string");
  const results = list(item.results);
  return (
    <ItemFrame type="file_search_call" label="File search" status={item.status}>
      {queries.length > 0 && (
        <p className="text-xs">
          <span className="text-muted">Queries: </span>
          {queries.map((q) => `“${q}”`).join(", ")}
        </p>
      )}
      {results.length > 0 ? (
        <ul className="space-y-1">
          {results.map((r) => (
            <li
              key={`${str(r.file_id)}:${String(r.score)}:${str(r.text).slice(0, 40)}`}
              data-testid="file-search-result"
            >
              <details>
                <summary className="flex cursor-pointer items-baseline gap-2 text-xs">
                  <span className="font-mono tabular-nums" data-testid="file-search-score">
                    {typeof r.score === "number" ? r.score.toFixed(3) : "–"}
                  </span>
                  <span className="truncate font-medium">{str(r.filename) || str(r.file_id)}</span>
                </summary>
                <p className="mt-1 whitespace-pre-wrap rounded-md bg-surface-2 px-2 py-1 text-xs">
                  {str(r.text)}
                </p>
              </details>
            </li>
          ))}
        </ul>
      ) : (
        item.status === "completed" && <p className="text-muted text-xs">No results returned.</p>
      )}
    </ItemFrame>
  );
}
