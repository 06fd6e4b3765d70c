import type { Fault as EmulatorFault, LoggedPart, LoggedRequest } from "../../lib/emulator/state";
import { E2E } from "./env";

/** Drives the upstream emulator's test controls (faults, request log). */
export type Fault = Omit<EmulatorFault, "id" | "times"> & { times?: number };
export type { LoggedPart, LoggedRequest };

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
    /** Pad image answers so each base64 image is about this long (benchmarks); null turns it off. */
    imageB64Bytes?: number | null;
    /** Fine-tuning: emulator-clock milliseconds per training step (default 150). */
    fineTuningStepMs?: number;
    /** "refuse": job creation answers as after the wind-down (docs/fine-tuning-emulator.md). */
    fineTuningCreation?: "allow" | "refuse";
  }) => control("config", { method: "POST", body: JSON.stringify(c) }),
  /** The latest POST that reached `path`, with its JSON body. */
  async lastPost(path: string): Promise<LoggedRequest & { json: Record<string, unknown> }> {
    const last = (await emulator.requests()).filter((r) => r.path === path && r.method === "POST").at(-1);
    if (!last) throw new Error(`no ${path} call reached the emulator`);
    return last as LoggedRequest & { json: Record<string, unknown> };
  },
  /**
   * A multipart part of the latest POST to `path` (e.g. `/v1/images/edits`, field `mask`), with its
   * bytes: the request log keeps each part up to 16 MB. `index` picks among repeated fields (`image[]`).
   */
  async lastPart(path: string, field: string, index = 0): Promise<LoggedPart & { content: Buffer }> {
    const last = await emulator.lastPost(path);
    const part = (last.parts ?? []).filter((p) => p.field === field)[index];
    if (!part) throw new Error(`the last ${path} call had no '${field}' part #${index}`);
    if (part.base64 === null) throw new Error(`the '${field}' part was over the log's size cap`);
    return { ...part, content: Buffer.from(part.base64, "base64") };
  },
  async requests(): Promise<LoggedRequest[]> {
    const r = (await control("requests")) as LoggedRequest[] | { data: LoggedRequest[] };
    return Array.isArray(r) ? r : r.data;
  },
};
