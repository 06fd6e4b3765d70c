import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDb } from "@/test/db";
import {
  flushRateLimits,
  latestRateLimits,
  parseGoDuration,
  rateLimitsFromHeaders,
  recordRateLimits,
} from "./rate-limits";

let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ cleanup } = await useFreshDb());
});
afterAll(() => cleanup());

describe("rate limits", () => {
  it("parses Go durations as the API sends them", () => {
    expect(parseGoDuration("12ms")).toBe(12);
    expect(parseGoDuration("1s")).toBe(1000);
    expect(parseGoDuration("6m0s")).toBe(360_000);
    expect(parseGoDuration("16m17.764s")).toBe(977_764);
    expect(parseGoDuration("1h2m3.5s")).toBe(3_723_500);
    expect(parseGoDuration("soon")).toBeNull();
    expect(parseGoDuration("")).toBeNull();
  });

  it("reads every kind the headers name", () => {
    const values = rateLimitsFromHeaders([
      ["x-ratelimit-limit-requests", "60"],
      ["x-ratelimit-remaining-requests", "59"],
      ["x-ratelimit-reset-requests", "1s"],
      ["X-RateLimit-Limit-Images", "50"],
      ["x-ratelimit-remaining-images", "abc"],
      ["x-ratelimit-limit-tokens_usage_based", "1000"],
      ["content-type", "application/json"],
    ]);
    expect(values).toEqual([
      { kind: "requests", limit: 60, remaining: 59, reset: "1s", resetMs: 1000 },
      { kind: "images", limit: 50, remaining: null, reset: null, resetMs: null },
      { kind: "tokens_usage_based", limit: 1000, remaining: null, reset: null, resetMs: null },
    ]);
  });

  it("keeps the latest values per model and kind, never an older one over a newer", async () => {
    const t0 = new Date("2026-12-01T10:00:00Z");
    const t1 = new Date("2026-12-01T10:00:05Z");
    recordRateLimits("gpt-image-2", [["x-ratelimit-remaining-images", "40"]], t1);
    recordRateLimits(null, [["x-ratelimit-remaining-images", "1"]], t1);
    await flushRateLimits();
    recordRateLimits("gpt-image-2", [["x-ratelimit-remaining-images", "45"]], t0);
    recordRateLimits("gpt-4o", [["x-ratelimit-remaining-requests", "9"]], t0);
    const all = await latestRateLimits();
    expect(all.map((r) => [r.model, r.kind, r.remaining])).toEqual([
      ["gpt-image-2", "images", 40],
      ["gpt-4o", "requests", 9],
    ]);
    expect((await latestRateLimits({ model: "gpt-4o" }))[0]?.observedAt).toEqual(t0);
  });
});
