import { describe, expect, it } from "vitest";
import { explainCreateError, STILL_WORKS } from "./availability";
import { checkDraft, createBody, defaultDraft, readDraft } from "./create";

const draft = { ...defaultDraft(), trainingFile: "file-1" };

describe("checkDraft", () => {
  it("passes the default with a file and refuses out-of-range settings", () => {
    expect(checkDraft(draft)).toEqual({});
    const bad = checkDraft({
      ...draft,
      method: "dpo",
      hyperparameters: { n_epochs: "51", batch_size: "1.5", learning_rate_multiplier: "0", beta: "2.5" },
      suffix: "x".repeat(65),
      seed: "-1",
      metadata: "[1]",
    });
    expect(Object.keys(bad).sort()).toEqual([
      "hyperparameters.batch_size",
      "hyperparameters.beta",
      "hyperparameters.learning_rate_multiplier",
      "hyperparameters.n_epochs",
      "metadata",
      "seed",
      "suffix",
    ]);
  });
  it("wants a grader for reinforcement and a project for W&B", () => {
    const p = checkDraft({ ...draft, method: "reinforcement", wandb: { ...draft.wandb, enabled: true } });
    expect(Object.keys(p).sort()).toEqual(["grader", "wandb.project"]);
  });
});

describe("createBody", () => {
  it("puts hyperparameters under the method and leaves auto out", () => {
    const body = createBody({
      ...draft,
      hyperparameters: { n_epochs: "4", batch_size: "", beta: "0.1" },
      suffix: " mine ",
      seed: "42",
      metadata: '{"team":"search"}',
      wandb: { enabled: true, project: "p", name: "", entity: "e", tags: "a, b" },
    });
    expect(body).toEqual({
      model: draft.model,
      training_file: "file-1",
      method: { type: "supervised", supervised: { hyperparameters: { n_epochs: 4 } } },
      suffix: "mine",
      seed: 42,
      metadata: { team: "search" },
      integrations: [{ type: "wandb", wandb: { project: "p", entity: "e", tags: ["a", "b"] } }],
    });
  });
  it("reads back a stored draft and fills missing fields", () => {
    const r = readDraft({ method: "dpo" });
    expect(r.ok && r.value.method).toBe("dpo");
    expect(readDraft({ method: "nope" }).ok).toBe(false);
  });
});

describe("explainCreateError", () => {
  const now = new Date("2026-12-02T00:00:00Z");
  it("reads the wind-down from the code and the dates", () => {
    const r = explainCreateError({ status: 403, code: "fine_tuning_unavailable", message: "whatever" }, now);
    expect(r.kind).toBe("wind_down");
    expect(r.reason).toContain("2026-07-02");
    expect(r.reason).toContain("2027-01-06");
    expect(r.stillWorks).toEqual(STILL_WORKS);
    const after = explainCreateError({ status: 403, code: null, message: "" }, new Date("2027-02-01"));
    expect(after.reason).toContain("every remaining self-serve customer");
  });
  it("names the refused model, file or setting", () => {
    expect(explainCreateError({ status: 400, param: "model", message: "m" }, now).field).toBe("model");
    expect(explainCreateError({ status: 400, param: "training_file", message: "f" }, now).kind).toBe("file");
    expect(
      explainCreateError(
        { status: 400, param: "method.supervised.hyperparameters.n_epochs", message: "h" },
        now,
      ).kind,
    ).toBe("hyperparameter");
  });
});
