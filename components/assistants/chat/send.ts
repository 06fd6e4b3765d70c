"use client";

import { apiFetch } from "@/lib/api-client";
import { apiStream, streamInterrupted } from "@/lib/api-stream";
import {
  chatInclude,
  conversationTitle,
  segmentTurns,
  turnBody,
  variablesToSend,
} from "@/lib/assistants/chat-request";
import { applyChatEvent, type ChatItem, emptyTurnStream } from "@/lib/assistants/chat-stream";
import { addConversation, conversationTurns } from "@/lib/assistants/client";
import type { AssistantConfig } from "@/lib/assistants/schema";
import { ApiError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { type ChatError, type ChatTurn, useChat } from "./store";

/**
 * Sends a turn exactly as code would (lib/assistants/chat-request.ts) and folds its stream into
 * the transcript. Stop aborts the request; what arrived stays, as in the playground.
 */

let controller: AbortController | null = null;

export function stopTurn(): void {
  controller?.abort();
}

function asChatError(e: unknown): ChatError {
  const err =
    e instanceof ApiError ? e : new ApiError({ status: 0, type: "client_error", message: String(e) });
  return { ...err.toJSON().error, status: err.status || null };
}

export interface SendInput {
  assistantId: string;
  version: number;
  config: AssistantConfig;
  values: Record<string, string>;
  input: ChatItem[];
  /** A new conversation was created (the page puts it in the URL and refreshes the list). */
  onConversation(id: string): void;
}

export async function sendTurn(p: SendInput): Promise<void> {
  const chat = useChat.getState();
  const key = newId();
  const stream = emptyTurnStream();
  const turn: ChatTurn = {
    key,
    input: p.input,
    stream,
    loaded: [],
    version: p.version,
    status: "streaming",
    error: null,
    timings: { startedAt: performance.now(), firstEventAt: null, endedAt: null },
    recorded: null,
  };
  chat.addTurn(turn);
  chat.set({ outputs: {} });
  const ctrl = new AbortController();
  controller = ctrl;
  const timings = turn.timings as NonNullable<ChatTurn["timings"]>;
  const update = (change: Partial<ChatTurn> = {}) =>
    useChat.getState().updateTurn(key, { stream: { ...stream, items: [...stream.items] }, ...change });
  const end = (status: ChatTurn["status"], error: ChatError | null = null) => {
    timings.endedAt = performance.now();
    update({ status, error, timings: { ...timings } });
  };
  try {
    let conversation = useChat.getState().conversationId;
    if (!conversation) {
      const created = await apiFetch<{ id: string }>("/api/v1/conversations", {
        body: { metadata: { benchtop_assistant: p.assistantId } },
        signal: ctrl.signal,
      });
      conversation = created.id;
      useChat.getState().set({ conversationId: conversation });
      const first = p.input.find((i) => i.type === "message");
      const text = (first?.content as { text?: string }[] | undefined)?.[0]?.text ?? "";
      await addConversation(p.assistantId, conversation, conversationTitle(text));
      p.onConversation(conversation);
    }
    const body = turnBody({
      assistantId: p.assistantId,
      version: p.version,
      variables: variablesToSend(p.config.variables, p.values),
      conversation,
      input: p.input,
      include: chatInclude(p.config),
    });
    const { events } = await apiStream<unknown>("/api/v1/responses", { body, signal: ctrl.signal });
    let last = 0;
    for await (const ev of events) {
      if (ev.data === "[DONE]") continue;
      timings.firstEventAt ??= performance.now();
      applyChatEvent(stream, ev.json);
      const now = performance.now();
      if (now - last > 30) {
        last = now;
        update({ timings: { ...timings } });
      }
    }
    if (ctrl.signal.aborted) return end("stopped");
    if (stream.error) return end("error", { ...stream.error, status: null });
    if (!stream.status) return end("error", asChatError(streamInterrupted()));
    end("done");
  } catch (e) {
    if (ctrl.signal.aborted) return end("stopped");
    end("error", asChatError(e));
  } finally {
    if (controller === ctrl) controller = null;
  }
}

interface ItemsPage {
  data: ChatItem[];
  has_more: boolean;
  last_id: string | null;
}

/** Reopens a past conversation: its items (paged, oldest first) as turns, with the ledger's record of each. */
export async function openConversation(assistantId: string, conversationId: string): Promise<void> {
  const chat = useChat.getState();
  chat.reset(conversationId);
  chat.set({ loading: true });
  try {
    const items: ChatItem[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const qs = new URLSearchParams({ order: "asc", limit: "100" });
      if (after) qs.set("after", after);
      const res: ItemsPage = await apiFetch<ItemsPage>(
        `/api/v1/conversations/${encodeURIComponent(conversationId)}/items?${qs}`,
      );
      items.push(...res.data);
      if (!res.has_more || !res.last_id) break;
      after = res.last_id;
    }
    const recorded = await conversationTurns(assistantId, conversationId).catch(() => []);
    const turns = segmentTurns(items).map(
      (loaded, i): ChatTurn => ({
        key: newId(),
        input: [],
        stream: null,
        loaded,
        version: recorded[i]?.version ?? null,
        status: "done",
        error: null,
        timings: null,
        recorded: recorded[i] ?? null,
      }),
    );
    if (useChat.getState().conversationId === conversationId) useChat.getState().setTurns(turns);
  } catch (e) {
    useChat.getState().set({ loadError: e instanceof Error ? e.message : String(e) });
  } finally {
    useChat.getState().set({ loading: false });
  }
}
