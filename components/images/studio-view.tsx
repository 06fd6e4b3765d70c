"use client";

// components/images: the image studio (this folder's top level) and the pieces other parts own
// (mask-editor/, before-after, outpaint-dialog, library/); pure logic is in lib/images.

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ModelPicker } from "@/components/models/model-picker";
import { AfterDraft } from "@/components/shell/after-draft";
import { DraftNotice } from "@/components/shell/draft-notice";
import { Tabs } from "@/components/ui/tabs";
import type { ImageMode } from "@/lib/images/params";
import { EditInputs } from "./edit-inputs";
import { useEditInputs } from "./inputs-store";
import { MaskPanel } from "./mask-panel";
import { ParamsForm } from "./params-form";
import { PromptField } from "./prompt-field";
import { ResultsPanel } from "./results-panel";
import { RunBar, useRunAction } from "./run-bar";
import type { ResultSlot } from "./run-job";
import { IMAGE_DRAFT_KEY, useImageStudio } from "./store";
import { useStudioModel } from "./use-studio-model";

export interface StudioViewProps {
  /** `/images?edit=<id>`: open Edit with this stored image as the first input. */
  editId: string | null;
}

export function StudioView(props: StudioViewProps) {
  return (
    <AfterDraft label="Loading the image studio">
      <Studio {...props} />
    </AfterDraft>
  );
}

const MODE_LABELS: Record<ImageMode, string> = {
  generate: "Generate",
  edit: "Edit",
  variations: "Variations",
};

function Studio({ editId }: StudioViewProps) {
  const router = useRouter();
  const s = useImageStudio();
  const { model, spec, modes, shutDown, catalogued } = useStudioModel();
  const inputs = useEditInputs();
  const [asMarkup, setAsMarkup] = useState(false);
  const action = useRunAction({ model, spec, asMarkup });

  // Inputs named in the draft (a reload) or in the URL (`?edit=` from the library) are loaded once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (editId) {
      inputs.clear();
      s.set({ mode: "edit", inputs: [], mask: null });
      void inputs.addStored("library", editId, "image");
      router.replace("/images", { scroll: false });
    } else inputs.restore(useImageStudio.getState().inputs);
  }, []);

  const editResult = (slot: ResultSlot) => {
    const blob = slot.composite?.blob ?? slot.blob;
    if (!blob) return;
    const stored = slot.composite ? slot.composite.stored : slot.stored;
    inputs.clear();
    s.set({ mode: "edit", mask: null, maskSource: "drawn" });
    void inputs.replaceFirst(blob, `result-${slot.key}.png`, stored?.id ?? null);
    window.scrollTo({ top: 0, behavior: "smooth" });
  };

  const items = (modes.includes(s.mode) ? modes : [...modes, s.mode]).map((id) => ({
    id,
    label: MODE_LABELS[id],
  }));
  return (
    <div className="flex flex-col gap-4">
      <DraftNotice storageKey={IMAGE_DRAFT_KEY} label="image studio" />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-4">
          <div className="flex flex-col gap-1">
            <span className="label">Model</span>
            <ModelPicker
              api="images"
              value={s.model}
              onChange={(m) => s.set({ model: m })}
              label="Model"
              data-testid="image-model"
            />
            <ModelNote
              label={model.label}
              catalogued={catalogued}
              shutDown={shutDown}
              date={model.shutdownDate}
            />
          </div>
          <Tabs
            label="Mode"
            items={items}
            value={s.mode}
            onValueChange={s.setMode}
            panelClassName="flex flex-col gap-4 pt-3"
          >
            {!modes.includes(s.mode) && (
              <p className="text-[12px] text-warning" data-testid="mode-unavailable">
                {model.label} does not serve {MODE_LABELS[s.mode].toLowerCase()}; pick another model or mode.
              </p>
            )}
            {s.mode !== "variations" && (
              <PromptField
                value={s.prompt}
                onChange={(prompt) => s.set({ prompt })}
                maxChars={spec.promptMaxChars}
                onSubmit={action.run}
                hint={
                  s.mode === "edit"
                    ? "Describe the whole new image, including what stays"
                    : "A photo of a tabby cat on a red sofa, soft window light"
                }
              />
            )}
            {s.mode !== "generate" && <EditInputs spec={spec} problems={action.inputProblems} />}
            <ParamsForm spec={spec} mode={s.mode} params={s.params} onChange={s.setParams} />
            <RunBar action={action} mode={s.mode} />
          </Tabs>
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          {s.mode === "edit" && <MaskPanel spec={spec} asMarkup={asMarkup} onAsMarkup={setAsMarkup} />}
          <ResultsPanel priced={model.pricing !== null} onEdit={editResult} onRetry={action.run} />
        </div>
      </div>
    </div>
  );
}

function ModelNote({
  label,
  catalogued,
  shutDown,
  date,
}: {
  label: string;
  catalogued: boolean;
  shutDown: boolean;
  date: string | null;
}) {
  if (shutDown)
    return (
      <p className="text-[11px] text-warning" data-testid="model-note">
        {label} was shut down on {date}; the upstream may refuse it.
      </p>
    );
  if (!catalogued)
    return (
      <p className="text-[11px] text-muted" data-testid="model-note">
        Not an image model the catalogue knows: a default form is shown and the id is sent as typed. An admin
        can describe it in Settings → Models.
      </p>
    );
  return null;
}
