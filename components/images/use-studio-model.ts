"use client";

import { useEffect, useMemo } from "react";
import { useModels } from "@/components/queries/use-models";
import { fitParams, type ImageMode } from "@/lib/images/params";
import { DEFAULT_IMAGE_SPEC } from "@/lib/models/catalogue";
import { isShutDown } from "@/lib/models/picker-groups";
import { useImageStudio } from "./store";

/**
 * The chosen model resolved against the catalogue (and admins' overrides): its image spec, or the
 * default form for a model the catalogue does not know, and which modes it serves. Switching model
 * moves any value it cannot take to one it can.
 */
export function useStudioModel() {
  const modelId = useImageStudio((s) => s.model);
  const params = useImageStudio((s) => s.params);
  const setParams = useImageStudio((s) => s.setParams);
  const { resolve, known, loaded } = useModels();
  const model = useMemo(() => resolve(modelId || "gpt-image-2"), [modelId, resolve]);
  const spec = model.image ?? DEFAULT_IMAGE_SPEC;

  useEffect(() => {
    const fitted = fitParams(params, spec);
    if (JSON.stringify(fitted) !== JSON.stringify(params)) setParams(fitted);
  }, [params, spec, setParams]);

  const today = new Date().toISOString().slice(0, 10);
  const shutDown = model.shutdownDate !== null && isShutDown(model.shutdownDate, today);
  const modes = useMemo(() => {
    const out: ImageMode[] = [];
    if (spec.endpoints.includes("generations")) out.push("generate");
    if (spec.endpoints.includes("edits") && spec.maxInputs > 0) out.push("edit");
    // Variations only where the upstream lists a live model that serves them (DALL·E 2 is gone on OpenAI).
    if (spec.endpoints.includes("variations") && loaded && known(model.model) && !shutDown)
      out.push("variations");
    return out;
  }, [spec, loaded, known, model.model, shutDown]);

  return { model, spec, modes, shutDown, catalogued: model.image !== null };
}
