import data from "./dataset.json";

/**
 * The price dataset Benchtop ships: OpenAI's prices from `@pydantic/genai-prices`, snapshotted by
 * scripts/update-prices.mts (docs/pricing.md says why a snapshot and how to update it). USD per 1M
 * tokens; `audioPerSecond` for models billed by the audio second.
 */
export interface DatasetPrice {
  input: number;
  cachedInput: number | null;
  output: number;
  imageOutput?: number;
  imageInput?: number;
  audioInput?: number;
  audioOutput?: number;
  audioPerSecond?: number;
}

export interface PriceDataset {
  name: string;
  /** `YYYY-MM-DD`: the release the snapshot was taken from. */
  asOf: string;
  models: Record<string, DatasetPrice>;
  prefixes: Record<string, DatasetPrice>;
}

export const DATASET: PriceDataset = data as PriceDataset;
