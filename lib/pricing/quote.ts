import type { Pricing } from "@/lib/models/schema";
import type { DatasetPrice, PriceDataset } from "./dataset";
import type { PriceQuote } from "./types";

const DATED = /-\d{4}-\d{2}-\d{2}$/;

/** The dataset's price for a model: its exact id, else the id without a date suffix, else the longest prefix. */
export function datasetPrice(dataset: PriceDataset, model: string): DatasetPrice | null {
  const id = model.toLowerCase();
  const exact = dataset.models[id] ?? dataset.models[id.replace(DATED, "")];
  if (exact) return exact;
  let best: string | null = null;
  for (const p of Object.keys(dataset.prefixes)) {
    if (id.startsWith(p) && (best === null || p.length > best.length)) best = p;
  }
  return best === null ? null : (dataset.prefixes[best] ?? null);
}

export interface PriceLayers {
  dataset: PriceDataset;
  /** The catalogue's price for the model (a fine-tune's `fineTunedPricing`), null when it has none. */
  catalogue: {
    pricing: Pricing | null;
    asOf: string;
    /**
     * Whether the catalogue's entry is the model itself (or its dated snapshot, or a fine-tune's exact
     * base) rather than a family it falls under. Default true.
     */
    exact?: boolean;
  };
  /**
   * An admin's override: `undefined` when none names the model, `pricing: null` when the admin
   * marked it unpriced.
   */
  override?: { pricing: Pricing | null; asOf: string };
}

/**
 * The price a model is billed at: the dataset, overlaid by the catalogue, overlaid by an admin's
 * override. The top layer that prices the model gives the token prices and the source; per-image,
 * per-second and audio-token prices only the dataset knows fall through from below. A catalogue
 * price found only by family (`gpt-5` for `gpt-5.2-pro`) does not overlay a dataset price (exact,
 * dated or one of its curated prefixes): a family's price says nothing about a dearer sibling.
 */
export function layerQuote(model: string, layers: PriceLayers): PriceQuote | null {
  if (layers.override && layers.override.pricing === null) return null;
  const d = datasetPrice(layers.dataset, model);
  const extras = {
    imageOutput: d?.imageOutput ?? null,
    perImage: null,
    audioPerSecond: d?.audioPerSecond ?? null,
    audioInput: d?.audioInput ?? null,
    audioOutput: d?.audioOutput ?? null,
  };
  const top: { p: Pricing; source: PriceQuote["source"]; sourceName: string; asOf: string } | null = layers
    .override?.pricing
    ? {
        p: layers.override.pricing,
        source: "override",
        sourceName: "Settings override",
        asOf: layers.override.asOf,
      }
    : layers.catalogue.pricing && (layers.catalogue.exact !== false || !d)
      ? {
          p: layers.catalogue.pricing,
          source: "catalogue",
          sourceName: "Model catalogue",
          asOf: layers.catalogue.asOf,
        }
      : null;
  if (top) {
    return {
      model,
      input: top.p.input,
      cachedInput: top.p.cachedInput ?? null,
      output: top.p.output,
      ...extras,
      source: top.source,
      sourceName: top.sourceName,
      asOf: top.asOf,
    };
  }
  if (!d) return null;
  return {
    model,
    input: d.input,
    cachedInput: d.cachedInput,
    output: d.output,
    ...extras,
    source: "dataset",
    sourceName: layers.dataset.name,
    asOf: layers.dataset.asOf,
  };
}
