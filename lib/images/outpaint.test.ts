import { describe, expect, it } from "vitest";
import { maskBits } from "./mask";
import { anchorLayout, clampLayout, layoutProblem, outpaintMask, presetSize } from "./outpaint";

describe("outpaint geometry", () => {
  it("presets give canvases that hold the image, in multiples of 16", () => {
    expect(presetSize("1.5x", 1024, 1024)).toEqual({ width: 1536, height: 1536 });
    expect(presetSize("2x", 1000, 600)).toEqual({ width: 2000, height: 1200 });
    expect(presetSize("16:9", 1024, 1024)).toEqual({ width: 1824, height: 1024 });
    expect(presetSize("9:16", 1024, 1024)).toEqual({ width: 1024, height: 1824 });
    expect(presetSize("1:1", 1536, 1024)).toEqual({ width: 1536, height: 1536 });
    // Already 16:9: both sides grow, so there is something to fill.
    expect(presetSize("16:9", 1920, 1080)).toEqual({ width: 2400, height: 1360 });
  });

  it("anchors place the image at the edges or centred", () => {
    expect(anchorLayout("center", 1536, 1024, 1024, 1024)).toEqual({
      width: 1536,
      height: 1024,
      x: 256,
      y: 0,
    });
    expect(anchorLayout("bottom-right", 200, 100, 50, 40)).toMatchObject({ x: 150, y: 60 });
    expect(anchorLayout("top-left", 200, 100, 50, 40)).toMatchObject({ x: 0, y: 0 });
    expect(anchorLayout("left", 200, 100, 50, 40)).toMatchObject({ x: 0, y: 30 });
  });

  it("a drag past the edges keeps the image on the canvas", () => {
    expect(clampLayout({ width: 200, height: 100, x: -20, y: 90.4 }, 50, 40)).toEqual({
      width: 200,
      height: 100,
      x: 0,
      y: 60,
    });
  });

  it("the mask is the area around the image", () => {
    const layout = { width: 8, height: 6, x: 2, y: 1 };
    const bits = maskBits(outpaintMask(layout, 4, 3));
    for (let y = 0; y < 6; y++) {
      for (let x = 0; x < 8; x++) {
        const image = x >= 2 && x < 6 && y >= 1 && y < 4;
        expect(bits[y * 8 + x], `${x},${y}`).toBe(image ? 0 : 1);
      }
    }
  });

  it("says why a custom size does not work", () => {
    expect(layoutProblem(1000, 1200, 1024, 1024)).toContain("at least the image's size, 1024×1024");
    expect(layoutProblem(1024, 1024, 1024, 1024)).toContain("larger than the image");
    expect(layoutProblem(1.5, 2000, 1, 1)).toContain("whole numbers");
    expect(layoutProblem(20000, 1024, 1024, 1024)).toContain("at most");
    expect(layoutProblem(1536, 1024, 1024, 1024)).toBeNull();
  });
});
