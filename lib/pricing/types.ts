/**
 * A model's price as the ledger and the budgets use it (issue 15): USD per 1M tokens (and per image
 * or audio second where the model bills that way), with where it came from and how old it is. The
 * layers, lowest first: the price dataset shipped with Benchtop (docs/pricing.md says which and
 * why), the model catalogue's price, an admin's override in Settings.
 */
export type PriceSource = "dataset" | "catalogue" | "override";

export interface PriceQuote {
  /** The model id asked about. */
  model: string;
  /** USD per 1M tokens. */
  input: number;
  cachedInput: number | null;
  output: number;
  /** USD per 1M image output tokens / per image / per audio second, where the model bills that way. */
  imageOutput?: number | null;
  perImage?: number | null;
  audioPerSecond?: number | null;
  /** USD per 1M audio tokens in and out (an audio model's speech), where the model bills them apart. */
  audioInput?: number | null;
  audioOutput?: number | null;
  source: PriceSource;
  /** A person-readable name of the source, e.g. "genai-prices 0.1.8" or "Settings override". */
  sourceName: string;
  /** `YYYY-MM-DD` of the price data (the dataset's date, the catalogue's PRICES_AS_OF, the override's save). */
  asOf: string;
}

/** `GET /api/prices?models=a,b`: the quote per model, null when nothing prices it. */
export type PriceTable = Record<string, PriceQuote | null>;
