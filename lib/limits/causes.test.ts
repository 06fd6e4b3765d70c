import { describe, expect, it } from "vitest";
import { classifyRejection, formatCountdown, resetsAt, secondsLeft } from "./causes";

describe("classifyRejection", () => {
  it("names the upstream's causes by code first, status second", () => {
    expect(classifyRejection(429, "requests", "rate_limit_exceeded")).toBe("rate_limit");
    expect(classifyRejection(429, "tokens", null)).toBe("rate_limit");
    expect(classifyRejection(429, "insufficient_quota", "insufficient_quota")).toBe("quota");
    expect(classifyRejection(429, "invalid_request_error", "organization_spend_limit_exceeded")).toBe(
      "quota",
    );
    expect(classifyRejection(429, "requests", "slow_down")).toBe("overloaded");
    expect(classifyRejection(503, "server_error", "overloaded")).toBe("overloaded");
    expect(classifyRejection(529, null, null)).toBe("overloaded");
  });

  it("names Benchtop's own refusals, whatever their status", () => {
    expect(classifyRejection(429, "requests", "rpm_exceeded")).toBe("benchtop_limit");
    expect(classifyRejection(429, "insufficient_quota", "budget_exceeded")).toBe("benchtop_limit");
    expect(classifyRejection(403, "invalid_request_error", "model_not_allowed")).toBe("benchtop_limit");
  });

  it("leaves other failures out", () => {
    expect(classifyRejection(500, "server_error", "server_error")).toBeNull();
    expect(classifyRejection(400, "invalid_request_error", null)).toBeNull();
    expect(classifyRejection(403, "request_forbidden", "unsupported_country_region_territory")).toBeNull();
  });
});

describe("reset times", () => {
  it("adds the reset duration to the time the values were seen", () => {
    expect(resetsAt(new Date("2026-12-02T08:00:00Z"), 360_000)).toBe("2026-12-02T08:06:00.000Z");
    expect(resetsAt(new Date("2026-12-02T08:00:00Z"), 12)).toBe("2026-12-02T08:00:00.012Z");
    expect(resetsAt(new Date(), null)).toBeNull();
  });

  it("counts down in whole seconds and says 'reset' once passed", () => {
    const at = Date.parse("2026-12-02T08:06:00Z");
    expect(secondsLeft("2026-12-02T08:06:00Z", at - 65_500)).toBe(66);
    expect(secondsLeft("2026-12-02T08:06:00Z", at + 1)).toBe(0);
    expect(secondsLeft(null, at)).toBeNull();
    expect(formatCountdown(66)).toBe("1m 06s");
    expect(formatCountdown(3723)).toBe("1h 02m");
    expect(formatCountdown(9)).toBe("9s");
    expect(formatCountdown(0)).toBe("reset");
  });
});
