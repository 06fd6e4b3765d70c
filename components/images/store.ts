"use client";

import { create } from "zustand";
import { persist } from "zustand/middleware";
import { draftChannel } from "@/lib/draft-sync";
import { type DraftInput, defaultDraft, type ImageDraft, readImageDraft } from "@/lib/images/draft";
import type { MaskDoc } from "@/lib/images/mask";
import type { ImageMode, ImageParams } from "@/lib/images/params";

/**
 * The image studio's draft (lib/images/draft.ts): persisted to localStorage 300 ms after a change and
 * when the page is hidden, shared between tabs (lib/draft-sync.ts). A run reads it and never
 * changes it, so a retry sends the same thing and the mask outlives prompt changes.
 */

export const IMAGE_DRAFT_KEY = "benchtop.images.v1";

interface Actions {
  set(patch: Partial<ImageDraft>): void;
  setParams(patch: Partial<ImageParams>): void;
  setMode(mode: ImageMode): void;
  setInputs(inputs: DraftInput[]): void;
  setMask(mask: MaskDoc | null): void;
}

export type ImageStudioState = ImageDraft & Actions;

function draftStorage() {
  const channel = draftChannel<ImageDraft>(IMAGE_DRAFT_KEY, {
    check: (state) => readImageDraft(state),
    delay: () => 300,
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

const channel = draftStorage();

export const useImageStudio = create<ImageStudioState>()(
  persist(
    (set) => ({
      ...defaultDraft(),
      set: (patch) => set(patch),
      setParams: (patch) => set((s) => ({ params: { ...s.params, ...patch } })),
      setMode: (mode) => set({ mode }),
      setInputs: (inputs) => set({ inputs }),
      setMask: (mask) => set({ mask }),
    }),
    {
      name: IMAGE_DRAFT_KEY,
      version: 1,
      storage: channel.storage,
      partialize: (s): ImageDraft => ({
        mode: s.mode,
        prompt: s.prompt,
        model: s.model,
        params: s.params,
        inputs: s.inputs,
        mask: s.mask,
        maskSource: s.maskSource,
        keepOutside: s.keepOutside,
        feather: s.feather,
      }),
    },
  ),
);

channel.connect(useImageStudio);
