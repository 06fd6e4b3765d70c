import { describe, expect, it } from "vitest";
import { allowedByAll, modelAllowed, windowOf, windowStartIso } from "./windows";

describe("budget windows", () => {
  const now = new Date("2026-12-31T23:59:30.500Z");
  it("are fixed UTC minute, day and calendar month", () => {
    expect(windowOf("minute", now)).toEqual({
      start: new Date("2026-12-31T23:59:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    });
    expect(windowOf("day", now)).toEqual({
      start: new Date("2026-12-31T00:00:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    });
    expect(windowOf("month", new Date("2026-02-10T05:00:00Z"))).toEqual({
      start: new Date("2026-02-01T00:00:00Z"),
      end: new Date("2026-03-01T00:00:00Z"),
    });
  });
  it("the start kept for a window is its start until it ends, then the next one's", () => {
    for (const w of ["minute", "day", "month"] as const) {
      for (const at of [
        "2026-12-31T23:58:59.999Z",
        "2026-12-31T23:59:00.000Z",
        "2026-12-31T23:59:59.999Z",
        "2027-01-01T00:00:00.000Z",
        "2027-01-01T00:00:00.001Z",
        // Back in time (a clock set back): never a later window's start.
        "2026-11-30T12:00:00Z",
      ]) {
        const now = new Date(at);
        expect(windowStartIso(w, now), `${w} at ${at}`).toBe(windowOf(w, now).start.toISOString());
      }
    }
  });
  it("an entry allows its id and dated snapshots, not a differently named sibling", () => {
    expect(modelAllowed(["gpt-5"], "gpt-5-2025-08-07")).toBe(true);
    expect(modelAllowed(["gpt-5"], "gpt-5.5-pro")).toBe(false);
    expect(modelAllowed(["gpt-5"], "gpt-5-pro")).toBe(false);
    expect(modelAllowed(["gpt-4"], "gpt-4.5-preview")).toBe(false);
    expect(modelAllowed(["o3"], "o3-pro")).toBe(false);
    expect(modelAllowed(["gpt-4o"], "gpt-4o-mini")).toBe(false);
    expect(modelAllowed(["gpt-4o"], "gpt-4o-2024-08-06-extra")).toBe(false);
  });
  it("the lists' intersection keeps what every list allows", () => {
    expect(allowedByAll([])).toBeNull();
    expect(
      allowedByAll([
        ["gpt-4o", "o3"],
        ["gpt-4o-2024-08-06", "o3"],
      ]),
    ).toEqual(["o3", "gpt-4o-2024-08-06"]);
    expect(allowedByAll([["gpt-4o"], ["gpt-4o-mini"]])).toEqual([]);
  });
  it("allow-lists match ids and snapshots, not lookalikes", () => {
    expect(modelAllowed(null, "anything")).toBe(true);
    expect(modelAllowed(["gpt-4o"], "gpt-4o-2024-08-06")).toBe(true);
    expect(modelAllowed(["gpt-4o"], "GPT-4o")).toBe(true);
    expect(modelAllowed(["gpt-4o"], "gpt-4omni")).toBe(false);
    expect(modelAllowed(["gpt-4o-mini"], "gpt-4o")).toBe(false);
    expect(modelAllowed([], "gpt-4o")).toBe(false);
  });
});
