import { describe, expect, it } from "vitest";
import { defaultDraft, readImageDraft } from "./draft";
import { splitUsage } from "./request";

describe("image studio draft", () => {
  it("reads an older draft with the missing fields filled in", () => {
    const r = readImageDraft({ prompt: "a cat", model: "gpt-image-2", params: { n: 3 } });
    expect(r.ok && r.value.prompt).toBe("a cat");
    expect(r.ok && r.value.params.n).toBe(3);
    expect(r.ok && r.value.params.quality).toBe("auto");
  });

  it("keeps the mask's vectors and sets a broken draft aside with its path", () => {
    const mask = { width: 4, height: 4, ops: [{ kind: "rect", x: 0, y: 0, w: 2, h: 2 }], redo: [] };
    const r = readImageDraft({ ...defaultDraft(), mask });
    expect(r.ok && r.value.mask).toEqual(mask);
    const bad = readImageDraft({ ...defaultDraft(), inputs: [{ source: "web", id: "x", name: "y" }] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/^inputs\.0\.source/);
  });
});

describe("usage per image", () => {
  it("divides a request's usage among its images", () => {
    expect(splitUsage({ input_tokens: 10, output_tokens: 300, total_tokens: 310 }, 3)).toEqual({
      input_tokens: 3,
      output_tokens: 100,
      total_tokens: 103,
    });
    expect(splitUsage(null, 2)).toBeNull();
  });
});
