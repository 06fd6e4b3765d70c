import { describe, expect, it } from "vitest";
import { PRICES_AS_OF, resolveModel } from "@/lib/models/catalogue";
import { costMicros, estimateUsage } from "./cost";
import { DATASET, type PriceDataset } from "./dataset";
import { datasetPrice, layerQuote } from "./quote";
import type { PriceQuote } from "./types";

const dataset: PriceDataset = {
  name: "test-prices 1.0",
  asOf: "2026-09-01",
  models: {
    "gpt-x": { input: 1, cachedInput: 0.1, output: 4 },
    "whisper-x": { input: 0, cachedInput: null, output: 0, audioPerSecond: 0.0001 },
    "image-x": { input: 5, cachedInput: 1.25, output: 40, imageOutput: 40 },
    "audio-x": { input: 2.5, cachedInput: 1.25, output: 10, audioInput: 32, audioOutput: 64 },
  },
  prefixes: { "ft:gpt-x": { input: 3, cachedInput: null, output: 12 } },
};
const none = { pricing: null, asOf: "2026-11-01" };

describe("layerQuote", () => {
  it("takes the dataset when nothing overlays it, with its name and date", () => {
    expect(layerQuote("gpt-x", { dataset, catalogue: none })).toMatchObject({
      input: 1,
      cachedInput: 0.1,
      output: 4,
      source: "dataset",
      sourceName: "test-prices 1.0",
      asOf: "2026-09-01",
    });
  });

  it("finds a dated snapshot and a prefix", () => {
    expect(datasetPrice(dataset, "GPT-X-2025-01-31")?.input).toBe(1);
    expect(datasetPrice(dataset, "ft:gpt-x:org::abc")?.input).toBe(3);
    expect(datasetPrice(dataset, "nope")).toBeNull();
  });

  it("the catalogue overlays the dataset, the override overlays both", () => {
    const catalogue = { pricing: { input: 2, output: 8 }, asOf: "2026-11-01" };
    expect(layerQuote("gpt-x", { dataset, catalogue })).toMatchObject({
      input: 2,
      cachedInput: null,
      source: "catalogue",
      asOf: "2026-11-01",
    });
    const q = layerQuote("gpt-x", {
      dataset,
      catalogue,
      override: { pricing: { input: 9, cachedInput: 1, output: 9 }, asOf: "2026-12-01" },
    });
    expect(q).toMatchObject({
      input: 9,
      cachedInput: 1,
      source: "override",
      sourceName: "Settings override",
      asOf: "2026-12-01",
    });
  });

  it("an override of null marks a model unpriced; an unknown model has no quote", () => {
    expect(
      layerQuote("gpt-x", { dataset, catalogue: none, override: { pricing: null, asOf: "x" } }),
    ).toBeNull();
    expect(layerQuote("unknown", { dataset, catalogue: none })).toBeNull();
  });

  it("a catalogue price found only by family yields to the dataset's price for the id", () => {
    const family = { pricing: { input: 2, output: 8 }, asOf: "2026-11-01", exact: false };
    expect(layerQuote("gpt-x", { dataset, catalogue: family })).toMatchObject({
      input: 1,
      source: "dataset",
    });
    expect(layerQuote("gpt-x-2025-01-31", { dataset, catalogue: family })).toMatchObject({
      source: "dataset",
    });
    // Where the dataset has nothing, the family's price is still better than none.
    expect(layerQuote("gpt-y", { dataset, catalogue: family })).toMatchObject({
      input: 2,
      source: "catalogue",
    });
  });

  it("keeps the dataset's per-second price under a catalogue price", () => {
    const q = layerQuote("whisper-x", {
      dataset,
      catalogue: { pricing: { input: 0, output: 0 }, asOf: "d" },
    });
    expect(q).toMatchObject({ source: "catalogue", audioPerSecond: 0.0001 });
  });

  it("keeps the dataset's audio-token prices under a catalogue price", () => {
    const q = layerQuote("audio-x", {
      dataset,
      catalogue: { pricing: { input: 3, output: 12 }, asOf: "d" },
    });
    expect(q).toMatchObject({ source: "catalogue", input: 3, audioInput: 32, audioOutput: 64 });
  });

  it("a fine-tune prices as the catalogue's fineTunedPricing", () => {
    const model = "ft:gpt-4o-mini-2024-07-18:acme::abc";
    const q = layerQuote(model, {
      dataset: DATASET,
      catalogue: { pricing: resolveModel(model).pricing, asOf: PRICES_AS_OF },
    });
    expect(q).toMatchObject({ input: 0.3, cachedInput: 0.15, output: 1.2, source: "catalogue" });
  });

  it("the shipped dataset prices OpenAI's current models, cached input and audio", () => {
    expect(DATASET.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(datasetPrice(DATASET, "gpt-5")).toMatchObject({ input: 1.25, cachedInput: 0.125, output: 10 });
    expect(datasetPrice(DATASET, "gpt-image-1")?.input).toBeGreaterThan(0);
    expect(datasetPrice(DATASET, "whisper-1")?.audioPerSecond).toBeCloseTo(0.0001);
  });
});

describe("costMicros", () => {
  const q = layerQuote("gpt-x", { dataset, catalogue: none }) as PriceQuote;

  it("prices uncached, cached and output tokens in micro-dollars", () => {
    // 800 × $1 + 200 × $0.1 + 500 × $4 per 1M = 800 + 20 + 2000 µ$
    expect(costMicros(q, { input: 1000, cached: 200, output: 500 })).toBe(2820);
  });

  it("rounds up to a whole micro-dollar, but not float noise", () => {
    expect(costMicros(q, { input: 0, cached: 0, output: 0 })).toBe(0);
    expect(costMicros({ ...q, input: 0.1 }, { input: 3, output: 0 })).toBe(1);
    expect(costMicros({ ...q, input: 0.3 }, { input: 1, output: 0 })).toBe(1);
    expect(costMicros({ ...q, input: 0.1 }, { input: 30, output: 0 })).toBe(3);
  });

  it("never bills more cached than input, and no cached price means the input price", () => {
    expect(costMicros({ ...q, cachedInput: null }, { input: 100, cached: 500, output: 0 })).toBe(100);
  });

  it("bills images and audio seconds where priced", () => {
    const audio = layerQuote("whisper-x", { dataset, catalogue: none }) as PriceQuote;
    expect(costMicros(audio, { input: 0, output: 0, audioSeconds: 60 })).toBe(6000);
    const image = { ...q, perImage: 0.04 };
    expect(costMicros(image, { input: 0, output: 0, images: 2 })).toBe(80_000);
  });

  it("bills audio tokens at the audio prices where the quote has them, else as text", () => {
    const audio = layerQuote("audio-x", { dataset, catalogue: none }) as PriceQuote;
    // Text in: 1000 − 300 audio − 200 cached = 500 × $2.5 + 200 × $1.25 = 1250 + 250;
    // audio in: 300 × $32 = 9600; output: 100 text × $10 + 400 audio × $64 = 1000 + 25600.
    expect(
      costMicros(audio, { input: 1000, cached: 200, output: 500, audioInput: 300, audioOutput: 400 }),
    ).toBe(1250 + 250 + 9600 + 1000 + 25_600);
    // Cached input is text: at most what is left after the audio.
    expect(costMicros(audio, { input: 100, cached: 100, output: 0, audioInput: 60 })).toBe(
      Math.ceil(40 * 1.25 + 60 * 32),
    );
    // A quote without audio prices bills every token as text.
    expect(costMicros(q, { input: 1000, output: 500, audioInput: 300, audioOutput: 400 })).toBe(
      costMicros(q, { input: 1000, output: 500 }),
    );
  });

  it("estimates tokens from bytes, 4 a token", () => {
    expect(estimateUsage(401, 8)).toEqual({ input: 101, output: 2 });
  });
});
