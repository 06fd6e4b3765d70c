import { beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "../config";
import { openSecret, sealSecret } from "./crypto";

beforeAll(() => {
  process.env.CONSOLE_SECRET = "test-secret-test-secret-test-secret-0000";
  resetConfigForTests();
});

describe("sealSecret / openSecret", () => {
  it("round-trips within its context only", () => {
    const sealed = sealSecret("Bearer abc", "ctx");
    expect(openSecret(sealed, "ctx")).toBe("Bearer abc");
    expect(() => openSecret(sealed, "other")).toThrow();
  });

  it("refuses a value whose tag was cut short (GCM would check only what is left)", () => {
    const raw = Buffer.from(sealSecret("", "ctx").slice(3), "base64url");
    for (const keep of [12, 16, 20, 27]) {
      expect(() => openSecret(`v1.${raw.subarray(0, keep).toString("base64url")}`, "ctx")).toThrow();
    }
  });
});
