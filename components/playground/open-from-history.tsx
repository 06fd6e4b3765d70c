"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/api-client";
import type { HistoryRunDto } from "@/lib/history/schema";
import { restoreSetup } from "@/lib/playground/snapshot";
import { MAIN, usePlayground } from "./store";
import { useRunner } from "./use-run";

/**
 * `/playground?history=<run id>` (from the History page): the run's setup replaces the draft, after
 * a confirm when the draft has content, as presets and shares do; `&rerun=1` then runs it again.
 */
export function OpenFromHistory() {
  const router = useRouter();
  const { run } = useRunner();
  const [problem, setProblem] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const done = useRef(false);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const id = params.get("history");
    if (!id || done.current) return;
    done.current = true;
    void (async () => {
      try {
        const { run: saved } = await apiFetch<{ run: HistoryRunDto }>(
          `/api/history/${encodeURIComponent(id)}`,
        );
        if (!saved.setup) throw new Error(`its setup cannot be read (${saved.setupProblem})`);
        const state = usePlayground.getState();
        const draft = state.setup;
        const hasDraft =
          draft.messages.some((m) => m.content.trim()) || draft.instructions.trim() || draft.prompt.trim();
        const replace = {
          title: "Replace your playground draft?",
          description:
            "Your current draft is replaced with this run's setup. Save it as a preset first to keep it.",
          confirmLabel: "Replace",
        };
        if (hasDraft && !(await confirm(replace))) return;
        state.replaceSetup(restoreSetup(saved.setup));
        state.setCompare(false);
        if (params.get("rerun") === "1") void run(MAIN);
      } catch (e) {
        setProblem(e instanceof Error ? e.message : String(e));
      } finally {
        router.replace("/playground");
      }
    })();
  }, [router, run, confirm]);
  if (!problem) return confirmDialog;
  return (
    <p role="alert" className="text-danger text-sm" data-testid="open-from-history-error">
      Could not open that run: {problem}
    </p>
  );
}
