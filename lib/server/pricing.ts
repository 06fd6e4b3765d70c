import "server-only";
import type { PriceQuote } from "@/lib/pricing/types";

/**
 * The price a model is billed at now: the dataset, overlaid with the catalogue and the admin's
 * overrides (part "pricing" owns this; stub). Cached so the proxy's hot path reads no database.
 */
export async function quoteFor(_model: string): Promise<PriceQuote | null> {
  return null;
}
