import { describe, expect, it } from "vitest";
import { resolveModel } from "@/lib/models/catalogue";
import type { ImageSpec } from "@/lib/models/schema";
import { checkInputFile, checkInputs, checkMask, inputRuleText } from "./rules";

const spec = (id: string): ImageSpec => resolveModel(id).image as ImageSpec;

describe("edit input rules", () => {
  it("quotes the format rule", () => {
    expect(checkInputFile(spec("gpt-image-2"), { name: "a.gif", type: "image/gif" })).toBe(
      "a.gif is GIF; this model takes PNG, WEBP or JPEG.",
    );
    expect(checkInputFile(spec("dall-e-2"), { name: "a.jpg", type: "image/jpeg" })).toContain("takes PNG");
    expect(checkInputFile(spec("gpt-image-2"), { name: "a.txt", type: "text/plain" })).toBe(
      "a.txt is not an image.",
    );
    expect(checkInputFile(spec("gpt-image-2"), { name: "a.png", type: "image/png" })).toBeNull();
  });

  it("quotes the count, size and shape rules", () => {
    const img = (name: string, width = 64, height = 64, bytes = 1000) => ({ name, width, height, bytes });
    const many = Array.from({ length: 17 }, (_, i) => img(`${i}.png`));
    expect(checkInputs(spec("gpt-image-2"), many, "GPT Image 2")).toContain(
      "GPT Image 2 takes at most 16 input images; 17 are attached.",
    );
    expect(checkInputs(spec("dall-e-2"), [img("a.png", 64, 32)])).toContain(
      "a.png is 64x32; this model takes square images only.",
    );
    expect(checkInputs(spec("dall-e-2"), [img("a.png", 64, 64, 5 * 1024 * 1024)])[0]).toContain(
      "under 4.0 MB",
    );
    expect(checkInputs(spec("gpt-image-2"), [])).toEqual(["Add an image to edit."]);
    expect(checkInputs(spec("dall-e-3"), [img("a.png")])).toEqual(["This model does not edit images."]);
    expect(inputRuleText(spec("gpt-image-2"))).toBe("Up to 16 images: PNG, WEBP or JPEG, under 50 MB each.");
  });

  it("checks the mask against the first image", () => {
    expect(checkMask({ width: 10, height: 10 }, { width: 10, height: 12 })).toContain("10x12");
    expect(checkMask({ width: 10, height: 10, bytes: 5_000_000 }, { width: 10, height: 10 })).toContain(
      "under 4.0 MB",
    );
    expect(checkMask({ width: 10, height: 10, bytes: 100 }, { width: 10, height: 10 })).toBeNull();
  });
});
