import { describe, expect, it } from "vitest";
import { DEFAULT_IMAGE_SPEC, resolveModel } from "@/lib/models/catalogue";
import type { ImageSpec } from "@/lib/models/schema";
import {
  customSizeError,
  DEFAULT_PARAMS,
  fitParams,
  formErrors,
  requestParams,
  requestSplit,
  sizeRuleText,
  streams,
} from "./params";

const spec = (id: string): ImageSpec => {
  const s = resolveModel(id).image;
  if (!s) throw new Error(`${id} has no image spec`);
  return s;
};

describe("image params from the catalogue", () => {
  it("moves values a model cannot take to ones it can when the model changes", () => {
    const p = { ...DEFAULT_PARAMS, quality: "max", outputFormat: "gif", size: "custom" };
    const on2 = fitParams(p, spec("gpt-image-2"));
    expect(on2.quality).toBe("auto");
    expect(on2.outputFormat).toBe("png");
    expect(on2.size).toBe("custom");
    const dalle = fitParams(p, spec("dall-e-3"));
    expect(dalle.size).toBe("1024x1024");
    expect(dalle.quality).toBe("standard");
    expect(dalle.style).toBe("vivid");
    expect(fitParams({ ...p, quality: "max" }, spec("gpt-image-2.5-flare")).quality).toBe("max");
  });

  it("states the custom-size rule and quotes the part a size breaks", () => {
    const s = spec("gpt-image-2");
    expect(sizeRuleText(s)).toContain("multiples of 16");
    expect(sizeRuleText(spec("gpt-image-1.5"))).toBeNull();
    expect(customSizeError(s, 1000, 1008)).toBe("1000x1008: both sides must be multiples of 16.");
    expect(customSizeError(s, 4096, 1024)).toContain("aspect ratio must be between 1:3 and 3:1");
    expect(customSizeError(s, 3840, 2160)).toBeNull();
    expect(customSizeError(s, 3840, 2176)).toContain("pixels");
  });

  it("refuses a prompt over the model's limit, quoting it", () => {
    const errs = formErrors("generate", "x".repeat(1001), DEFAULT_PARAMS, spec("dall-e-2"));
    expect(errs.join(" ")).toContain("at most 1,000");
    expect(formErrors("generate", "a cat", DEFAULT_PARAMS, spec("gpt-image-2"))).toEqual([]);
    expect(formErrors("generate", "", DEFAULT_PARAMS, spec("gpt-image-2"))).toEqual(["Write a prompt."]);
  });

  it("sends only what the model takes, and leaves API defaults out", () => {
    const p = {
      ...DEFAULT_PARAMS,
      quality: "high",
      style: "natural",
      inputFidelity: "high" as const,
      stream: false,
    };
    expect(requestParams("generate", p, spec("gpt-image-2"), 1)).toEqual({ quality: "high" });
    expect(requestParams("generate", fitParams(p, spec("dall-e-3")), spec("dall-e-3"), 1)).toMatchObject({
      style: "natural",
      response_format: "b64_json",
    });
    expect(requestParams("edit", p, spec("gpt-image-1.5"), 2)).toMatchObject({
      n: 2,
      input_fidelity: "high",
    });
    expect(requestParams("edit", p, spec("gpt-image-2"), 1)).not.toHaveProperty("input_fidelity");
    const gif = { ...DEFAULT_PARAMS, outputFormat: "gif", frameCount: 4 };
    const s26 = spec("gpt-image-2.6-sunburst");
    expect(requestParams("generate", gif, s26, 1)).toMatchObject({
      output_format: "gif",
      frame_count: 4,
      frame_duration_ms: 200,
    });
    expect(streams(gif, s26, "generate")).toBe(false);
    expect(requestParams("generate", DEFAULT_PARAMS, s26, 1)).toMatchObject({
      stream: true,
      partial_images: 2,
    });
  });

  it("gives a model the catalogue does not know a default form that does not stream", () => {
    expect(streams(DEFAULT_PARAMS, DEFAULT_IMAGE_SPEC, "generate")).toBe(false);
    expect(requestParams("generate", DEFAULT_PARAMS, DEFAULT_IMAGE_SPEC, 1)).toEqual({});
  });

  it("splits n into parallel requests where the model takes one at a time or streams", () => {
    expect(requestSplit(3, spec("gpt-image-2"), false)).toEqual([3]);
    expect(requestSplit(3, spec("gpt-image-2"), true)).toEqual([1, 1, 1]);
    expect(requestSplit(2, spec("dall-e-3"), false)).toEqual([1, 1]);
    expect(requestSplit(99, spec("gpt-image-2"), false)).toEqual([10]);
  });
});
