"use client";

import { ApiErrorCard } from "@/components/ui/api-error-card";
import { Spinner } from "@/components/ui/spinner";
import type { ChatItem } from "@/lib/assistants/chat-stream";
import type { ResolvedModel } from "@/lib/models/catalogue";
import { guidanceFor } from "@/lib/playground/guidance";
import { ChatItemView } from "./chat-item";
import { containerFiles } from "./item-code-interpreter";
import { type ChatTurn, turnItems } from "./store";
import { TurnMeta } from "./turn-meta";

/** The turns of a conversation, every item of each, its meta line, and its error if it failed. */
export function Transcript({ turns, resolve }: { turns: ChatTurn[]; resolve(model: string): ResolvedModel }) {
  return (
    <ol className="space-y-4" data-testid="chat-transcript">
      {turns.map((t) => (
        <TurnView key={t.key} turn={t} resolve={resolve} />
      ))}
    </ol>
  );
}

function TurnView({ turn, resolve }: { turn: ChatTurn; resolve(model: string): ResolvedModel }) {
  const items = turnItems(turn);
  const files = containerFiles(items);
  const streaming = turn.status === "streaming";
  return (
    <li className="space-y-2" data-testid="chat-turn" data-status={turn.status}>
      {items.map((item: ChatItem, i) => (
        <div
          key={item.id ?? `${turn.key}-${i}`}
          className={item.type === "message" && item.role === "user" ? "sm:ml-12" : ""}
        >
          <ChatItemView item={item} streaming={streaming} files={files} />
        </div>
      ))}
      {streaming && <Spinner label="Waiting for the assistant…" />}
      {turn.error && (
        <ApiErrorCard error={turn.error} guidance={guidanceFor(turn.error)} testId="chat-error" />
      )}
      {!streaming && <TurnMeta turn={turn} resolve={resolve} />}
    </li>
  );
}
