"use client";

import { create } from "zustand";
import { type PersistStorage, persist, type StorageValue } from "zustand/middleware";
import type { Encoding } from "@/lib/models/catalogue";
import { newId } from "@/lib/playground/defaults";
import type { ChatMessage, ChatRole } from "@/lib/tokenizer/chat";
import type { TokenizerMode, TokenizerSnapshot } from "@/lib/tokenizer/snapshot";
import { isEncoding } from "@/lib/tokens/encodings";

/**
 * The tokenizer's draft: mode, text or messages, model and encoding choice, options. Persisted to
 * localStorage, written 300 ms after the last change (2 s for large texts) and when the page is hidden, so typing in a megabyte
 * of text does not serialise it on every key. Texts above MAX_KEPT_CHARS are not kept: browsers cap
 * an origin's localStorage at a few megabytes, shared with the playground's drafts.
 */

export const MAX_KEPT_CHARS = 2_000_000;
export const DEFAULT_LIMIT_MB = 5;
export type TokenView = "text" | "ids";

interface Draft {
  mode: TokenizerMode;
  text: string;
  messages: ChatMessage[];
  tools: string;
  model: string;
  encodingOverride: Encoding | null;
  allowSpecial: boolean;
  view: TokenView;
  /** Texts larger than this (UTF-8 megabytes) are refused before tokenizing. */
  limitMb: number;
  idsInput: string;
}

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

type Persisted = Draft & { textNotKept?: boolean };

/** localStorage, written after a pause and on page hide; a text too large to keep is left out. */
function draftStorage(delayMs: number): PersistStorage<Persisted> {
  let pending: { name: string; value: StorageValue<Persisted> } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (name: string, value: StorageValue<Persisted>) => {
    const state = value.state;
    const keep = state.text.length <= MAX_KEPT_CHARS;
    const attempt = (s: Persisted) => localStorage.setItem(name, JSON.stringify({ ...value, state: s }));
    try {
      attempt(keep ? { ...state, textNotKept: false } : { ...state, text: "", textNotKept: true });
    } catch {
      // Over the browser's quota: keep everything but the text.
      try {
        attempt({ ...state, text: "", textNotKept: true });
      } catch {}
    }
  };
  const flush = () => {
    if (!pending) return;
    const { name, value } = pending;
    pending = null;
    clearTimeout(timer);
    write(name, value);
  };
  if (typeof window !== "undefined") {
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());
  }
  return {
    getItem: (name) => {
      const raw = localStorage.getItem(name);
      if (!raw) return null;
      try {
        return JSON.parse(raw) as StorageValue<Persisted>;
      } catch {
        return null;
      }
    },
    setItem: (name, value) => {
      pending = { name, value };
      clearTimeout(timer);
      // Serialising a large text takes a while: do it less often while someone types in it.
      timer = setTimeout(flush, value.state.text.length > 200_000 ? delayMs * 6 : delayMs);
    },
    removeItem: (name) => localStorage.removeItem(name),
  };
}

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
      name: "benchtop.tokenizer.v1",
      version: 1,
      storage: draftStorage(300),
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
      // A draft from an older build may miss fields or hold odd values: fill and fix from the defaults.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Persisted>;
        const d = defaults();
        return {
          ...current,
          ...d,
          ...p,
          mode: p.mode === "chat" ? "chat" : "text",
          text: typeof p.text === "string" ? p.text : "",
          messages: Array.isArray(p.messages) ? p.messages : d.messages,
          encodingOverride: isEncoding(p.encodingOverride) ? p.encodingOverride : null,
          view: p.view === "ids" ? "ids" : "text",
          limitMb: typeof p.limitMb === "number" && p.limitMb > 0 ? p.limitMb : DEFAULT_LIMIT_MB,
          textNotKept: p.textNotKept === true,
        };
      },
    },
  ),
);
