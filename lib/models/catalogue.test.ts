import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  baseOfFineTune,
  CATALOGUE,
  costOf,
  encodingFor,
  overrideFor,
  resolveModel,
} from "./catalogue";

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
    expect(m.pricing).toBeNull();
    expect(m.contextWindow).toBeGreaterThan(0);
    expect(m.capabilities.apis).toContain("chat");
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

  it("has sane rows", () => {
    const ids = CATALOGUE.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of CATALOGUE) {
      expect(m.contextWindow, m.id).toBeGreaterThan(0);
      expect(m.maxOutput, m.id).toBeLessThanOrEqual(m.contextWindow);
      if (m.pricing) expect(m.pricing.cachedInput ?? 0, m.id).toBeLessThanOrEqual(m.pricing.input);
    }
    // A longer id of the same family must come first, or it could never match.
    ids.forEach((id, i) => {
      for (const later of ids.slice(i + 1))
        expect(later.startsWith(`${id}-`), `${later} after ${id}`).toBe(false);
    });
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
});
