import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  baseOfFineTune,
  CATALOGUE,
  costOf,
  DEFAULT_MODEL,
  encodingFor,
  imageSizeAllowed,
  overrideFor,
  resolveModel,
} from "./catalogue";
import { modelEntrySchema, modelOverridesSchema } from "./schema";

describe("model catalogue", () => {
  it("resolves exact ids, dated snapshots and families", () => {
    expect(resolveModel("gpt-4o").matched).toBe("gpt-4o");
    expect(resolveModel("gpt-4o-2024-08-06").matched).toBe("gpt-4o");
    expect(resolveModel("gpt-4o-2024-05-13").maxOutput).toBe(4_096);
    expect(resolveModel("gpt-4o-mini-2024-07-18").matched).toBe("gpt-4o-mini");
    expect(resolveModel("gpt-4.1-mini").matched).toBe("gpt-4.1-mini");
    expect(resolveModel("gpt-4.5-preview").matched).toBe("gpt-4.5");
    expect(resolveModel("gpt-4-0613").matched).toBe("gpt-4");
    expect(resolveModel("gpt-3.5-turbo-instruct").capabilities.apis).toEqual(["completions"]);
    expect(resolveModel("o3-mini-2025-01-31").matched).toBe("o3-mini");
    expect(resolveModel("gpt-5.1").matched).toBe("gpt-5");
    expect(resolveModel("GPT-4O").matched).toBe("gpt-4o");
  });

  it("does not match across a name that only shares letters", () => {
    expect(resolveModel("gpt-4omni").matched).toBeNull();
    expect(resolveModel("o10").matched).toBeNull();
  });

  it("maps fine-tunes to their base with fine-tuned prices", () => {
    expect(baseOfFineTune("ft:gpt-4o-mini-2024-07-18:acme::abc123")).toBe("gpt-4o-mini-2024-07-18");
    expect(baseOfFineTune("curie:ft-acme-2022-01-01")).toBe("curie");
    expect(baseOfFineTune("gpt-4o")).toBeNull();
    const ft = resolveModel("ft:gpt-4o-mini-2024-07-18:acme::abc123");
    expect(ft.fineTuned).toBe(true);
    expect(ft.matched).toBe("gpt-4o-mini");
    expect(ft.pricing?.input).toBe(0.3);
    expect(ft.label).toContain("fine-tuned");
  });

  it("gives unknown models working defaults and no price", () => {
    const m = resolveModel("llama-3.1-70b-instruct", { shutdown_date: null });
    expect(m.matched).toBeNull();
    expect(m.label).toBe("llama-3.1-70b-instruct");
    expect(m.pricing).toBeNull();
    expect(m.contextWindow).toBeGreaterThan(0);
    expect(m.kind).toBe("chat");
    expect(m.capabilities).toMatchObject({ tools: true, vision: true, sampling: true, logprobs: true });
    expect(m.capabilities.apis).toContain("chat");
    expect(m.image).toBeNull();
    expect(m.shutdownDate).toBeNull();
  });

  it("says which role Chat's instructions take on auto", () => {
    expect(resolveModel("some-new-model").instructionsRole).toBe("system");
    expect(resolveModel("gpt-4o").instructionsRole).toBe("system");
    expect(resolveModel("gpt-4-turbo").instructionsRole).toBe("system");
    expect(resolveModel("gpt-4.1-nano").instructionsRole).toBe("developer");
    expect(resolveModel("gpt-5-mini").instructionsRole).toBe("developer");
    expect(resolveModel("o3-mini-2025-01-31").instructionsRole).toBe("developer");
    expect(resolveModel("ft:gpt-4.1-mini-2025-04-14:acme::x").instructionsRole).toBe("developer");
    const entry = CATALOGUE.find((m) => m.match === "gpt-4o");
    expect(modelEntrySchema.safeParse({ ...entry, instructionsRole: undefined }).success).toBe(false);
  });

  it("carries the upstream's shutdown date", () => {
    expect(resolveModel("gpt-4o-2024-05-13", { shutdown_date: "2026-10-23" }).shutdownDate).toBe(
      "2026-10-23",
    );
  });

  it("knows each family's encoding (gpt-4o is o200k_base, not cl100k_base)", () => {
    expect(encodingFor("gpt-4o")).toBe("o200k_base");
    expect(encodingFor("gpt-4o-mini-2024-07-18")).toBe("o200k_base");
    expect(encodingFor("ft:gpt-4o-2024-08-06:x::y")).toBe("o200k_base");
    expect(encodingFor("o1")).toBe("o200k_base");
    expect(encodingFor("gpt-4")).toBe("cl100k_base");
    expect(encodingFor("gpt-3.5-turbo")).toBe("cl100k_base");
    expect(encodingFor("text-embedding-3-small")).toBe("cl100k_base");
    expect(encodingFor("text-davinci-003")).toBe("p50k_base");
    expect(encodingFor("code-davinci-edit-001")).toBe("p50k_edit");
    expect(encodingFor("text-curie-001")).toBe("r50k_base");
    expect(encodingFor("davinci")).toBe("r50k_base");
    expect(encodingFor("gpt-oss-120b")).toBe("o200k_harmony");
    expect(encodingFor("some-new-model")).toBe("o200k_base");
  });

  it("prices usage with cached input at the cached rate", () => {
    const m = resolveModel("gpt-4o");
    expect(costOf(m, { input: 1_000_000, output: 0 })).toBeCloseTo(2.5);
    expect(costOf(m, { input: 1_000_000, cached: 400_000, output: 100_000 })).toBeCloseTo(
      0.6 * 2.5 + 0.4 * 1.25 + 0.1 * 10,
    );
    expect(costOf(resolveModel("unknown-model"), { input: 10, output: 10 })).toBeNull();
  });

  it("has entries that parse, each answering for its own id", () => {
    const ids = CATALOGUE.map((m) => m.match);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of CATALOGUE) {
      const parsed = modelEntrySchema.safeParse(m);
      expect(parsed.error?.issues, m.match).toBeUndefined();
      if (m.pricing) expect(m.pricing.cachedInput ?? 0, m.match).toBeLessThanOrEqual(m.pricing.input);
      expect(resolveModel(m.match).matched, m.match).toBe(m.match);
    }
    expect(modelEntrySchema.safeParse({ ...DEFAULT_MODEL, match: "x", label: "x" }).success).toBe(true);
  });

  it("refuses entries that contradict themselves", () => {
    const gpt4o = CATALOGUE.find((m) => m.match === "gpt-4o");
    expect(modelEntrySchema.safeParse({ ...gpt4o, maxOutput: 1_000_000 }).success).toBe(false);
    expect(modelEntrySchema.safeParse({ ...gpt4o, kind: "image" }).success).toBe(false);
    expect(modelEntrySchema.safeParse({ ...gpt4o, apis: ["speech"] }).success).toBe(false);
    expect(modelEntrySchema.safeParse({ ...gpt4o, contextWindows: 1 }).success).toBe(false);
  });

  it("derives the playground's switches from kind, params and tools", () => {
    const o3 = resolveModel("o3");
    expect(o3.kind).toBe("reasoning");
    expect(o3.capabilities).toMatchObject({ reasoning: true, sampling: false, logprobs: false, tools: true });
    expect(resolveModel("chatgpt-4o-latest").capabilities.tools).toBe(false);
    expect(resolveModel("gpt-5-pro").tools.chat).toEqual([]);
    expect(resolveModel("gpt-4o").tools.responses).toContain("file_search");
    expect(resolveModel("gpt-4o-mini").fineTunable).toBe(true);
    expect(resolveModel("o3").fineTunable).toBe(false);
    expect(resolveModel("gpt-4o").family).toBe("GPT-4o");
  });

  it("knows embedding and moderation models", () => {
    const small = resolveModel("text-embedding-3-small");
    expect(small.kind).toBe("embedding");
    expect(small.embedding).toEqual({ dimensions: 1_536, customDimensions: true });
    expect(resolveModel("text-embedding-ada-002").embedding?.customDimensions).toBe(false);
    const omni = resolveModel("omni-moderation-2024-09-26");
    expect(omni.matched).toBe("omni-moderation");
    expect(omni.moderation?.inputs).toEqual(["text", "image"]);
    expect(resolveModel("text-moderation-latest").moderation?.inputs).toEqual(["text"]);
  });
});

describe("image models", () => {
  it("resolves each family, longest prefix first", () => {
    expect(resolveModel("gpt-image-2-2026-04-21").matched).toBe("gpt-image-2");
    expect(resolveModel("gpt-image-2.5-flare-2026-09-08").matched).toBe("gpt-image-2.5-flare");
    expect(resolveModel("gpt-image-2.6-sunburst").matched).toBe("gpt-image-2.6-sunburst");
    expect(resolveModel("gpt-image-1.5-2025-12-16").matched).toBe("gpt-image-1.5");
    expect(resolveModel("gpt-image-1-mini").matched).toBe("gpt-image-1-mini");
    const m = resolveModel("gpt-image-2");
    expect(m.kind).toBe("image");
    expect(m.capabilities.apis).toEqual(["images"]);
    expect(m.capabilities.tools).toBe(false);
  });

  it("has each model's options", () => {
    const two = resolveModel("gpt-image-2").image;
    expect(two?.endpoints).toEqual(["generations", "edits"]);
    expect(two?.inputFidelity).toBe(false);
    expect(two?.maxInputs).toBe(16);
    expect(two?.mask).toBe("guided");
    expect(resolveModel("gpt-image-1.5").image?.inputFidelity).toBe(true);
    expect(resolveModel("gpt-image-1-mini").image?.inputFidelity).toBe(false);
    expect(resolveModel("gpt-image-2.5-sunburst").image?.qualities).toContain("max");
    expect(resolveModel("gpt-image-2").image?.qualities).not.toContain("max");
    const flare = resolveModel("gpt-image-2.6-flare").image;
    expect(flare?.formats).toEqual(expect.arrayContaining(["gif", "svg"]));
    expect(flare?.gif?.frameCount).toEqual({ min: 2, max: 16, default: 9 });
    expect(resolveModel("chatgpt-image-latest").image?.endpoints).toEqual(["edits"]);
    const dalle3 = resolveModel("dall-e-3").image;
    expect(dalle3?.maxN).toBe(1);
    expect(dalle3?.styles).toEqual(["vivid", "natural"]);
    expect(resolveModel("dall-e-2").image?.mask).toBe("exact");
  });

  it("checks sizes: fixed lists, and gpt-image-2's WxH rule", () => {
    const one = resolveModel("gpt-image-1.5").image;
    const two = resolveModel("gpt-image-2").image;
    if (!one || !two) throw new Error("no image spec");
    expect(imageSizeAllowed(one, "1536x1024")).toBe(true);
    expect(imageSizeAllowed(one, "2048x1024")).toBe(false);
    expect(imageSizeAllowed(two, "auto")).toBe(true);
    expect(imageSizeAllowed(two, "2048x1024")).toBe(true);
    expect(imageSizeAllowed(two, "3840x2160")).toBe(true);
    expect(imageSizeAllowed(two, "3840x2176")).toBe(false); // over the pixel cap
    expect(imageSizeAllowed(two, "1000x1000")).toBe(false); // not multiples of 16
    expect(imageSizeAllowed(two, "3200x1008")).toBe(false); // wider than 3:1
    expect(imageSizeAllowed(two, "1024")).toBe(false);
  });

  it("dates the shut-down ones, unless the upstream says otherwise", () => {
    expect(resolveModel("dall-e-3").shutdownDate).toBe("2026-05-12");
    expect(resolveModel("gpt-image-1").shutdownDate).toBe("2026-10-23");
    expect(resolveModel("gpt-image-1-mini").shutdownDate).toBe("2026-12-01");
    expect(resolveModel("gpt-image-2").shutdownDate).toBeNull();
    expect(resolveModel("gpt-image-1", { shutdown_date: null }).shutdownDate).toBeNull();
  });
});

describe("admin overrides", () => {
  const overrides = {
    "gpt-4o": { pricing: { input: 1, output: 2 } },
    "gpt-4o-mini": { contextWindow: 64_000 },
    "my-llama": { label: "Llama (vLLM)", capabilities: { tools: false, logprobs: false } },
  };

  it("picks the longest matching key at a boundary", () => {
    expect(overrideFor("gpt-4o-mini-2024-07-18", overrides)).toEqual({ contextWindow: 64_000 });
    expect(overrideFor("gpt-4o-2024-08-06", overrides)).toEqual({ pricing: { input: 1, output: 2 } });
    expect(overrideFor("gpt-4omni", overrides)).toBeNull();
  });

  it("replaces only the fields given, and makes an unknown model known", () => {
    const mini = applyOverrides(resolveModel("gpt-4o-mini"), overrides);
    expect(mini.contextWindow).toBe(64_000);
    expect(mini.pricing).toEqual(resolveModel("gpt-4o-mini").pricing);
    const llama = applyOverrides(resolveModel("my-llama"), overrides);
    expect(llama.label).toBe("Llama (vLLM)");
    expect(llama.capabilities.tools).toBe(false);
    expect(llama.capabilities.vision).toBe(true);
    expect(llama.matched).toBe("override");
  });

  it("accepts overrides stored before the catalogue became data, and the new fields", () => {
    const stored = {
      "llama-3.1-70b": {
        label: "Llama 3.1 70B (vLLM)",
        contextWindow: 131072,
        capabilities: { tools: false },
      },
      "gpt-4o": {
        pricing: { input: 1, output: 2 },
        encoding: "o200k_base",
        capabilities: { apis: ["chat"] },
      },
    };
    expect(modelOverridesSchema.parse(stored)).toEqual(stored);
    const image = resolveModel("gpt-image-2").image;
    if (!image) throw new Error("no image spec");
    const fresh = { "gpt-image-2": { family: "Images", fineTunable: false, image: { ...image, maxN: 4 } } };
    expect(modelOverridesSchema.safeParse(fresh).success).toBe(true);
    expect(applyOverrides(resolveModel("gpt-image-2"), fresh).image?.maxN).toBe(4);
    expect(modelOverridesSchema.safeParse({ x: { capabilities: { teleport: true } } }).success).toBe(false);
    expect(modelOverridesSchema.safeParse({ x: { contextWindow: -1 } }).success).toBe(false);
  });
});
