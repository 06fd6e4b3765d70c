import { describe, expect, it } from "vitest";
import { alignOrgUsage, bucketStarts } from "./org";
import type { UsageRow } from "./report";

const row = (
  bucket: string,
  key: string,
  requests: number,
  errors: number,
  tokens: number,
  costMicros: number,
): UsageRow => ({
  bucket,
  key,
  requests,
  errors,
  input: tokens,
  cached: 0,
  output: 0,
  reasoning: 0,
  images: 0,
  audioSeconds: 0,
  costMicros,
  estimated: 0,
  unpriced: 0,
});
const unix = (iso: string) => Date.parse(iso) / 1000;

describe("bucketStarts", () => {
  it("aligns to the UTC hour or day and stops before `to`", () => {
    expect(bucketStarts("2026-12-01T10:30:00Z", "2026-12-01T13:00:00Z", "hour")).toEqual([
      "2026-12-01T10:00:00.000Z",
      "2026-12-01T11:00:00.000Z",
      "2026-12-01T12:00:00.000Z",
    ]);
    expect(bucketStarts("2026-12-01T00:00:00Z", "2026-12-03T00:00:00Z", "day")).toHaveLength(2);
  });
});

describe("alignOrgUsage", () => {
  const query = { from: "2026-12-01T00:00:00Z", to: "2026-12-03T00:00:00Z", bucket: "day" as const };

  it("puts both sides in the same buckets and takes org − ledger", () => {
    const { buckets, totals } = alignOrgUsage(
      query,
      [
        row("2026-12-01T00:00:00.000Z", "/v1/chat/completions", 5, 1, 100, 2_000),
        row("2026-12-01T00:00:00.000Z", "/v1/responses", 2, 0, 50, 1_000),
        // Not a model call upstream counts; its cost (none) still sums.
        row("2026-12-01T00:00:00.000Z", "/v1/files", 3, 0, 0, 0),
        row("2026-12-02T00:00:00.000Z", "/v1/embeddings", 1, 0, 10, 10),
      ],
      [
        { start: unix("2026-12-01T00:00:00Z"), requests: 6, tokens: 150 },
        { start: unix("2026-12-01T00:00:00Z"), requests: 2, tokens: 30 },
        { start: unix("2026-12-02T00:00:00Z"), requests: 1, tokens: 10 },
      ],
      [
        { start: unix("2026-12-01T00:00:00Z"), usd: 0.005 },
        { start: unix("2026-12-02T00:00:00Z"), usd: 0.00001 },
      ],
    );
    expect(buckets.map((b) => b.bucket)).toEqual(["2026-12-01T00:00:00.000Z", "2026-12-02T00:00:00.000Z"]);
    expect(buckets[0]).toMatchObject({
      ledger: { requests: 6, tokens: 150, costMicros: 3_000 },
      org: { requests: 8, tokens: 180, costMicros: 5_000 },
      diff: { requests: 2, tokens: 30, costMicros: 2_000 },
    });
    expect(buckets[1]?.diff).toEqual({ requests: 0, tokens: 0, costMicros: 0 });
    expect(totals.diff).toEqual({ requests: 2, tokens: 30, costMicros: 2_000 });
  });

  it("leaves costs out of hour buckets (the Costs API is daily) and drops what falls outside the range", () => {
    const { buckets, totals } = alignOrgUsage(
      { from: "2026-12-01T10:00:00Z", to: "2026-12-01T12:00:00Z", bucket: "hour" },
      [row("2026-12-01T10:00:00.000Z", "/v1/chat/completions", 1, 0, 5, 99)],
      [
        { start: unix("2026-12-01T11:00:00Z"), requests: 3, tokens: 9 },
        { start: unix("2026-12-01T12:00:00Z"), requests: 7, tokens: 9 },
      ],
      [{ start: unix("2026-12-01T00:00:00Z"), usd: 1 }],
    );
    expect(buckets).toHaveLength(2);
    expect(buckets[0]?.diff).toEqual({ requests: -1, tokens: -5, costMicros: null });
    expect(buckets[1]?.diff).toEqual({ requests: 3, tokens: 9, costMicros: null });
    expect(totals.diff.costMicros).toBeNull();
  });
});
