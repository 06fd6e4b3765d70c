"use client";

import * as z from "zod/mini";
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { ASSISTANT_VISIBILITIES, type AssistantConfig, assistantConfigSchema } from "@/lib/assistants/schema";
import { draftChannel } from "@/lib/draft-sync";

/**
 * Unsaved builder edits, per assistant id ("new" for /assistants/new), persisted like the
 * playground's draft (lib/draft-storage.ts, docs/drafts.md): a reload keeps them. MCP header values
 * are secrets and stay in memory only (`headers`), never in localStorage.
 */

export const ASSISTANT_DRAFTS_KEY = "benchtop.assistant-drafts";

const draftSchema = z.object({
  config: assistantConfigSchema,
  /** The saved version the edits started from; null on /assistants/new. */
  baseVersion: z.nullable(z.number()),
  visibility: z.optional(z.enum(ASSISTANT_VISIBILITIES)),
});
export type AssistantDraft = z.infer<typeof draftSchema>;

const storedSchema = z.object({ drafts: z.record(z.string(), draftSchema) });
type Stored = z.infer<typeof storedSchema>;

/** Per assistant, server label and header name: a value typed but not saved yet. */
export type HeaderValues = Record<string, Record<string, string>>;

interface DraftState extends Stored {
  headers: Record<string, HeaderValues>;
  put(key: string, draft: AssistantDraft): void;
  discard(key: string): void;
  setHeader(key: string, label: string, name: string, value: string | null): void;
}

const channel = draftChannel<Stored>(ASSISTANT_DRAFTS_KEY, {
  check: (state) => {
    const r = storedSchema.safeParse(state);
    return r.success
      ? { ok: true, value: r.data }
      : { ok: false, reason: r.error.issues[0]?.path.join(".") ?? "" };
  },
});

export const useAssistantDrafts = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      headers: {},
      put: (key, draft) => set((s) => ({ drafts: { ...s.drafts, [key]: draft } })),
      discard: (key) =>
        set((s) => {
          const { [key]: _d, ...drafts } = s.drafts;
          const { [key]: _h, ...headers } = s.headers;
          return { drafts, headers };
        }),
      setHeader: (key, label, name, value) =>
        set((s) => {
          const mine = { ...(s.headers[key] ?? {}) };
          const server = { ...(mine[label] ?? {}) };
          if (value === null) delete server[name];
          else server[name] = value;
          mine[label] = server;
          return { headers: { ...s.headers, [key]: mine } };
        }),
    }),
    {
      name: ASSISTANT_DRAFTS_KEY,
      version: 1,
      storage: channel.storage,
      partialize: (s): Stored => ({ drafts: s.drafts }),
      merge: (persisted, current) => ({ ...current, ...(persisted as Stored) }),
    },
  ),
);

channel.connect(useAssistantDrafts);

export type { AssistantConfig };
