"use client";

import { Button } from "@/components/ui/button";
import { formErrors, type ImageMode, NO_PROMPT } from "@/lib/images/params";
import { checkInputs } from "@/lib/images/rules";
import type { ResolvedModel } from "@/lib/models/catalogue";
import type { ImageSpec } from "@/lib/models/schema";
import { useEditInputs } from "./inputs-store";
import { useImageRun } from "./run-store";
import { useImageStudio } from "./store";

export interface RunAction {
  run(): void;
  /** Why the run cannot start, quoted from the rules; empty when it can. */
  problems: string[];
  /** The inputs' share of `problems`, shown beside them. */
  inputProblems: string[];
  running: boolean;
}

/** What Run would send, checked before anything leaves the browser. */
export function useRunAction({
  model,
  spec,
  asMarkup,
}: {
  model: ResolvedModel;
  spec: ImageSpec;
  asMarkup: boolean;
}): RunAction {
  const draft = useImageStudio();
  const items = useEditInputs((s) => s.items);
  const { start, running } = useImageRun();
  const mode = draft.mode;
  const usesInputs = mode !== "generate";
  const ready = items.filter((i) => i.status === "ready" && i.image);
  const inputProblems = usesInputs
    ? [
        ...checkInputs(
          mode === "variations" ? { ...spec, maxInputs: 1 } : spec,
          ready.map((i) => ({
            name: i.name,
            width: i.image?.width ?? 0,
            height: i.image?.height ?? 0,
            bytes: i.image?.blob.size ?? 0,
          })),
          model.label,
        ),
        ...(items.some((i) => i.status === "loading") ? ["Wait for the images to load."] : []),
      ]
    : [];
  const problems = [...formErrors(mode, draft.prompt, draft.params, spec), ...inputProblems];
  const run = () => {
    if (problems.length || running) return;
    void start({
      mode,
      model,
      spec,
      prompt: draft.prompt,
      params: draft.params,
      inputs: usesInputs ? ready : [],
      mask: draft.mask,
      maskSource: draft.maskSource,
      keepOutside: draft.keepOutside ?? spec.mask === "guided",
      feather: draft.feather,
      asMarkup: asMarkup && spec.markup === true,
    });
  };
  return { run, problems, inputProblems, running };
}

const LABEL: Record<ImageMode, string> = {
  generate: "Generate",
  edit: "Edit",
  variations: "Make variations",
};

export function RunBar({ action, mode }: { action: RunAction; mode: ImageMode }) {
  const stop = useImageRun((s) => s.stop);
  const blocking = action.problems.filter((p) => !action.inputProblems.includes(p));
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <Button
          variant="primary"
          onClick={action.run}
          disabled={action.running || action.problems.length > 0}
          pending={action.running}
          data-testid="image-run"
          aria-describedby={blocking.length ? "image-run-problems" : undefined}
        >
          {LABEL[mode]}
        </Button>
        {/* On a wide screen the results' own Stop is beside this button already. */}
        {action.running && (
          <Button variant="ghost" onClick={stop} className="lg:hidden">
            Stop
          </Button>
        )}
      </div>
      {blocking.length > 0 && (
        <ul id="image-run-problems" className="text-[12px] text-danger" data-testid="image-run-problems">
          {blocking.map((p) => (
            <li key={p} className={p === NO_PROMPT ? "text-muted" : undefined}>
              {p}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
