import { describe, expect, it } from "vitest";
import type { UsageReport, UsageRow } from "@/lib/usage/report";
import {
  bucketRows,
  bucketStarts,
  formatMicros,
  keyRows,
  OTHER,
  sortRows,
  stackedSeries,
} from "./usage-data";

const row = (bucket: string, key: string | null, requests: number, costMicros: number): UsageRow => ({
  bucket,
  key,
  requests,
  errors: 0,
  input: requests * 10,
  cached: 0,
  output: requests,
  reasoning: 0,
  images: 0,
  audioSeconds: 0,
  costMicros,
  estimated: key === "b" ? 1 : 0,
  unpriced: 0,
});

const D1 = "2026-11-01T00:00:00.000Z";
const D2 = "2026-11-02T00:00:00.000Z";
const report = (rows: UsageRow[]): UsageReport => ({
  query: { from: D1, to: "2026-11-04T00:00:00.000Z", bucket: "day", group: "model" },
  rows,
  keys: [
    { key: "a", label: "Model A" },
    { key: "b", label: "Model B" },
  ],
  totals: {} as UsageReport["totals"],
});

describe("usage figures", () => {
  it("sums each key over the range with its label", () => {
    const r = report([row(D1, "a", 2, 100), row(D2, "a", 3, 50), row(D2, "b", 1, 7)]);
    const rows = keyRows(r);
    expect(rows.map((x) => [x.label, x.requests, x.costMicros, x.estimated])).toEqual([
      ["Model A", 5, 150, 0],
      ["Model B", 1, 7, 1],
    ]);
  });

  it("lists bucket rows by time then key, as the CSV does", () => {
    const r = report([row(D2, "b", 1, 7), row(D2, "a", 3, 50), row(D1, "a", 2, 100)]);
    expect(bucketRows(r).map((x) => [x.bucket, x.key])).toEqual([
      [D1, "a"],
      [D2, "a"],
      [D2, "b"],
    ]);
  });

  it("sorts by a figure either way, by name otherwise", () => {
    const rows = keyRows(report([row(D1, "a", 2, 100), row(D1, "b", 9, 1)]));
    expect(sortRows(rows, "requests", "desc").map((r) => r.key)).toEqual(["b", "a"]);
    expect(sortRows(rows, "costMicros", "desc").map((r) => r.key)).toEqual(["a", "b"]);
    expect(sortRows(rows, "label", "desc").map((r) => r.key)).toEqual(["b", "a"]);
    expect(sortRows(rows, "label", "asc").map((r) => r.key)).toEqual(["a", "b"]);
  });

  it("stacks the top keys and folds the rest into Other, with every bucket of the range", () => {
    const rows = ["a", "b", "c", "d"].flatMap((k, i) => [row(D1, k, 10 - i, 0), row(D2, k, 1, 0)]);
    const s = stackedSeries(report(rows), "requests", 2);
    expect(s.xs).toHaveLength(3);
    expect(s.series.map((x) => x.key)).toEqual(["a", "b", OTHER]);
    expect(s.series.find((x) => x.key === OTHER)?.values).toEqual([8 + 7, 2, 0]);
    const total = (i: number) => s.series.reduce((t, x) => t + (x.values[i] ?? 0), 0);
    expect(total(0)).toBe(10 + 9 + 8 + 7);
  });

  it("keeps a lone extra key by name rather than as Other", () => {
    const rows = ["a", "b", "c"].map((k) => row(D1, k, 1, 0));
    expect(
      stackedSeries(report(rows), "requests", 2)
        .series.map((x) => x.key)
        .sort(),
    ).toEqual(["a", "b", "c"]);
  });

  it("charts the metric asked for", () => {
    const s = stackedSeries(report([row(D1, "a", 2, 100), row(D1, "b", 9, 1)]), "cost");
    expect(s.series.map((x) => [x.key, x.values[0]])).toEqual([
      ["a", 100],
      ["b", 1],
    ]);
  });

  it("lists hour buckets across the range", () => {
    expect(bucketStarts(D1, D2, "hour")).toHaveLength(24);
  });

  it("writes micro-dollars readably", () => {
    expect(formatMicros(0)).toBe("$0");
    expect(formatMicros(1_234_567_890)).toBe("$1,234.57");
    expect(formatMicros(12_345)).toBe("$0.0123");
    expect(formatMicros(42)).toBe("$0.000042");
  });
});
