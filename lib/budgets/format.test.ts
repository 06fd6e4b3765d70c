import { describe, expect, it } from "vitest";
import { formatLimitAmount, formatMicros, limitTitle, microsColumn, usedPercent } from "./format";

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

describe("microsColumn", () => {
  it("gives every row the decimals of the column's most precise amount", () => {
    const f = microsColumn([12_340_000, 4_200, 0, 1_500_000_000]);
    expect([12_340_000, 4_200, 0, 1_500_000_000].map(f)).toEqual([
      "$12.3400",
      "$0.0042",
      "$0.0000",
      "$1,500.0000",
    ]);
  });
  it("keeps two decimals when no amount needs more, and at most four", () => {
    expect(microsColumn([1_000_000, 2_500_000])(2_500_000)).toBe("$2.50");
    expect(microsColumn([2_841, 51_156_142])(51_156_142)).toBe("$51.1561");
    expect(microsColumn([2_841])(2_841)).toBe("$0.0028");
    expect(microsColumn([0])(0)).toBe("$0.00");
  });
  it("says a sliver is under the column's smallest step, never $0.0000", () => {
    expect(microsColumn([30, 4_200])(30)).toBe("<$0.0001");
    expect(microsColumn([30, 1_000_000])(30)).toBe("<$0.01");
    expect(microsColumn([4_000_000, 3_000])(4_000_000)).toBe("$4.000");
  });
});
