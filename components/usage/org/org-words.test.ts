import { describe, expect, it } from "vitest";
import { differenceInWords, dollars, usd } from "./org-words";

describe("differenceInWords", () => {
  it("calls out what reached the key without Benchtop", () => {
    expect(differenceInWords({ requests: 3, tokens: 1200, costMicros: 12_500 })).toEqual({
      tone: "warning",
      text: "3 requests / $0.01 reached the key without passing through Benchtop (1,200 tokens).",
    });
    expect(differenceInWords({ requests: 1, tokens: 10, costMicros: null }).text).toBe(
      "1 request reached the key without passing through Benchtop (10 tokens).",
    );
  });

  it("reads a shortfall upstream as lag, and nothing as all clear", () => {
    expect(differenceInWords({ requests: -2, tokens: -5, costMicros: 0 }).tone).toBe("info");
    expect(differenceInWords({ requests: 0, tokens: 0, costMicros: 0 }).tone).toBe("success");
  });

  it("writes spend limits in dollars", () => {
    expect(dollars(120_000_000)).toBe("$120");
    expect(dollars(99_500_000)).toBe("$99.50");
  });
});

describe("usd", () => {
  it("writes an organization's spend to the cent, a sliver as under a cent, and no sign", () => {
    expect(usd(616_000_000)).toBe("$616.00");
    expect(usd(-1_234_567)).toBe("$1.23");
    expect(usd(4_000)).toBe("<$0.01");
    expect(usd(0)).toBe("$0.00");
    expect(usd(null)).toBe("—");
  });
});
