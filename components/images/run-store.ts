"use client";

import { create } from "zustand";
import { ApiError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { MaskDoc } from "@/lib/images/mask";
import { type ImageMode, type ImageParams, requestParams, requestSplit, streams } from "@/lib/images/params";
import type { ImageEndpoint } from "@/lib/images/request";
import type { ResolvedModel } from "@/lib/models/catalogue";
import type { ImageSpec } from "@/lib/models/schema";
import type { LoadedInput } from "./inputs-store";
import { emptySlot, type ImageRun, type ResultSlot } from "./run-job";

/**
 * The studio's current run (not persisted: every finished image is in the library). `start` splits
 * the run into requests (lib/images/params.ts), and the work itself (requests, saving, compositing)
 * loads with the first run from run-exec.ts.
 */

export interface ImageJob {
  mode: ImageMode;
  model: ResolvedModel;
  spec: ImageSpec;
  prompt: string;
  params: ImageParams;
  inputs: LoadedInput[];
  mask: MaskDoc | null;
  maskSource: "drawn" | "transparency";
  keepOutside: boolean;
  feather: number;
  /** Send the drawn area as a markup overlay instead of a mask (models with `markup`). */
  asMarkup: boolean;
}

interface RunState {
  run: ImageRun | null;
  running: boolean;
  start(job: ImageJob): Promise<void>;
  stop(): void;
  patchSlot(runId: string, index: number, patch: Partial<ResultSlot>): void;
  patchRun(runId: string, patch: Partial<ImageRun>): void;
  clear(): void;
}

let controller: AbortController | null = null;

const ENDPOINT: Record<ImageMode, ImageEndpoint> = {
  generate: "generations",
  edit: "edits",
  variations: "variations",
};

function revoke(run: ImageRun | null): void {
  for (const s of run?.slots ?? []) {
    if (s.url?.startsWith("blob:")) URL.revokeObjectURL(s.url);
    if (s.composite) URL.revokeObjectURL(s.composite.url);
  }
}

export const useImageRun = create<RunState>()((set, get) => ({
  run: null,
  running: false,
  start: async (job) => {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    const streaming = streams(job.params, job.spec, job.mode);
    const split = requestSplit(job.params.n, job.spec, streaming);
    const total = split.reduce((a, b) => a + b, 0);
    revoke(get().run);
    const run: ImageRun = {
      id: newId("run"),
      endpoint: ENDPOINT[job.mode],
      model: job.model.model,
      prompt: job.prompt,
      params: requestParams(job.mode, job.params, job.spec, total),
      requests: split.length,
      streaming,
      startedAt: Date.now(),
      endedAt: null,
      slots: Array.from({ length: total }, () => emptySlot(newId("slot"))),
      error: null,
      maskId: null,
      notices: [],
      beforeUrl: job.inputs[0]?.image?.url ?? null,
    };
    set({ run, running: true });
    try {
      const { executeRun } = await import("./run-exec");
      const { patchSlot, patchRun } = get();
      await executeRun(job, run, split, signal, { current: () => get().run, patchSlot, patchRun });
    } catch (e) {
      if (!signal.aborted)
        get().patchRun(run.id, {
          error:
            e instanceof ApiError
              ? e
              : new ApiError({ type: "server_error", message: e instanceof Error ? e.message : String(e) }),
        });
    } finally {
      if (get().run?.id === run.id) {
        set((s) => ({
          running: false,
          run: s.run && {
            ...s.run,
            endedAt: Date.now(),
            slots: s.run.slots.map((sl) =>
              sl.status === "pending" || sl.status === "partial"
                ? { ...sl, status: signal.aborted ? "stopped" : "error" }
                : sl,
            ),
          },
        }));
      }
    }
  },
  stop: () => controller?.abort(),
  patchSlot: (runId, index, patch) =>
    set((s) =>
      s.run?.id === runId
        ? { run: { ...s.run, slots: s.run.slots.map((sl, i) => (i === index ? { ...sl, ...patch } : sl)) } }
        : {},
    ),
  patchRun: (runId, patch) => set((s) => (s.run?.id === runId ? { run: { ...s.run, ...patch } } : {})),
  clear: () => {
    revoke(get().run);
    set({ run: null });
  },
}));
