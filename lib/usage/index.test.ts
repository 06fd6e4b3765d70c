import { describe, expect, it } from "vitest";
import { normaliseUsage } from ".";

describe("normaliseUsage", () => {
  it("reads Chat Completions and Responses usage in one shape", () => {
    expect(
      normaliseUsage({
        prompt_tokens: 120,
        completion_tokens: 30,
        prompt_tokens_details: { cached_tokens: 64 },
        completion_tokens_details: { reasoning_tokens: 10 },
      }),
    ).toEqual({ input: 120, cached: 64, output: 30, reasoning: 10 });
    expect(
      normaliseUsage({
        input_tokens: 50,
        output_tokens: 20,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens_details: { reasoning_tokens: 0 },
      }),
    ).toEqual({ input: 50, cached: 0, output: 20, reasoning: 0 });
  });

  it("keeps an audio model's audio tokens apart, and adds nothing when there are none", () => {
    expect(
      normaliseUsage({
        prompt_tokens: 400,
        completion_tokens: 900,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 350 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 800, text_tokens: 100 },
      }),
    ).toEqual({ input: 400, cached: 0, output: 900, reasoning: 0, audioInput: 350, audioOutput: 800 });
    expect(
      normaliseUsage({ prompt_tokens: 4, completion_tokens: 2, prompt_tokens_details: { audio_tokens: 0 } }),
    ).toEqual({ input: 4, cached: 0, output: 2, reasoning: 0 });
  });

  it("reads a transcription's seconds, and nothing from what is not usage", () => {
    expect(normaliseUsage({ type: "duration", seconds: 12 })).toMatchObject({ audioSeconds: 12, input: 0 });
    expect(normaliseUsage(null)).toBeNull();
    expect(normaliseUsage({ foo: 1 })).toBeNull();
  });
});
