import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  emaSmooth,
  levelOfRatio,
  mergeTables,
  overfitHint,
  tableFromCheckpoints,
  tableFromEvents,
} from "./metrics";
import { tableFromResultCsv } from "./result-csv";
import type { Checkpoint, JobEvent, MetricTable } from "./types";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

function ev(
  id: string,
  data: Record<string, unknown> | null,
  type: "metrics" | "message" = "metrics",
): JobEvent {
  return { id, object: "fine_tuning.job.event", created_at: 0, level: "info", message: "", type, data };
}

function ckpt(step: number, metrics: Checkpoint["metrics"]): Checkpoint {
  return {
    id: `ftckpt_${step}`,
    object: "fine_tuning.job.checkpoint",
    created_at: 0,
    fine_tuned_model_checkpoint: `ft:gpt-4.1-mini:org:x:abc:ckpt-step-${step}`,
    fine_tuning_job_id: "ftjob_1",
    step_number: step,
    metrics,
  };
}

describe("tableFromResultCsv", () => {
  const csv =
    "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n1,1.5,0.5,,\n2,1.2,0.6,1.4,0.55\n";

  it("parses raw CSV by header, blanks as gaps, train_accuracy renamed", () => {
    const t = tableFromResultCsv(csv);
    expect(t.steps).toEqual([1, 2]);
    expect(t.columns.train_loss).toEqual([1.5, 1.2]);
    expect(t.columns.train_mean_token_accuracy).toEqual([0.5, 0.6]);
    expect(t.columns.train_accuracy).toBeUndefined();
    expect(t.columns.valid_loss).toEqual([null, 1.4]);
  });

  it("decodes base64 (also wrapped over lines)", () => {
    const encoded = b64(csv).replace(/(.{20})/g, "$1\n");
    expect(tableFromResultCsv(encoded)).toEqual(tableFromResultCsv(csv));
  });

  it("tolerates CRLF, a BOM (raw and inside base64) and a trailing blank line", () => {
    const crlf = `\uFEFF${csv.replace(/\n/g, "\r\n")}\r\n`;
    expect(tableFromResultCsv(crlf).columns).toEqual(tableFromResultCsv(csv).columns);
    expect(tableFromResultCsv(b64(crlf)).steps).toEqual([1, 2]);
  });

  it("keeps extra columns, in any order, and tolerates missing ones", () => {
    const t = tableFromResultCsv("train_loss,step,full_valid_loss,my_metric\n0.9,10,,3\n0.8,20,0.7,\n");
    expect(t.steps).toEqual([10, 20]);
    expect(t.columns.my_metric).toEqual([3, null]);
    expect(t.columns.full_valid_loss).toEqual([null, 0.7]);
    expect(t.columns.valid_loss).toBeUndefined();
    expect(t.epochEnds).toEqual([20]);
  });

  it("keeps a column whose cells are all blank, skips rows without a step and cells past the header", () => {
    const t = tableFromResultCsv("step,train_loss,valid_loss\n1,0.5,\n,0.4,\nx,0.3,\n2,0.2,,99\n");
    expect(t.steps).toEqual([1, 2]);
    expect(t.columns.valid_loss).toEqual([null, null]);
    expect(Object.keys(t.columns).sort()).toEqual(["train_loss", "valid_loss"]);
  });

  it("checks a hostile first line in linear time", () => {
    const line = `${`a,${"    ,".repeat(400)}`.slice(0, 1999)}#`;
    const start = performance.now();
    expect(tableFromResultCsv(`${line}\n1,2\n`).steps).toEqual([]);
    expect(tableFromResultCsv(b64(`${line}\n`)).steps).toEqual([]);
    expect(performance.now() - start).toBeLessThan(200);
  });

  it("parses a raw header with any characters in a grader's column name", () => {
    const raw = "step,train_loss,scores/acc:grader (v2) [x]\n1,0.5,0.1\n";
    expect(tableFromResultCsv(raw).columns["scores/acc:grader (v2) [x]"]).toEqual([0.1]);
    expect(tableFromResultCsv(b64(raw))).toEqual(tableFromResultCsv(raw));
  });

  it("keeps prototype-named columns as plain columns", () => {
    const t = tableFromResultCsv("step,__proto__,constructor,toString\n1,0.5,0.6,0.7\n");
    expect(Object.keys(t.columns).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(t.columns.constructor).toEqual([0.6]);
    expect(Object.getOwnPropertyDescriptor(t.columns, "__proto__")?.value).toEqual([0.5]);
    const e = tableFromEvents([
      {
        id: "e1",
        type: "metrics",
        data: JSON.parse('{"step":1,"__proto__":0.4,"train_loss":1}'),
      } as JobEvent,
    ]);
    expect(Object.getOwnPropertyDescriptor(e.columns, "__proto__")?.value).toEqual([0.4]);
    expect(e.columns.train_loss).toEqual([1]);
  });

  it("gives an empty table for text that is neither CSV nor base64", () => {
    expect(tableFromResultCsv("%%% not a csv %%%").steps).toEqual([]);
    expect(tableFromResultCsv("").steps).toEqual([]);
  });
});

describe("tableFromEvents", () => {
  it("reads metrics events only, in any order, ignoring duplicates", () => {
    const events = [
      ev("e3", { step: 3, total_steps: 9, train_loss: 1, full_valid_loss: 1.1 }),
      ev("m1", null, "message"),
      ev("e1", { step: 1, total_steps: 9, train_loss: 2, valid_loss: 2.2 }),
      ev("e1", { step: 1, total_steps: 9, train_loss: 99 }),
      ev("e2", { step: 2, total_steps: 9, train_loss: 1.5 }),
    ];
    const t = tableFromEvents(events);
    expect(t.steps).toEqual([1, 2, 3]);
    expect(t.columns.train_loss).toEqual([2, 1.5, 1]);
    expect(t.columns.valid_loss).toEqual([2.2, null, null]);
    expect(t.totalSteps).toBe(9);
    expect(t.epochEnds).toEqual([3]);
    expect(t.columns.step).toBeUndefined();
  });

  it("makes a column of every numeric field, nested objects flattened (reinforcement)", () => {
    const t = tableFromEvents([
      ev("r1", {
        step: 1,
        train_mean_reward: 0.4,
        scores: { accuracy_grader: 0.5, style: { tone: 0.2 } },
        usage: { tokens: 100 },
        note: "text",
        list: [1, 2],
      }),
      ev("r2", { step: 2, train_mean_reward: 0.6, full_valid_mean_reward: 0.55 }),
    ]);
    expect(t.columns["scores/accuracy_grader"]).toEqual([0.5, null]);
    expect(t.columns["scores/style/tone"]).toEqual([0.2, null]);
    expect(t.columns["usage/tokens"]).toEqual([100, null]);
    expect(t.columns.note).toBeUndefined();
    expect(t.columns.list).toBeUndefined();
    expect(t.epochEnds).toEqual([2]);
  });
});

describe("tableFromCheckpoints and mergeTables", () => {
  it("marks checkpoints and epoch ends", () => {
    const t = tableFromCheckpoints([ckpt(20, { full_valid_loss: 0.5 }), ckpt(10, { full_valid_loss: 0.6 })]);
    expect(t.steps).toEqual([10, 20]);
    expect(t.epochEnds).toEqual([10, 20]);
    expect(t.checkpoints.map((c) => c.id)).toEqual(["ftckpt_10", "ftckpt_20"]);
  });

  it("fills only gaps from later sources", () => {
    const events = tableFromEvents([
      ev("a", { step: 1, total_steps: 4, train_loss: 1 }),
      ev("b", { step: 2, train_loss: 0.8 }),
    ]);
    const csv = tableFromResultCsv("step,train_loss,valid_loss\n1,5,0.9\n2,5,\n3,0.7,0.8\n");
    const cps = tableFromCheckpoints([ckpt(3, { full_valid_loss: 0.75 })]);
    const m = mergeTables(events, csv, cps);
    expect(m.steps).toEqual([1, 2, 3]);
    expect(m.columns.train_loss).toEqual([1, 0.8, 0.7]);
    expect(m.columns.valid_loss).toEqual([0.9, null, 0.8]);
    expect(m.columns.full_valid_loss).toEqual([null, null, 0.75]);
    expect(m.totalSteps).toBe(4);
    expect(m.checkpoints).toHaveLength(1);
    expect(m.epochEnds).toEqual([3]);
  });
});

describe("emaSmooth", () => {
  it("is debiased (the first value is kept) and keeps gaps without resetting", () => {
    expect(emaSmooth([2, null, 4], 0.5)).toEqual([2, null, (0.25 * 2 + 0.5 * 4) / 0.75]);
    expect(emaSmooth([1, 2, 3], 0)).toEqual([1, 2, 3]);
    const flat = emaSmooth([5, 5, 5, 5], 0.9);
    for (const v of flat) expect(v).toBeCloseTo(5);
  });
});

function syntheticRun(diverge: boolean): MetricTable {
  const steps: number[] = [];
  const train: number[] = [];
  const valid: (number | null)[] = [];
  for (let s = 1; s <= 90; s++) {
    steps.push(s);
    train.push(2 * Math.exp(-s / 30) + 0.2);
    const base = 2 * Math.exp(-s / 30) + 0.25;
    valid.push(s % 3 === 0 ? (diverge && s > 60 ? base + (s - 60) * 0.03 : base) : null);
  }
  return {
    steps,
    columns: { train_loss: train, valid_loss: valid },
    totalSteps: 90,
    epochEnds: [30, 60, 90],
    checkpoints: [30, 60, 90].map((step) => ({ step, id: `c${step}`, model: `ft:m:ckpt-step-${step}` })),
  };
}

describe("overfitHint", () => {
  it("bands the ratio", () => {
    expect(levelOfRatio(1.1)).toBe("healthy");
    expect(levelOfRatio(1.3)).toBe("mild");
    expect(levelOfRatio(1.7)).toBe("moderate");
    expect(levelOfRatio(2.5)).toBe("severe");
  });

  it("is null without validation loss", () => {
    const t = syntheticRun(false);
    delete t.columns.valid_loss;
    expect(overfitHint(t)).toBeNull();
  });

  it("says healthy for a run whose validation follows training", () => {
    const h = overfitHint(syntheticRun(false));
    expect(h?.level).toBe("healthy");
    expect(h?.diverging).toBe(false);
  });

  it("finds the divergence at the end and suggests the checkpoint with the lowest validation loss", () => {
    const h = overfitHint(syntheticRun(true));
    expect(h?.diverging).toBe(true);
    expect(h?.level).not.toBe("healthy");
    expect(h?.ratio).toBeGreaterThan(1.2);
    expect(h?.suggested).toEqual({ step: 60, checkpointModel: "ft:m:ckpt-step-60" });
    expect(h?.message).toMatch(/step 60/);
  });

  it("falls back to the step of the lowest validation loss without checkpoints", () => {
    const t = syntheticRun(true);
    t.checkpoints = [];
    expect(overfitHint(t)?.suggested).toEqual({ step: 60, checkpointModel: null });
  });
});

describe("first load", () => {
  it("keeps papaparse out of metrics.ts (the job and compare pages load it only for a result file)", () => {
    expect(readFileSync(new URL("./metrics.ts", import.meta.url), "utf8")).not.toMatch(/from "papaparse"/);
  });
});
