import { describe, expect, it } from "vitest";
import { defaultSetup } from "@/lib/playground/defaults";
import { diffSetups } from "./diff";

describe("diffSetups", () => {
  it("lists only what differs, parameters by name", () => {
    const a = defaultSetup("gpt-4o-mini");
    const b = { ...defaultSetup("gpt-4.1"), params: { ...a.params, temperature: 0.2 } };
    expect(diffSetups(a, a)).toEqual([]);
    expect(diffSetups(a, b)).toEqual([
      { label: "Model", before: "gpt-4o-mini", after: "gpt-4.1" },
      { label: "params.temperature", before: "(not set)", after: "0.2" },
    ]);
  });
});
