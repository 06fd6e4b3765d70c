"use client";

import { create } from "zustand";
import { persist } from "zustand/middleware";
import { draftChannel } from "@/lib/draft-sync";
import { newId } from "@/lib/ids";
import { defaultSetup, newMessage } from "@/lib/playground/defaults";
import type { BuildResult } from "@/lib/playground/request";
import type { RunRecord } from "@/lib/playground/run-record";
import { type Column, type Draft, describeProblem, readDraft } from "@/lib/playground/snapshot";
import { MAX_COLUMNS, type Message, type Params, type Setup, type WireApi } from "@/lib/playground/types";

/**
 * The playground's draft: the main setup, the compare columns and whether compare is on. Persisted
 * to localStorage on every change, so a reload or a crash loses nothing typed. Runs in flight are
 * not persisted; their results are, once they become messages.
 */

export type { Column };
export { MAX_COLUMNS };
export const MAIN = "main";
export const PLAYGROUND_DRAFT_KEY = "benchtop.playground.v1";

interface DraftState extends Draft {
  /** Bumped when a whole setup is replaced (preset, share, reset) so uncontrolled fields remount. */
  revision: number;
}

/** A run with the request that produced it, for the inspector and metrics. */
export interface RunEntry extends RunRecord {
  request: BuildResult;
  model: string;
  /** The mode it ran in: its output belongs to that mode's conversation or completion. */
  api: WireApi;
}

interface RunsState {
  /** Latest run per target: MAIN or a column id. */
  runs: Record<string, RunEntry>;
  /** Targets where Run was pressed again while a run was in flight: the page asks before replacing it. */
  asking: string[];
}

interface Actions {
  update(patch: Partial<Setup>): void;
  /** The toolbar's API switch: the main setup and every compare column (a column can differ after). */
  setApi(api: Setup["api"]): void;
  updateParams(patch: Partial<Params>): void;
  replaceSetup(setup: Setup): void;
  reset(): void;
  updateMessage(id: string, patch: Partial<Message>): void;
  addMessage(message?: Message, afterId?: string): void;
  removeMessage(id: string): void;
  moveMessage(id: string, delta: -1 | 1): void;
  setCompare(on: boolean): void;
  addColumn(): void;
  removeColumn(id: string): void;
  updateColumn(id: string, patch: Partial<Setup>): void;
  updateColumnParams(id: string, patch: Partial<Params>): void;
  promoteColumn(id: string): void;
  setRun(target: string, run: RunEntry | null): void;
  setAsking(target: string, on: boolean): void;
}

export type PlaygroundState = DraftState & RunsState & Actions;

// Read through the draft schema: older drafts are filled from the defaults, and one that does not
// parse is set aside with a notice instead of breaking the page on every reload. Other tabs' writes
// are followed, or shown as a conflict (lib/draft-sync.ts).
const channel = draftChannel<Draft>(PLAYGROUND_DRAFT_KEY, {
  check: (state) => {
    const r = readDraft(state);
    return r.ok ? r : { ok: false, reason: describeProblem(r) };
  },
});

function columnFrom(setup: Setup): Column {
  return { id: newId("col"), setup: structuredClone(setup) };
}

function autoRole(draft: Draft): Draft {
  const auto = (setup: Setup): Setup =>
    setup.instructionsRole === "developer" ? { ...setup, instructionsRole: "auto" } : setup;
  return {
    ...draft,
    setup: auto(draft.setup),
    columns: draft.columns.map((c) => ({ ...c, setup: auto(c.setup) })),
  };
}

export const usePlayground = create<PlaygroundState>()(
  persist(
    (set) => ({
      setup: defaultSetup(),
      columns: [],
      compare: false,
      revision: 0,
      runs: {},
      asking: [],
      update: (patch) => set((s) => ({ setup: { ...s.setup, ...patch } })),
      setApi: (api) =>
        set((s) => ({
          setup: { ...s.setup, api },
          columns: s.columns.map((c) => ({ ...c, setup: { ...c.setup, api } })),
        })),
      updateParams: (patch) =>
        set((s) => ({ setup: { ...s.setup, params: { ...s.setup.params, ...patch } } })),
      replaceSetup: (setup) => set((s) => ({ setup, revision: s.revision + 1, runs: {} })),
      reset: () =>
        set((s) => ({
          setup: defaultSetup(s.setup.model),
          columns: [],
          compare: false,
          revision: s.revision + 1,
          runs: {},
        })),
      updateMessage: (id, patch) =>
        set((s) => ({
          setup: {
            ...s.setup,
            messages: s.setup.messages.map((m) => (m.id === id ? { ...m, ...patch } : m)),
          },
        })),
      addMessage: (message, afterId) =>
        set((s) => {
          const list = [...s.setup.messages];
          const last = list.at(-1);
          const m = message ?? newMessage(last?.role === "user" ? "assistant" : "user");
          const at = afterId ? list.findIndex((x) => x.id === afterId) + 1 : list.length;
          list.splice(at || list.length, 0, m);
          return { setup: { ...s.setup, messages: list } };
        }),
      removeMessage: (id) =>
        set((s) => ({ setup: { ...s.setup, messages: s.setup.messages.filter((m) => m.id !== id) } })),
      moveMessage: (id, delta) =>
        set((s) => {
          const list = [...s.setup.messages];
          const i = list.findIndex((m) => m.id === id);
          const j = i + delta;
          if (i < 0 || j < 0 || j >= list.length) return {};
          [list[i], list[j]] = [list[j] as Message, list[i] as Message];
          return { setup: { ...s.setup, messages: list } };
        }),
      setCompare: (on) =>
        set((s) => ({
          compare: on,
          columns: on && s.columns.length === 0 ? [columnFrom(s.setup), columnFrom(s.setup)] : s.columns,
        })),
      addColumn: () =>
        set((s) =>
          s.columns.length >= MAX_COLUMNS
            ? {}
            : { columns: [...s.columns, columnFrom(s.columns.at(-1)?.setup ?? s.setup)] },
        ),
      removeColumn: (id) =>
        set((s) => {
          const columns = s.columns.filter((c) => c.id !== id);
          return { columns, compare: columns.length > 0 && s.compare };
        }),
      updateColumn: (id, patch) =>
        set((s) => ({
          columns: s.columns.map((c) => (c.id === id ? { ...c, setup: { ...c.setup, ...patch } } : c)),
        })),
      updateColumnParams: (id, patch) =>
        set((s) => ({
          columns: s.columns.map((c) =>
            c.id === id ? { ...c, setup: { ...c.setup, params: { ...c.setup.params, ...patch } } } : c,
          ),
        })),
      promoteColumn: (id) =>
        set((s): Partial<PlaygroundState> => {
          const col = s.columns.find((c) => c.id === id);
          if (!col) return {};
          const { messages, instructions, instructionsRole, prompt } = s.setup;
          return {
            setup: { ...col.setup, messages, instructions, instructionsRole, prompt },
            compare: false,
            revision: s.revision + 1,
            runs: s.runs[id] ? { [MAIN]: s.runs[id] } : {},
          };
        }),
      setRun: (target, run) =>
        set((s) => {
          const runs = { ...s.runs };
          if (run) runs[target] = { ...run };
          else delete runs[target];
          return { runs };
        }),
      setAsking: (target, on) =>
        set((s) => {
          if (on === s.asking.includes(target)) return {};
          return { asking: on ? [...s.asking, target] : s.asking.filter((t) => t !== target) };
        }),
    }),
    {
      name: PLAYGROUND_DRAFT_KEY,
      // v2: the system text's role gained `auto`. A v1 draft's `developer` was the old default, not
      // a choice, so it becomes `auto` (the catalogue's role); an explicit `system` stays.
      version: 2,
      migrate: (persisted, version) => (version < 2 ? autoRole(persisted as Draft) : persisted) as Draft,
      storage: channel.storage,
      partialize: (s): Draft => ({ setup: s.setup, columns: s.columns, compare: s.compare }),
      merge: (persisted, current) => ({ ...current, ...(persisted as Draft) }),
    },
  ),
);

channel.connect(usePlayground);
