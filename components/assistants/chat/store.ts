"use client";

import { create } from "zustand";
import type { ChatItem, TurnStream } from "@/lib/assistants/chat-stream";
import type { AssistantTurn } from "@/lib/assistants/schema";
import type { ApiErrorBody } from "@/lib/errors";

/**
 * The test chat's transcript (docs/assistants-chat.md): not a draft — the conversation lives
 * upstream and in Benchtop's index, and reopening it reloads its items.
 */

export type TurnStatus = "streaming" | "done" | "stopped" | "error";

export type ChatError = ApiErrorBody["error"] & { status: number | null };

export interface ChatTurn {
  key: string;
  /** What this request sent: the user's message, function outputs, approval answers. */
  input: ChatItem[];
  /** Null for a turn loaded from the conversation (its items are in `loaded`). */
  stream: TurnStream | null;
  loaded: ChatItem[];
  version: number | null;
  status: TurnStatus;
  error: ChatError | null;
  /** performance.now() marks of this browser's own turns. */
  timings: { startedAt: number; firstEventAt: number | null; endedAt: number | null } | null;
  /** The ledger's record of a reopened turn. */
  recorded: AssistantTurn | null;
}

interface ChatState {
  conversationId: string | null;
  turns: ChatTurn[];
  /** Outputs typed or chosen for pending function calls, by call_id, until the turn is sent. */
  outputs: Record<string, string>;
  loading: boolean;
  loadError: string | null;
  reset(conversationId: string | null): void;
  setTurns(turns: ChatTurn[]): void;
  addTurn(turn: ChatTurn): void;
  updateTurn(key: string, change: Partial<ChatTurn>): void;
  setOutput(callId: string, output: string): void;
  set(p: Partial<Pick<ChatState, "conversationId" | "loading" | "loadError" | "outputs">>): void;
}

export const useChat = create<ChatState>()((set) => ({
  conversationId: null,
  turns: [],
  outputs: {},
  loading: false,
  loadError: null,
  reset: (conversationId) => set({ conversationId, turns: [], outputs: {}, loading: false, loadError: null }),
  setTurns: (turns) => set({ turns }),
  addTurn: (turn) => set((s) => ({ turns: [...s.turns, turn] })),
  updateTurn: (key, change) =>
    set((s) => ({ turns: s.turns.map((t) => (t.key === key ? { ...t, ...change } : t)) })),
  setOutput: (callId, output) => set((s) => ({ outputs: { ...s.outputs, [callId]: output } })),
  set: (p) => set(p),
}));

/** Every item of a turn, sent and received, in order. */
export function turnItems(t: ChatTurn): ChatItem[] {
  if (!t.stream) return t.loaded;
  return [...t.input, ...t.stream.items.filter((i): i is ChatItem => i !== undefined)];
}

/** The whole conversation so far, oldest first. */
export function allItems(turns: ChatTurn[]): ChatItem[] {
  return turns.flatMap(turnItems);
}
