import { describe, expect, it } from "vitest";
import {
  catalogueQuote,
  estimateCall,
  FIXED_CALL_MICROS,
  HOSTED_TOOL_MICROS,
  IMAGE_PART_TOKENS,
  TOKEN_PATHS,
  unmeteredPath,
} from "./estimate";
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
    expect(estimateCall("responses", { model: "gpt-4o" }, null).inputTokens).toBe(128_000);
    expect(estimateCall("images/generations", { model: "gpt-image-1", n: 2 }, 50).fixedMicros).toBe(
      2 * FIXED_CALL_MICROS,
    );
    expect(estimateCall("audio/transcriptions", null, 5_000_000).fixedMicros).toBe(FIXED_CALL_MICROS);
  });
  it("an unknown model or size holds a finite worst case (the largest context), never Infinity", () => {
    const e = estimateCall("chat/completions", null, null);
    expect(Number.isFinite(e.inputTokens)).toBe(true);
    expect(e.inputTokens).toBeGreaterThanOrEqual(400_000);
    expect(Number.isFinite(e.outputTokens) && e.outputTokens > 0).toBe(true);
    expect(estimateCall("responses", { model: "my-own" }, 10).outputTokens).toBeGreaterThan(0);
  });
  it("context held on the server or fetched by a tool holds the whole context window", () => {
    const ctx = 400_000; // gpt-5
    const small = (extra: Record<string, unknown>) =>
      estimateCall("responses", { model: "gpt-5", input: "go", ...extra }, 60).inputTokens;
    expect(small({})).toBe(30);
    expect(small({ previous_response_id: "resp_1" })).toBe(ctx);
    expect(small({ conversation: "conv_1" })).toBe(ctx);
    expect(small({ tools: [{ type: "web_search" }] })).toBe(ctx);
    expect(small({ tools: [{ type: "file_search", vector_store_ids: ["vs_1"] }] })).toBe(ctx);
    expect(small({ input: [{ role: "user", content: [{ type: "input_file", file_id: "file-1" }] }] })).toBe(
      ctx,
    );
    // Inline file data is in the body's bytes already.
    expect(
      small({ input: [{ role: "user", content: [{ type: "input_file", file_data: "x", filename: "a" }] }] }),
    ).toBe(30);
    expect(
      small({ input: [{ role: "user", content: [{ type: "input_image", image_url: "https://x/a.png" }] }] }),
    ).toBe(30 + IMAGE_PART_TOKENS);
    expect(
      estimateCall(
        "chat/completions",
        { model: "gpt-4.1", messages: [{ content: [{ type: "image_url" }] }] },
        60,
      ).inputTokens,
    ).toBe(30 + IMAGE_PART_TOKENS);
  });
  it("hosted tools hold their per-call fees; best_of multiplies the output; compact is billed by tokens", () => {
    const e = estimateCall(
      "responses",
      { model: "gpt-5", tools: [{ type: "web_search" }, { type: "function" }] },
      10,
    );
    expect(e.extraMicros).toBe(HOSTED_TOOL_MICROS);
    expect(
      estimateCall("completions", { model: "gpt-3.5-turbo-instruct", max_tokens: 10, n: 2, best_of: 5 }, 10)
        .outputTokens,
    ).toBe(50);
    expect(TOKEN_PATHS.has("responses/compact")).toBe(true);
    expect(estimateCall("responses", { model: "gpt-5", background: true }, 10).background).toBe(true);
  });
  it("a call that asks for spoken output is marked so its output is held at the audio price", () => {
    const asks = (body: Record<string, unknown>) =>
      estimateCall("chat/completions", { model: "gpt-audio", max_tokens: 100, ...body }, 10).audioOutput;
    expect(asks({ modalities: ["text", "audio"], audio: { voice: "alloy", format: "wav" } })).toBe(true);
    expect(asks({ audio: { voice: "alloy", format: "wav" } })).toBe(true);
    expect(asks({ modalities: ["text"] })).toBe(false);
    expect(asks({})).toBe(false);
  });
  it("batches, fine-tuning jobs and grader runs are unmetered", () => {
    for (const p of [
      "batches",
      "fine_tuning/jobs",
      "fine_tuning/jobs/ftjob-1/resume",
      "fine_tuning/alpha/graders/run",
    ]) {
      expect(unmeteredPath(p), p).toBe(true);
    }
    expect(unmeteredPath("fine_tuning/jobs/ftjob-1/cancel")).toBe(false);
    expect(unmeteredPath("batches/batch_1/cancel")).toBe(false);
  });
  it("a multipart image edit (unread) holds the most images one call makes", () => {
    expect(estimateCall("images/edits", null, 5_000).fixedMicros).toBe(10 * FIXED_CALL_MICROS);
    expect(estimateCall("images/edits", { model: "gpt-image-1", n: 3 }, 50).fixedMicros).toBe(
      3 * FIXED_CALL_MICROS,
    );
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
  it("nothing for an error answer, or when the request never reached the upstream (released)", () => {
    expect(actualCost(hold, { status: 500, responseBytes: 300 })).toBeNull();
    expect(actualCost(hold, { status: 499, answered: false, sent: false })).toBeNull();
    expect(actualCost(hold, { status: 502, answered: false, sent: true })).toBeNull();
  });
  it("the whole hold when the upstream had the request and never answered (client left, timeout)", () => {
    const whole = { costMicros: 9_000, tokens: 1100 };
    const held = { ...hold, reservation: { id: "r", ...whole } };
    expect(actualCost(held, { status: 499, answered: false, sent: true })).toEqual(whole);
    expect(actualCost(held, { status: 504, answered: false })).toEqual(whole);
    // A JSON answer the client left: the upstream generated all of it.
    expect(actualCost(held, { status: 200, aborted: true, stream: false, responseBytes: 10 })).toEqual(whole);
    // A queued background Response: billed later, as it runs.
    const bg = { ...held, estimate: { ...hold.estimate, background: true } };
    expect(actualCost(bg, { status: 200, responseBytes: 500 })).toEqual(whole);
  });
  it("hosted tools' fees are kept; an answer with no bytes still bills its input", () => {
    const tools = { ...hold, estimate: { ...hold.estimate, extraMicros: 250_000 } };
    expect(
      actualCost(tools, { status: 200, usage: { input: 10, cached: 0, output: 20, reasoning: 0 } }),
    ).toEqual({
      costMicros: 180 + 250_000,
      tokens: 30,
    });
    expect(actualCost(hold, { status: 200, stream: true, aborted: true, responseBytes: 0 })).toEqual({
      costMicros: 200,
      tokens: 100,
    });
  });
  it("an image call settles from its usage or images, not the fixed hold", () => {
    const image: BudgetHold = {
      reservation: { id: "r", costMicros: 10 * FIXED_CALL_MICROS, tokens: 0 },
      quote: { ...catalogueQuote("gpt-4.1"), input: 5, output: 10, imageOutput: 40 },
      estimate: {
        model: "gpt-image-1",
        tokens: 0,
        inputTokens: 0,
        outputTokens: 0,
        fixedMicros: 10 * FIXED_CALL_MICROS,
      },
    };
    const usage = { input: 20, cached: 0, output: 272, reasoning: 0 };
    expect(actualCost(image, { status: 200, usage, images: 1 })?.costMicros).toBe(20 * 5 + 272 * 40);
    expect(actualCost({ ...image, quote: null }, { status: 200, images: 2 })?.costMicros).toBe(
      2 * FIXED_CALL_MICROS,
    );
  });
  it("a stream cut short: the input estimate plus a token per 4 bytes that arrived, at most the hold", () => {
    expect(actualCost(hold, { status: 200, responseBytes: 400 })).toEqual({
      costMicros: 200 + 800,
      tokens: 200,
    });
    expect(actualCost(hold, { status: 200, responseBytes: 1_000_000 })?.tokens).toBe(1100);
  });
});
