import type { IMAGE_ENDPOINTS } from "@/lib/openai-facts";
import type { ResolvedModel } from "./catalogue";
import { isShutDown } from "./picker-groups";

export type ImageEndpoint = (typeof IMAGE_ENDPOINTS)[number];

export interface ServingModel {
  model: ResolvedModel;
  /** Its shutdown date has come: still listed (a compatible server may serve it), shown with a badge. */
  shutDown: boolean;
}

/**
 * The models the upstream lists (`GET /models`, resolved against the catalogue with the admin's
 * overrides) that serve an image endpoint by their catalogue `image.endpoints`. Variations (DALL·E 2
 * only) are offered only where this is not empty: a model the upstream does not list is never
 * offered, whatever the catalogue says.
 */
export function modelsServingImageEndpoint(
  endpoint: ImageEndpoint,
  upstream: readonly ResolvedModel[],
  today: string = new Date().toISOString().slice(0, 10),
): ServingModel[] {
  return upstream
    .filter((m) => m.image?.endpoints.includes(endpoint))
    .map((model) => ({
      model,
      shutDown: model.shutdownDate !== null && isShutDown(model.shutdownDate, today),
    }));
}
