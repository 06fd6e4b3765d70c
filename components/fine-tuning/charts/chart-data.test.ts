import { describe, expect, it } from "vitest";
import { buildChartData, csvRows, formatValue, markGaps, visibleRange } from "./chart-data";
import { metricGroups } from "./metric-groups";

describe("markGaps", () => {
  it("bridges a sparse line and breaks where data is really missing", () => {
    const steps = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
    const v = [1, null, 2, null, 3, null, 4, null, null, null, null, null, null, null, null, null, 5];
    const out = markGaps(steps, v);
    expect(out.slice(0, 7)).toEqual([1, undefined, 2, undefined, 3, undefined, 4]);
    expect(out[7]).toBeNull();
    expect(out[16]).toBe(5);
  });
});

describe("buildChartData", () => {
  it("aligns lines on one axis, smooths, and drops non-positive values on a log axis", () => {
    const a = { id: "a", label: "A", steps: [1, 2, 3], values: [1, 0, 3] };
    const b = { id: "b", label: "B", steps: [2, 4], values: [5, 6] };
    const d = buildChartData([a, b], 0.5, true);
    expect(d.xs).toEqual([1, 2, 3, 4]);
    expect(d.series[0]?.raw).toEqual([1, undefined, 3, undefined]);
    expect(d.series[1]?.raw).toEqual([undefined, 5, undefined, 6]);
    expect(d.series[0]?.smooth?.[0]).toBe(1);
    expect(buildChartData([a], 0, false).series[0]?.smooth).toBeNull();
  });

  it("gives the visible window's rows for the CSV", () => {
    const d = buildChartData(
      [{ id: "a", label: "Train, loss", steps: [1, 2, 3], values: [1, 2, 3] }],
      0.5,
      false,
    );
    expect(visibleRange(d.xs, 2, 3)).toEqual([1, 2]);
    const { fields, rows } = csvRows(d, 2, 3);
    expect(fields).toEqual(["step", "Train, loss", "Train, loss (smoothed)"]);
    expect(rows.map((r) => r[0])).toEqual([2, 3]);
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
    expect(formatValue(null)).toBe("–");
  });
});

describe("metricGroups", () => {
  it("groups loss, accuracy, reward with graders, and the rest by prefix", () => {
    const col = (v: number | null) => [v, v];
    const g = metricGroups({
      steps: [1, 2],
      columns: {
        train_loss: col(1),
        valid_loss: col(null),
        train_mean_token_accuracy: col(0.5),
        train_mean_reward: col(0.2),
        "scores/accuracy_grader": col(0.3),
        "usage/tokens": col(10),
        "usage/calls": col(2),
        elapsed: col(3),
      },
      totalSteps: 2,
      epochEnds: [],
      checkpoints: [],
    });
    expect(g.main.map((x) => [x.id, x.lines.map((l) => l.label)])).toEqual([
      ["loss", ["Train"]],
      ["accuracy", ["Train"]],
      ["reward", ["Train", "accuracy_grader"]],
    ]);
    expect(g.other.map((x) => [x.title, x.lines.length])).toEqual([
      ["elapsed", 1],
      ["usage", 2],
    ]);
  });
});
