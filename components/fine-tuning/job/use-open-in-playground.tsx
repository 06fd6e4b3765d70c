"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { type PlaygroundTarget, playgroundPlan } from "@/lib/fine-tuning/open-in-playground";

/**
 * Opens a model (or a compare of models) in the playground. The playground's store loads on click,
 * as the assistants' test chat does; a non-empty draft is replaced only after asking.
 */
export function useOpenInPlayground() {
  const router = useRouter();
  const [confirm, confirmDialog] = useConfirm();
  const [problem, setProblem] = useState<string | null>(null);
  const open = async (target: PlaygroundTarget) => {
    setProblem(null);
    try {
      const [{ usePlayground }, { defaultSetup }] = await Promise.all([
        import("@/components/playground/store"),
        import("@/lib/playground/defaults"),
      ]);
      const state = usePlayground.getState();
      const draft = state.setup;
      const hasDraft =
        draft.messages.some((m) => m.content.trim()) || draft.instructions.trim() || state.compare;
      const ok =
        !hasDraft ||
        (await confirm({
          title: "Replace your playground draft?",
          description: "Your current draft is replaced. Save it as a preset first to keep it.",
          confirmLabel: "Replace",
        }));
      if (!ok) return;
      const plan = playgroundPlan(target);
      state.replaceSetup(defaultSetup(plan.main));
      for (const c of state.columns) usePlayground.getState().removeColumn(c.id);
      if (plan.columns.length) {
        usePlayground.getState().setCompare(true);
        while (usePlayground.getState().columns.length < plan.columns.length)
          usePlayground.getState().addColumn();
        const cols = usePlayground.getState().columns;
        for (const [i, c] of cols.entries())
          usePlayground.getState().updateColumn(c.id, { model: plan.columns[i] });
      } else {
        usePlayground.getState().setCompare(false);
      }
      router.push("/playground");
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return { open, problem, confirmDialog };
}
