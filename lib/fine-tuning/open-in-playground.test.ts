import { describe, expect, it } from "vitest";
import { checkpointTarget, playgroundPlan } from "./open-in-playground";

const job = { model: "gpt-4.1-mini-2025-04-14", fine_tuned_model: "ft:gpt-4.1-mini-2025-04-14:org:x:abc" };
const ckpt = `${job.fine_tuned_model}:ckpt-step-30`;

describe("open in playground", () => {
  it("opens a checkpoint alone", () => {
    expect(playgroundPlan(checkpointTarget(ckpt, job, false))).toEqual({ main: ckpt, columns: [] });
  });
  it("compares checkpoint, base and final model in that order", () => {
    expect(playgroundPlan(checkpointTarget(ckpt, job, true))).toEqual({
      main: ckpt,
      columns: [ckpt, job.model, job.fine_tuned_model],
    });
  });
  it("drops a missing final model and repeats", () => {
    const running = { ...job, fine_tuned_model: null };
    expect(playgroundPlan(checkpointTarget(ckpt, running, true)).columns).toEqual([ckpt, job.model]);
    expect(playgroundPlan({ model: "a", compareWith: ["a", ""] }).columns).toEqual([]);
  });
});
