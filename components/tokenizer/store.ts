"use client";

import { create } from "zustand";
import { persist } from "zustand/middleware";
import { draftChannel } from "@/lib/draft-sync";
import { newId } from "@/lib/ids";
import type { ChatMessage, ChatRole } from "@/lib/tokenizer/chat";
import { readTokenizerDraft, type TokenizerDraft } from "@/lib/tokenizer/draft";
import type { TokenizerSnapshot } from "@/lib/tokenizer/snapshot";

/**
 * The tokenizer's draft: mode, text or messages, model and encoding choice, options. Persisted to
 * localStorage, written 300 ms after the last change (2 s for large texts) and when the page is hidden, so typing in a megabyte
 * of text does not serialise it on every key. Texts above MAX_KEPT_CHARS are not kept: browsers cap
 * an origin's localStorage at a few megabytes, shared with the playground's drafts.
 */

export const MAX_KEPT_CHARS = 2_000_000;
export const DEFAULT_LIMIT_MB = 5;
export const TOKENIZER_DRAFT_KEY = "benchtop.tokenizer.v1";

type Draft = Omit<TokenizerDraft, "textNotKept">;
export type TokenView = Draft["view"];

interface State extends Draft {
  /** Bumped when the text is replaced from outside the box (share, decode), so the box remounts. */
  revision: number;
  /** The last text was too large to keep in the browser. */
  textNotKept: boolean;
}

interface Actions {
  set(patch: Partial<Draft>): void;
  replaceText(text: string): void;
  updateMessage(id: string, patch: Partial<ChatMessage>): void;
  addMessage(role?: ChatRole): void;
  removeMessage(id: string): void;
  loadSnapshot(snap: TokenizerSnapshot): void;
}

export type TokenizerState = State & Actions;

export function newChatMessage(role: ChatRole, content = ""): ChatMessage {
  return { id: newId("msg"), role, content };
}

function defaults(): Draft {
  return {
    mode: "text",
    text: "",
    messages: [newChatMessage("system", "You are a helpful assistant."), newChatMessage("user")],
    tools: "",
    model: "gpt-4o-mini",
    encodingOverride: null,
    allowSpecial: false,
    view: "text",
    limitMb: DEFAULT_LIMIT_MB,
    idsInput: "",
  };
}

type Persisted = TokenizerDraft;

/**
 * localStorage, written after a pause and on page hide; a text too large to keep is left out. Other
 * tabs' writes are followed, or shown as a conflict (lib/draft-sync.ts).
 */
function draftStorage(delayMs: number) {
  const channel = draftChannel<Persisted>(TOKENIZER_DRAFT_KEY, {
    // Read through the draft's schema; one that does not parse is set aside with a notice.
    check: (state) => {
      const r = readTokenizerDraft(state, defaults());
      return r.ok ? r : { ok: false, reason: r.reason };
    },
    // Serialising a large text takes a while: do it less often while someone types in it.
    delay: (value) => (value.state.text.length > 200_000 ? delayMs * 6 : delayMs),
    write: (value, put) => {
      const state = value.state;
      const keep = state.text.length <= MAX_KEPT_CHARS;
      try {
        put({
          ...value,
          state: keep ? { ...state, textNotKept: false } : { ...state, text: "", textNotKept: true },
        });
      } catch {
        // Over the browser's quota: keep everything but the text.
        try {
          put({ ...value, state: { ...state, text: "", textNotKept: true } });
        } catch {}
      }
    },
  });
  if (typeof window !== "undefined") {
    window.addEventListener("pagehide", () => channel.flush());
    document.addEventListener(
      "visibilitychange",
      () => document.visibilityState === "hidden" && channel.flush(),
    );
  }
  return channel;
}

const channel = draftStorage(300);

export const useTokenizer = create<TokenizerState>()(
  persist(
    (set) => ({
      ...defaults(),
      revision: 0,
      textNotKept: false,
      set: (patch) => set(patch),
      replaceText: (text) => set((s) => ({ text, mode: "text", revision: s.revision + 1 })),
      updateMessage: (id, patch) =>
        set((s) => ({ messages: s.messages.map((m) => (m.id === id ? { ...m, ...patch } : m)) })),
      addMessage: (role) =>
        set((s) => {
          const last = s.messages.at(-1)?.role;
          return {
            messages: [...s.messages, newChatMessage(role ?? (last === "user" ? "assistant" : "user"))],
          };
        }),
      removeMessage: (id) => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
      loadSnapshot: (snap) =>
        set((s) => ({
          mode: snap.mode,
          model: snap.model,
          encodingOverride: snap.encodingOverride,
          allowSpecial: snap.allowSpecial,
          ...(snap.mode === "text"
            ? { text: snap.text ?? "" }
            : {
                messages: (snap.messages ?? []).map((m) => newChatMessage(m.role, m.content)),
                tools: snap.tools ?? "",
              }),
          revision: s.revision + 1,
        })),
    }),
    {
      name: TOKENIZER_DRAFT_KEY,
      version: 1,
      storage: channel.storage,
      partialize: (s): Persisted => ({
        mode: s.mode,
        text: s.text,
        messages: s.messages,
        tools: s.tools,
        model: s.model,
        encodingOverride: s.encodingOverride,
        allowSpecial: s.allowSpecial,
        view: s.view,
        limitMb: s.limitMb,
        idsInput: s.idsInput,
      }),
      merge: (persisted, current) => {
        const p = persisted as Persisted;
        return { ...current, ...p, textNotKept: p.textNotKept === true };
      },
    },
  ),
);

channel.connect(useTokenizer);
