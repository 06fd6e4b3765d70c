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

  // Review of issue 12's proxy: each of these used to lose a whole batch, or grow without end.
  it("clamps absurd durations instead of failing the write", async () => {
    expect(parseGoDuration("99999999999999999999h")).toBeNull();
    recordRateLimits("clamp-model", [
      ["x-ratelimit-reset-requests", "99999999999999999999h"],
      ["x-ratelimit-remaining-requests", "3"],
    ]);
    await flushRateLimits();
    expect((await latestRateLimits({ model: "clamp-model" }))[0]).toMatchObject({
      remaining: 3,
      resetMs: null,
    });
  });

  it("keys by the stored name: two long names alike in their first 200 characters are one row", async () => {
    const a = `${"m".repeat(200)}-a`;
    recordRateLimits(a, [["x-ratelimit-remaining-requests", "1"]]);
    recordRateLimits(`${"m".repeat(200)}-b`, [["x-ratelimit-remaining-requests", "2"]]);
    await flushRateLimits();
    expect(await latestRateLimits({ model: "m".repeat(200) })).toMatchObject([{ remaining: 2 }]);
  });

  it("stores no control characters", async () => {
    recordRateLimits("nul\u0000model", [["x-ratelimit-remaining-requests", "4"]]);
    await flushRateLimits();
    expect(await latestRateLimits({ model: "nulmodel" })).toMatchObject([{ remaining: 4 }]);
  });

  it("keeps a bounded number of rows, the newest", async () => {
    const t = Date.now();
    for (let i = 0; i < 600; i++)
      recordRateLimits(`made-up-${i}`, [["x-ratelimit-remaining-requests", "1"]], new Date(t + i));
    await flushRateLimits();
    const all = await latestRateLimits();
    expect(all.length).toBeLessThanOrEqual(500);
    expect(all[0]?.model).toBe("made-up-599");
  });
});
