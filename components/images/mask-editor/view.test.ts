import { describe, expect, it } from "vitest";
import { defaultBrush, fitView, stepSize, toImage, zoomAt } from "./view";

describe("mask editor view", () => {
  it("fits the image in the viewport, centred, never above 1:1", () => {
    const v = fitView(3840, 2160, 1000, 600, 0);
    expect(v.z).toBeCloseTo(1000 / 3840, 12);
    expect(v.x).toBeCloseTo(0, 9);
    expect(v.y).toBeCloseTo((600 - 562.5) / 2, 9);
    expect(fitView(100, 50, 400, 300, 0)).toEqual({ x: 150, y: 125, z: 1 });
  });

  it("zooming keeps the point under the cursor in place", () => {
    const v = { x: 10, y: 20, z: 0.5 };
    const before = toImage(v, 200, 150);
    const after = zoomAt(v, 2, 200, 150);
    expect(after.z).toBe(1);
    expect(toImage(after, 200, 150)).toEqual(before);
  });

  it("steps brush sizes by ~15% within 1..max", () => {
    expect(stepSize(4, true, 500)).toBe(5);
    expect(stepSize(100, true, 500)).toBe(115);
    expect(stepSize(100, false, 500)).toBe(85);
    expect(stepSize(1, false, 500)).toBe(1);
    expect(stepSize(499, true, 500)).toBe(500);
    expect(defaultBrush(3840, 2160)).toBe(54);
  });
});
