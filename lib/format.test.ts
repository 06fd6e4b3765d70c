import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatIso,
  formatMegabytes,
  formatPricePerMillion,
  formatRelative,
  formatUsd,
  fromUnix,
  plural,
} from "./format";

describe("dates", () => {
  it("reads Unix seconds, with 0 and null as not set", () => {
    expect(fromUnix(1_700_000_000)?.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(fromUnix(0)).toBeNull();
    expect(fromUnix(null)).toBeNull();
  });

  it("writes a word for no date or a date that does not parse", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate(undefined, "never")).toBe("never");
    expect(formatDate("not a date", "never")).toBe("never");
    expect(formatDateTime(null, "never")).toBe("never");
  });

  it("shows a bare calendar day as that day in every time zone", () => {
    const utc = new Date(Date.UTC(2026, 11, 11)).toLocaleDateString(undefined, {
      dateStyle: "medium",
      timeZone: "UTC",
    });
    expect(formatDate("2026-12-11")).toBe(utc);
  });

  it("shows a moment in the reader's time zone", () => {
    const at = "2026-11-24T15:04:05.000Z";
    expect(formatDate(at)).toBe(new Date(at).toLocaleDateString(undefined, { dateStyle: "medium" }));
    expect(formatDateTime(new Date(at))).toBe(
      new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
    );
  });
});

describe("moments", () => {
  const now = Date.parse("2026-11-24T15:04:05.000Z");
  it("gives the exact instant for a tooltip", () => {
    expect(formatIso(fromUnix(1_700_000_000))).toBe("2023-11-14T22:13:20.000Z");
    expect(formatIso(null)).toBeNull();
  });

  it("says how long ago or how soon, in the largest whole unit", () => {
    const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
    expect(formatRelative(new Date(now - 3 * 86_400_000), now)).toBe(rtf.format(-3, "day"));
    expect(formatRelative(new Date(now + 2 * 3_600_000 + 5_000), now)).toBe(rtf.format(2, "hour"));
    expect(formatRelative(new Date(now - 20_000), now)).toBe(rtf.format(0, "second"));
    expect(formatRelative("not a date", now)).toBeNull();
  });
});

describe("counts", () => {
  it("groups the same way wherever it runs", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(plural(1, "token")).toBe("1 token");
    expect(plural(1200, "share link")).toBe("1,200 share links");
    expect(plural(2, "reply", "replies")).toBe("2 replies");
  });
});

describe("money", () => {
  it("keeps a small call's cost visible", () => {
    expect(formatUsd(null)).toBe("no price");
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(0.000001)).toBe("<$0.00001");
    expect(formatUsd(0.00123)).toBe("$0.00123");
    expect(formatUsd(1.5)).toBe("$1.5000");
  });

  it("writes list prices as price lists do", () => {
    expect(formatPricePerMillion(0.075)).toBe("$0.075");
    expect(formatPricePerMillion(0.15)).toBe("$0.15");
    expect(formatPricePerMillion(2.5)).toBe("$2.50");
    expect(formatPricePerMillion(10)).toBe("$10");
  });
});

describe("bytes", () => {
  it("uses binary units for stored files", () => {
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(3.4 * 1024)).toBe("3.4 KB");
    expect(formatBytes(10 * 1024 * 1024 + 123)).toBe("10 MB");
  });

  it("uses decimal megabytes against a limit set in MB", () => {
    expect(formatMegabytes(520_000)).toBe("0.52 MB");
    expect(formatMegabytes(12_345_678)).toBe("12.3 MB");
  });
});
