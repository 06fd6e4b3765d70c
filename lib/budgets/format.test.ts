import { describe, expect, it } from "vitest";
import { formatLimitAmount, formatMicros, limitTitle, usedPercent } from "./format";

describe("budget formatting", () => {
  it("shows small spend with enough digits", () => {
    expect(formatMicros(0)).toBe("$0");
    expect(formatMicros(4_200)).toBe("$0.0042");
    expect(formatMicros(250_000)).toBe("$0.25");
    expect(formatMicros(12_500_000)).toBe("$12.50");
    expect(formatMicros(1_234_000_000)).toBe("$1,234.00");
    // The Usage page's formatter agrees: one formatter.
    expect(formatMicros(42)).toBe("$0.000042");
    expect(formatMicros(12_345)).toBe("$0.0123");
  });
  it("names limits and their amounts", () => {
    expect(limitTitle({ code: "budget_exceeded", window: "day" })).toBe("Spend per day");
    expect(limitTitle({ code: "rpm_exceeded", window: "minute" })).toBe("Requests per minute");
    expect(formatLimitAmount("tpm_exceeded", 100000)).toBe("100,000");
  });
  it("clamps the bar", () => {
    expect(usedPercent({ used: 50, reserved: 25, limit: 100 })).toBe(75);
    expect(usedPercent({ used: 150, reserved: 0, limit: 100 })).toBe(100);
    expect(usedPercent({ used: 0, reserved: 0, limit: 0 })).toBe(100);
  });
});
