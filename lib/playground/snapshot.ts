import type { TokenUsage } from "@/lib/usage";
import type { Choice } from "./accumulate";
import { defaultSetup, newId } from "./defaults";
import type { Setup } from "./types";

/**
 * What a share link or preset freezes: the setup (model, parameters, messages, tools, schema), the
 * compare columns, and the outputs of the last runs. Plain JSON with no credentials: the server
 * refuses a snapshot that contains anything shaped like a key.
 */
export interface SnapshotOutput {
  model: string;
  choices: Choice[];
  usage: TokenUsage | null;
  error: string | null;
}

export interface PlaygroundSnapshot {
  version: 1;
  setup: Setup;
  compare: boolean;
  columns: { id: string; setup: Setup }[];
  /** By target: "main" or a column id. */
  outputs: Record<string, SnapshotOutput>;
}

/** A setup from a snapshot or preset, filled from the defaults and with fresh message ids. */
export function restoreSetup(raw: unknown): Setup {
  const base = defaultSetup();
  const s = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<Setup>;
  return {
    ...base,
    ...s,
    params: { ...base.params, ...s.params },
    builtinTools: { ...base.builtinTools, ...s.builtinTools },
    messages: Array.isArray(s.messages)
      ? s.messages.map((m) => ({ ...m, images: m.images ?? [], id: newId() }))
      : base.messages,
    tools: Array.isArray(s.tools) ? s.tools : [],
  };
}

export function isPlaygroundSnapshot(v: unknown): v is PlaygroundSnapshot {
  return typeof v === "object" && v !== null && (v as { version?: unknown }).version === 1 && "setup" in v;
}
