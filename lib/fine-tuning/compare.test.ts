import { describe, expect, it } from "vitest";
import { diffRows, finalMetricKeys, finalMetrics, parseJobIds, presentGroups } from "./compare";
import { emptyTable } from "./metrics";
import type { Job, MetricTable } from "./types";

const job = (over: Partial<Job> & { hyper?: Record<string, unknown> }): Job =>
  ({
    id: "ftjob-a",
    model: "gpt-4.1-mini-2025-04-14",
    status: "succeeded",
    training_file: "file-t",
    validation_file: null,
    seed: 1,
    trained_tokens: 100,
    fine_tuned_model: "ft:gpt-4.1-mini-2025-04-14:org:alpha:abc",
    method: {
      type: "supervised",
      supervised: { hyperparameters: over.hyper ?? { n_epochs: 3, batch_size: 1 } },
    },
    ...over,
  }) as Job;

const table = (columns: MetricTable["columns"], steps = [1, 2, 3]): MetricTable => ({
  ...emptyTable(),
  steps,
  columns,
});

describe("parseJobIds", () => {
  it("splits, trims, drops blanks and duplicates", () => {
    expect(parseJobIds(" a, b,,a ,c")).toEqual(["a", "b", "c"]);
    expect(parseJobIds(null)).toEqual([]);
  });
});

describe("diffRows", () => {
  it("flags rows that differ and hyperparameters still on auto", () => {
    const rows = diffRows([
      job({ hyper: { n_epochs: 3, batch_size: "auto" } }),
      job({ id: "ftjob-b", hyper: { n_epochs: 2, batch_size: "auto", learning_rate_multiplier: 0.5 } }),
    ]);
    const by = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(by.n_epochs).toMatchObject({ values: ["3", "2"], differs: true, auto: false });
    expect(by.batch_size).toMatchObject({ values: ["auto", "auto"], differs: false, auto: true });
    expect(by.learning_rate_multiplier).toMatchObject({ values: ["—", "0.5"], differs: true });
    expect(by["Base model"]?.differs).toBe(false);
    expect(by.Suffix?.values).toEqual(["alpha", "alpha"]);
    expect(rows.findIndex((r) => r.label === "n_epochs")).toBeLessThan(
      rows.findIndex((r) => r.label === "batch_size"),
    );
  });
  it("reads the deprecated top-level hyperparameters when a job has no method", () => {
    const old = job({ method: undefined, hyperparameters: { n_epochs: 4 } } as Partial<Job>);
    expect(diffRows([old]).find((r) => r.label === "n_epochs")?.values).toEqual(["4"]);
  });
});

describe("finalMetrics", () => {
  it("takes each column's last value, skipping trailing gaps", () => {
    const f = finalMetrics(table({ train_loss: [3, 2, 1], valid_loss: [2.5, 2, null] }));
    expect(f).toEqual({ train_loss: { value: 1, step: 3 }, valid_loss: { value: 2, step: 2 } });
    expect(finalMetricKeys([f, { "scores/x": 1 }])).toEqual(["train_loss", "valid_loss", "scores/x"]);
  });
});

it("presentGroups shows reward only when a job has it", () => {
  expect(presentGroups([table({ train_loss: [1, 2, 3] })]).map((g) => g.id)).toEqual(["train-loss"]);
  expect(presentGroups([table({ train_mean_reward: [null, 0.5, null] })]).map((g) => g.id)).toEqual([
    "reward",
  ]);
});
