import { describe, expect, it } from "vitest";
import { quoteWith } from "./pricing";

const none = { value: {}, asOf: "2026-12-01" };

describe("quoteWith: the shipped layers", () => {
  it("a dearer sibling of a catalogue family keeps the dataset's exact price", () => {
    // The catalogue knows `gpt-5` ($1.25 / $10); these ids only fall under it by family.
    expect(quoteWith("gpt-5.2-pro", none)).toMatchObject({ input: 21, output: 168, source: "dataset" });
    expect(quoteWith("gpt-5.2-pro-2025-12-11", none)).toMatchObject({ input: 21, source: "dataset" });
    expect(quoteWith("gpt-5.5-pro", none)).toMatchObject({ input: 30, output: 180, source: "dataset" });
    expect(quoteWith("o3-deep-research", none)).toMatchObject({ input: 10, output: 40, source: "dataset" });
  });

  it("an exact catalogue entry, a fine-tune of one and an override still win", () => {
    expect(quoteWith("gpt-4o-mini", none)?.source).toBe("catalogue");
    expect(quoteWith("gpt-4o-mini-2024-07-18", none)?.source).toBe("catalogue");
    expect(quoteWith("ft:gpt-4o-mini-2024-07-18:acme::abc", none)).toMatchObject({
      input: 0.3,
      source: "catalogue",
    });
    const o = { value: { "gpt-5.2-pro": { pricing: { input: 1, output: 2 } } }, asOf: "2026-12-01" };
    expect(quoteWith("gpt-5.2-pro", o)).toMatchObject({ input: 1, source: "override" });
  });
});
