import { describe, expect, it } from "vitest";
import { emptyFigures } from "./report";

describe("emptyFigures", () => {
  it("is every figure at zero", () => {
    expect(Object.values(emptyFigures()).every((v) => v === 0)).toBe(true);
  });

  it("is a new object each call, so summing into one leaves the next at zero", () => {
    const a = emptyFigures();
    a.requests += 3;
    expect(emptyFigures().requests).toBe(0);
  });
});
