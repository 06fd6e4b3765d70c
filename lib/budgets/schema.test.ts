import { describe, expect, it } from "vitest";
import {
  dollarsToMicros,
  draftFromSettings,
  EMPTY_DRAFT,
  limitSubjectSchema,
  microsToDollars,
  putBudgetSchema,
  settingsFromDraft,
} from "./schema";
import { EMPTY_LIMITS } from "./types";

describe("dollarsToMicros", () => {
  it("reads what people type", () => {
    expect(dollarsToMicros("12")).toBe(12_000_000);
    expect(dollarsToMicros("12.50")).toBe(12_500_000);
    expect(dollarsToMicros("$1,200.000001")).toBe(1_200_000_001);
    expect(dollarsToMicros(0.1)).toBe(100_000);
    expect(dollarsToMicros("  ")).toBeNull();
  });
  it("refuses what is not dollars", () => {
    expect(() => dollarsToMicros("-1")).toThrow(/dollars like 12/);
    expect(() => dollarsToMicros("1.0000001")).toThrow(/6 decimals/);
    expect(() => dollarsToMicros("ten")).toThrow();
    expect(() => dollarsToMicros("2000000")).toThrow(/at most/);
  });
  it("round-trips without float noise", () => {
    for (const s of ["0.1", "0.3", "12.5", "1000000", "0.000001"])
      expect(microsToDollars(dollarsToMicros(s))).toBe(s);
  });
});

describe("settingsFromDraft", () => {
  it("turns an empty draft into no limits", () => {
    expect(settingsFromDraft(EMPTY_DRAFT)).toEqual({ ok: true, settings: EMPTY_LIMITS });
  });
  it("converts each field once", () => {
    const r = settingsFromDraft({
      rpm: "60",
      tpm: "100,000",
      usdPerDay: "$5",
      usdPerMonth: "100.25",
      models: "gpt-4o-mini, gpt-4.1\no3",
      expires: "2027-01-31",
      softPercent: "75",
    });
    expect(r).toEqual({
      ok: true,
      settings: {
        rpm: 60,
        tpm: 100_000,
        usdPerDayMicros: 5_000_000,
        usdPerMonthMicros: 100_250_000,
        models: ["gpt-4o-mini", "gpt-4.1", "o3"],
        expiresAt: "2027-01-31T23:59:59.999Z",
        softPercent: 75,
      },
    });
    if (r.ok) expect(draftFromSettings(r.settings).usdPerMonth).toBe("100.25");
  });
  it("names every bad field with a clear message", () => {
    const r = settingsFromDraft({
      ...EMPTY_DRAFT,
      rpm: "0",
      tpm: "1.5",
      usdPerDay: "abc",
      expires: "someday",
      softPercent: "150",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.rpm).toMatch(/at least 1/);
    expect(r.errors.tpm).toMatch(/whole number/);
    expect(r.errors.usdPerDay).toMatch(/dollars like 12/);
    expect(r.errors.expires).toMatch(/date like/);
    expect(r.errors.softPercent).toMatch(/between 1 and 100/);
    expect(r.errors.models).toBeUndefined();
  });
  it("takes an expiry only as a date or a full ISO time", () => {
    const expires = (e: string) => {
      const r = settingsFromDraft({ ...EMPTY_DRAFT, rpm: "1", expires: e });
      return r.ok ? r.settings.expiresAt : r.errors.expires;
    };
    expect(expires("5")).toMatch(/date like/);
    expect(expires("Jan 5")).toMatch(/date like/);
    expect(expires("2027-01-31T12:00:00Z")).toBe("2027-01-31T12:00:00.000Z");
    expect(expires("2027-01-31T12:00+02:00")).toBe("2027-01-31T10:00:00.000Z");
  });
});

describe("putBudgetSchema", () => {
  it("accepts a subject and settings", () => {
    const body = { subject: { kind: "user", id: "u1" }, settings: { ...EMPTY_LIMITS, rpm: 5 } };
    expect(putBudgetSchema.parse(body)).toEqual(body);
  });
  it("refuses a team with an id, a token without one, unknown keys and empty model lists", () => {
    expect(limitSubjectSchema.safeParse({ kind: "team", id: "x" }).success).toBe(false);
    expect(limitSubjectSchema.safeParse({ kind: "token", id: null }).success).toBe(false);
    expect(limitSubjectSchema.safeParse({ kind: "org", id: null }).success).toBe(false);
    const settings = { ...EMPTY_LIMITS, extra: 1 };
    expect(putBudgetSchema.safeParse({ subject: { kind: "team", id: null }, settings }).success).toBe(false);
    const empty = { ...EMPTY_LIMITS, models: [] };
    const r = putBudgetSchema.safeParse({ subject: { kind: "team", id: null }, settings: empty });
    expect(r.success || r.error.issues[0]?.message).toMatch(/at least one model/);
  });
});
