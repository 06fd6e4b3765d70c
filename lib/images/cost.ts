import { costOf, type ResolvedModel } from "@/lib/models/catalogue";
import type { ImageUsage } from "./request";

/**
 * An image's cost from its usage and the catalogue's price for the model (USD per 1M tokens). Always
 * an estimate: the catalogue keeps one input price, while image models bill text and image input
 * tokens at different rates. Null when the model has no price (an admin can add one in Settings).
 */
export function imageCost(model: ResolvedModel, usage: ImageUsage | null): number | null {
  if (!usage || !model.pricing) return null;
  return costOf(model, { input: usage.input_tokens ?? 0, output: usage.output_tokens ?? 0 });
}
