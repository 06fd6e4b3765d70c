"use client";

import { create } from "zustand";
import { persist } from "zustand/middleware";
import { draftChannel } from "@/lib/draft-sync";
import { type CreateDraft, defaultDraft, readDraft } from "@/lib/fine-tuning/create";

/**
 * The new-job form's draft (lib/fine-tuning/create.ts), kept in localStorage and shared between
 * tabs (lib/draft-sync.ts). Local files are not kept (a browser cannot); uploaded file ids are.
 */
const KEY = "benchtop.fine-tuning.create.v1";

interface Actions {
  patch(p: Partial<CreateDraft>): void;
  setHyperparameter(name: string, value: string): void;
  setWandb(p: Partial<CreateDraft["wandb"]>): void;
  reset(): void;
}

const channel = draftChannel<CreateDraft>(KEY, { check: readDraft, delay: () => 300 });
if (typeof window !== "undefined") window.addEventListener("pagehide", () => channel.flush());

export const useCreateDraft = create<CreateDraft & Actions>()(
  persist(
    (set) => ({
      ...defaultDraft(),
      patch: (p) => set(p),
      setHyperparameter: (name, value) =>
        set((s) => ({ hyperparameters: { ...s.hyperparameters, [name]: value } })),
      setWandb: (p) => set((s) => ({ wandb: { ...s.wandb, ...p } })),
      reset: () => set(defaultDraft()),
    }),
    {
      name: KEY,
      version: 1,
      storage: channel.storage,
      partialize: (s): CreateDraft => ({
        method: s.method,
        model: s.model,
        trainingFile: s.trainingFile,
        validationFile: s.validationFile,
        hyperparameters: s.hyperparameters,
        suffix: s.suffix,
        seed: s.seed,
        metadata: s.metadata,
        wandb: s.wandb,
        grader: s.grader,
      }),
    },
  ),
);

channel.connect(useCreateDraft);
