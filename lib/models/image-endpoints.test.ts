import { describe, expect, it } from "vitest";
import { resolveModel } from "./catalogue";
import { modelsServingImageEndpoint } from "./image-endpoints";

describe("modelsServingImageEndpoint", () => {
  const listed = [
    resolveModel("gpt-image-2"),
    resolveModel("dall-e-2", { shutdown_date: "2026-05-12" }),
    resolveModel("gpt-4o"),
  ];

  it("offers variations only through a listed model that serves them, with its shutdown", () => {
    const v = modelsServingImageEndpoint("variations", listed, "2026-12-01");
    expect(v.map((s) => [s.model.model, s.shutDown])).toEqual([["dall-e-2", true]]);
    expect(modelsServingImageEndpoint("variations", [resolveModel("gpt-image-2")])).toEqual([]);
  });

  it("lists the models that edit", () => {
    expect(modelsServingImageEndpoint("edits", listed, "2026-12-01").map((s) => s.model.model)).toEqual([
      "gpt-image-2",
      "dall-e-2",
    ]);
  });
});
