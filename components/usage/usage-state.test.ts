import { describe, expect, it } from "vitest";
import { queryOf, stateFromSearch, stateToSearch, withRange } from "./usage-state";

const NOW = Date.parse("2026-11-18T15:30:00Z");
const read = (qs: string, admin = true) => stateFromSearch(new URLSearchParams(qs), NOW, admin);

describe("usage page URL state", () => {
  it("defaults to the last 7 days by day, grouped by model, charting cost", () => {
    const s = read("");
    expect(s).toMatchObject({
      range: "7d",
      from: "2026-11-12",
      to: "2026-11-18",
      bucket: "day",
      group: "model",
    });
    expect(queryOf(s, NOW)).toEqual({
      from: "2026-11-12T00:00:00.000Z",
      to: "2026-11-19T00:00:00.000Z",
      bucket: "day",
      group: "model",
      userId: null,
    });
    expect(stateToSearch(s, NOW, true)).toBe("");
  });

  it("round-trips every control through the URL", () => {
    const qs =
      "range=custom&from=2026-11-01&to=2026-11-03&bucket=hour&group=user&metric=output&tab=org&view=buckets&sort=requests&dir=asc&user=u1";
    const s = read(qs);
    expect(s).toMatchObject({ range: "custom", bucket: "hour", group: "user", metric: "output", user: "u1" });
    expect(read(stateToSearch(s, NOW, true))).toEqual(s);
    expect(queryOf(s, NOW).to).toBe("2026-11-04T00:00:00.000Z");
  });

  it("computes the month presets in UTC", () => {
    expect(queryOf(read("range=month"), NOW)).toMatchObject({
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-12-01T00:00:00.000Z",
    });
    expect(queryOf(read("range=last-month"), NOW)).toMatchObject({
      from: "2026-10-01T00:00:00.000Z",
      to: "2026-11-01T00:00:00.000Z",
    });
    expect(queryOf(read("range=today"), NOW)).toMatchObject({
      bucket: "hour",
      from: "2026-11-18T00:00:00.000Z",
    });
  });

  it("allows hour buckets only on short ranges", () => {
    expect(read("range=30d&bucket=hour").bucket).toBe("day");
    expect(read("range=7d&bucket=hour").bucket).toBe("hour");
    const s = withRange(read("range=7d&bucket=hour"), "month", NOW);
    expect(s.bucket).toBe("day");
  });

  it("falls back from a broken custom range", () => {
    expect(read("range=custom&from=2026-11-05&to=2026-11-01").range).toBe("7d");
    expect(read("range=custom&from=nope&to=2026-11-01").range).toBe("7d");
  });

  it("never lets a member pick a user, group by user or open the org tab", () => {
    const s = read("user=someone&group=user&tab=org", false);
    expect(s).toMatchObject({ user: null, group: "model", tab: "usage" });
  });
});
