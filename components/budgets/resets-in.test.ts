import { describe, expect, it } from "vitest";
import { resetsIn } from "./resets-in";

describe("resetsIn", () => {
  const now = Date.parse("2026-12-02T10:00:00Z");
  it("counts down in the largest sensible unit", () => {
    expect(resetsIn("2026-12-02T10:00:38Z", now)).toBe("in 38 s");
    expect(resetsIn("2026-12-02T10:12:00Z", now)).toBe("in 12 min");
    expect(resetsIn("2026-12-03T00:00:00Z", now)).toBe("in 14 h 0 min");
    expect(resetsIn("2027-01-01T00:00:00Z", now)).toBe("in 29 days");
    expect(resetsIn("2026-12-02T09:00:00Z", now)).toBe("in 0 s");
  });
});
