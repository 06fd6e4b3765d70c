import { USAGE_DIMENSIONS, type UsageBucket, type UsageDimension, type UsageQuery } from "@/lib/usage/report";

/**
 * The Usage page's controls as URL search parameters (shareable, survive a reload), and the query
 * they make. Ranges are whole UTC days, as the day buckets are; `to` is exclusive.
 */
export const RANGE_PRESETS = ["today", "7d", "30d", "month", "last-month", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const RANGE_LABELS: Record<RangePreset, string> = {
  today: "Today",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  month: "This month",
  "last-month": "Last month",
  custom: "Custom",
};

export const METRICS = [
  "cost",
  "requests",
  "input",
  "cached",
  "output",
  "reasoning",
  "images",
  "audioSeconds",
] as const;
export type UsageMetric = (typeof METRICS)[number];
export const METRIC_LABELS: Record<UsageMetric, string> = {
  cost: "Cost",
  requests: "Requests",
  input: "Input tokens",
  cached: "Cached tokens",
  output: "Output tokens",
  reasoning: "Reasoning tokens",
  images: "Images",
  audioSeconds: "Audio seconds",
};

export const GROUP_LABELS: Record<UsageDimension, string> = {
  model: "Model",
  user: "User",
  token: "Token",
  endpoint: "Endpoint",
  assistant: "Assistant",
  none: "None",
};

export type SortDir = "asc" | "desc";
export interface UsageState {
  range: RangePreset;
  /** `YYYY-MM-DD`, both inclusive; only for `custom`. */
  from: string;
  to: string;
  bucket: UsageBucket;
  group: UsageDimension;
  metric: UsageMetric;
  /** Admins: one user's id, or null for everyone. */
  user: string | null;
  tab: "usage" | "org";
  /** The table: one row per key, or one per bucket and key (the CSV's rows). */
  view: "keys" | "buckets";
  sort: string;
  dir: SortDir;
}

/** A change to the page's state, applied to the state as the URL holds it at that moment. */
export type UsageUpdate = (current: UsageState) => UsageState;

const DAY = 86_400_000;
/** Hour buckets past this many days make a chart of hundreds of slivers: days only. */
export const MAX_HOUR_RANGE_DAYS = 7;
/** A custom range longer than this is cut (the report stays a page, not a dump). */
export const MAX_RANGE_DAYS = 366;

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const startOfUtcDay = (t: number) => Math.floor(t / DAY) * DAY;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string | null): s is string => !!s && ISO_DAY.test(s) && !Number.isNaN(Date.parse(s));

/** The range's first day and the day after its last (UTC midnights, ms). */
export function rangeBounds(s: Pick<UsageState, "range" | "from" | "to">, now: number): [number, number] {
  const today = startOfUtcDay(now);
  const d = new Date(today);
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  switch (s.range) {
    case "today":
      return [today, today + DAY];
    case "7d":
      return [today - 6 * DAY, today + DAY];
    case "30d":
      return [today - 29 * DAY, today + DAY];
    case "month":
      return [monthStart, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
    case "last-month":
      return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1), monthStart];
    case "custom": {
      const from = Date.parse(s.from);
      const to = Date.parse(s.to) + DAY;
      return [from, Math.min(to, from + MAX_RANGE_DAYS * DAY)];
    }
  }
}

export function rangeDays(s: Pick<UsageState, "range" | "from" | "to">, now: number): number {
  const [a, b] = rangeBounds(s, now);
  return Math.round((b - a) / DAY);
}

export function hourAllowed(s: Pick<UsageState, "range" | "from" | "to">, now: number): boolean {
  return rangeDays(s, now) <= MAX_HOUR_RANGE_DAYS;
}

const pick = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;

/** Reads the URL; anything missing or wrong falls back to the default, so a bad link still opens. */
export function stateFromSearch(p: URLSearchParams, now: number, isAdmin: boolean): UsageState {
  let range = pick(RANGE_PRESETS, p.get("range"), "7d");
  const today = day(startOfUtcDay(now));
  let from = p.get("from");
  let to = p.get("to");
  if (range === "custom" && !(validDay(from) && validDay(to) && from <= to)) range = "7d";
  if (range !== "custom") {
    const [a, b] = rangeBounds({ range, from: today, to: today }, now);
    from = day(a);
    to = day(b - DAY);
  }
  const base = { range, from: from as string, to: to as string };
  const bucketAsked = pick(["hour", "day"] as const, p.get("bucket"), range === "today" ? "hour" : "day");
  const group = pick(USAGE_DIMENSIONS, p.get("group"), "model");
  return {
    ...base,
    bucket: bucketAsked === "hour" && !hourAllowed(base, now) ? "day" : bucketAsked,
    // Members only ever see themselves: grouping by user would be one row of their own.
    group: !isAdmin && group === "user" ? "model" : group,
    metric: pick(METRICS, p.get("metric"), "cost"),
    user: isAdmin ? p.get("user") || null : null,
    tab: isAdmin && p.get("tab") === "org" ? "org" : "usage",
    view: p.get("view") === "buckets" ? "buckets" : "keys",
    sort: p.get("sort") || "costMicros",
    dir: p.get("dir") === "asc" ? "asc" : "desc",
  };
}

/** The URL for a state: only what differs from the defaults, so links stay short. */
export function stateToSearch(s: UsageState, now: number, isAdmin: boolean): string {
  const p = new URLSearchParams();
  const defaults = stateFromSearch(new URLSearchParams(), now, isAdmin);
  if (s.range !== defaults.range) p.set("range", s.range);
  if (s.range === "custom") {
    p.set("from", s.from);
    p.set("to", s.to);
  }
  const bucketDefault = s.range === "today" ? "hour" : "day";
  if (s.bucket !== bucketDefault) p.set("bucket", s.bucket);
  for (const k of ["group", "metric", "tab", "view", "sort", "dir"] as const) {
    if (s[k] !== defaults[k]) p.set(k, s[k]);
  }
  if (s.user) p.set("user", s.user);
  return p.toString();
}

/** The report the state asks for: what `useUsageReport` fetches and the CSV link downloads. */
export function queryOf(s: UsageState, now: number): UsageQuery {
  const [a, b] = rangeBounds(s, now);
  return {
    from: new Date(a).toISOString(),
    to: new Date(b).toISOString(),
    bucket: s.bucket,
    group: s.group,
    userId: s.user,
  };
}

/** Moves to another range, keeping hour buckets only where they still make sense. */
export function withRange(
  s: UsageState,
  range: RangePreset,
  now: number,
  from?: string,
  to?: string,
): UsageState {
  const today = day(startOfUtcDay(now));
  let f = from ?? s.from;
  let t = to ?? s.to;
  if (range !== "custom") {
    const [a, b] = rangeBounds({ range, from: today, to: today }, now);
    f = day(a);
    t = day(b - DAY);
  } else if (f > t) [f, t] = [t, f];
  const next = { ...s, range, from: f, to: t };
  if (range === "today") next.bucket = "hour";
  else if (!hourAllowed(next, now)) next.bucket = "day";
  return next;
}
