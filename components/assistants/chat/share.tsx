"use client";

import { ShareLinkDialog } from "@/components/shares/share-link-dialog";
import type { AssistantShareSnapshot } from "@/lib/assistants/share-snapshot";
import { shareableItem } from "@/lib/assistants/share-snapshot";
import { costOf, type ResolvedModel } from "@/lib/models/catalogue";
import { type ChatTurn, turnItems, useChat } from "./store";

/** The transcript as a share snapshot: what the page shows, with each turn's usage and timings. */
export function chatSnapshot(
  assistant: { id: string; name: string; version: number | null },
  turns: ChatTurn[],
  resolve: (model: string) => ResolvedModel,
): AssistantShareSnapshot {
  return {
    version: 1,
    assistant,
    turns: turns
      .filter((t) => t.status !== "streaming")
      .map((t) => {
        const usage = t.stream?.usage ?? null;
        const model = t.stream?.model ?? t.recorded?.model ?? null;
        const timings = t.timings;
        return {
          version: t.version,
          model,
          items: turnItems(t).map(shareableItem),
          usage: usage ?? null,
          costUsd: t.recorded?.costUsd ?? (usage && model ? costOf(resolve(model), usage) : null),
          ttfbMs: timings?.firstEventAt
            ? Math.round(timings.firstEventAt - timings.startedAt)
            : (t.recorded?.ttfbMs ?? null),
          durationMs: timings?.endedAt
            ? Math.round(timings.endedAt - timings.startedAt)
            : (t.recorded?.durationMs ?? null),
          error: t.error
            ? { message: t.error.message, type: t.error.type, code: t.error.code, status: t.error.status }
            : null,
        };
      }),
  };
}

export function ChatShareDialog({
  assistant,
  resolve,
  canSharePublicly,
  onClose,
}: {
  assistant: { id: string; name: string; version: number | null };
  resolve: (model: string) => ResolvedModel;
  canSharePublicly: boolean;
  onClose(): void;
}) {
  return (
    <ShareLinkDialog
      kind="assistant"
      snapshot={() => chatSnapshot(assistant, useChat.getState().turns, resolve)}
      description="A read-only copy of this conversation: every item of each turn, with usage and timings. MCP header values and encrypted reasoning are never included. Later turns do not change it."
      titlePlaceholder="What this conversation shows"
      canSharePublicly={canSharePublicly}
      onClose={onClose}
    />
  );
}
