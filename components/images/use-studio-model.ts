"use client";

import { useEffect, useMemo } from "react";
import { useModels } from "@/components/queries/use-models";
import { fitParams, type ImageMode } from "@/lib/images/params";
import { DEFAULT_IMAGE_SPEC } from "@/lib/models/catalogue";
import { modelsServingImageEndpoint } from "@/lib/models/image-endpoints";
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
  const { resolve, all, loaded } = useModels();
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
    // Variations only where the upstream lists this model, live, as serving them (DALL·E 2 is gone on OpenAI).
    const serving = loaded ? modelsServingImageEndpoint("variations", all, today) : [];
    if (serving.some((s) => s.model.model === model.model && !s.shutDown)) out.push("variations");
    return out;
  }, [spec, loaded, all, model.model, today]);

  return { model, spec, modes, shutDown, catalogued: model.image !== null };
}
