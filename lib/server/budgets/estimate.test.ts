import { describe, expect, it } from "vitest";
import { catalogueQuote, estimateCall, FIXED_CALL_MICROS } from "./estimate";
import { actualCost, type BudgetHold } from "./hold";

describe("the worst case a call is held to", () => {
  it("counts input at 2 bytes a token and the output cap the body asks for, times n", () => {
    const e = estimateCall("chat/completions", { model: "gpt-4o-mini", max_tokens: 100, n: 3 }, 90);
    expect(e).toMatchObject({ model: "gpt-4o-mini", inputTokens: 45, outputTokens: 300, tokens: 345 });
    expect(
      estimateCall("responses", { model: "gpt-4.1", max_output_tokens: 50, n: 9 }, 10).outputTokens,
    ).toBe(50);
    expect(
      estimateCall("chat/completions", { model: "gpt-4.1", max_completion_tokens: 7 }, 10).outputTokens,
    ).toBe(7);
  });
  it("without a cap, holds the catalogue's maximum output; embeddings have none", () => {
    expect(estimateCall("responses", { model: "gpt-4o" }, 10).outputTokens).toBe(16_384);
    expect(estimateCall("embeddings", { model: "text-embedding-3-small" }, 100)).toMatchObject({
      inputTokens: 50,
      outputTokens: 0,
    });
  });
  it("an unread body holds the model's whole context window; image and audio calls a fixed amount", () => {
    expect(estimateCall("responses", null, null, "gpt-4o").inputTokens).toBe(128_000);
    expect(estimateCall("images/generations", { model: "gpt-image-1", n: 2 }, 50).fixedMicros).toBe(
      2 * FIXED_CALL_MICROS,
    );
    expect(estimateCall("audio/transcriptions", null, 5_000_000).fixedMicros).toBe(FIXED_CALL_MICROS);
  });
  it("an unpriced model is held at the catalogue's dearest price", () => {
    const q = catalogueQuote("my-own-model");
    expect(q.input).toBeGreaterThanOrEqual(catalogueQuote("gpt-4.1").input);
    expect(q.output).toBeGreaterThanOrEqual(catalogueQuote("gpt-4.1").output);
  });
});

describe("what a call is settled to", () => {
  const hold: BudgetHold = {
    reservation: { id: "r", costMicros: 0, tokens: 0 },
    quote: catalogueQuote("gpt-4.1"),
    estimate: { model: "gpt-4.1", tokens: 1100, inputTokens: 100, outputTokens: 1000, fixedMicros: null },
  };
  it("the reported usage at the hold's price", () => {
    expect(
      actualCost(hold, { status: 200, usage: { input: 10, cached: 0, output: 20, reasoning: 0 } }),
    ).toEqual({
      costMicros: 180,
      tokens: 30,
    });
  });
  it("nothing for an error or an empty answer (released)", () => {
    expect(actualCost(hold, { status: 500, responseBytes: 300 })).toBeNull();
    expect(actualCost(hold, { status: 200, responseBytes: 0 })).toBeNull();
  });
  it("a stream cut short: the input estimate plus a token per 4 bytes that arrived, at most the hold", () => {
    expect(actualCost(hold, { status: 200, responseBytes: 400 })).toEqual({
      costMicros: 200 + 800,
      tokens: 200,
    });
    expect(actualCost(hold, { status: 200, responseBytes: 1_000_000 })?.tokens).toBe(1100);
  });
});
