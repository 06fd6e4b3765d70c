import { describe, expect, it } from "vitest";
import { modelAllowed, windowOf } from "./windows";

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
  it("allow-lists match ids and families, not lookalikes", () => {
    expect(modelAllowed(null, "anything")).toBe(true);
    expect(modelAllowed(["gpt-4o"], "gpt-4o-2024-08-06")).toBe(true);
    expect(modelAllowed(["gpt-4o"], "GPT-4o")).toBe(true);
    expect(modelAllowed(["gpt-4o"], "gpt-4omni")).toBe(false);
    expect(modelAllowed(["gpt-4o-mini"], "gpt-4o")).toBe(false);
    expect(modelAllowed([], "gpt-4o")).toBe(false);
  });
});
