import type { Fault as EmulatorFault, LoggedRequest } from "../../lib/emulator/state";
import { E2E } from "./env";

/** Drives the upstream emulator's test controls (faults, request log). */
export type Fault = Omit<EmulatorFault, "id" | "times"> & { times?: number };
export type { LoggedRequest };

async function control(path: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/${path}`, {
    ...init,
    headers: { "content-type": "application/json" },
  });
  if (!res.ok) throw new Error(`emulator ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

export const emulator = {
  reset: () => control("reset", { method: "POST" }),
  fault: (f: Fault) => control("faults", { method: "POST", body: JSON.stringify(f) }),
  clearFaults: () => control("faults", { method: "DELETE" }),
  clock: (advanceSeconds: number) =>
    control("clock", { method: "POST", body: JSON.stringify({ advanceSeconds }) }),
  config: (c: {
    streamChunkDelayMs?: number;
    streamChunks?: number | null;
    vectorStoreProcessingMs?: number;
    fileContentType?: string | null;
    fileContentDisposition?: string | null;
  }) => control("config", { method: "POST", body: JSON.stringify(c) }),
  /** The latest POST that reached `path`, with its JSON body. */
  async lastPost(path: string): Promise<LoggedRequest & { json: Record<string, unknown> }> {
    const last = (await emulator.requests()).filter((r) => r.path === path && r.method === "POST").at(-1);
    if (!last) throw new Error(`no ${path} call reached the emulator`);
    return last as LoggedRequest & { json: Record<string, unknown> };
  },
  async requests(): Promise<LoggedRequest[]> {
    const r = (await control("requests")) as LoggedRequest[] | { data: LoggedRequest[] };
    return Array.isArray(r) ? r : r.data;
  },
};
