/**
 * How every page writes money, dates, bytes and counts. Pure; one function per kind of figure, so
 * the same fact reads the same on every page.
 */

/** What the browser holds: an ISO string from our API, a `Date`, or nothing yet. */
type When = Date | string | null | undefined;

/** OpenAI objects carry Unix seconds (`created_at`); `null` and 0 mean "not set". */
export function fromUnix(seconds: number | null | undefined): Date | null {
  return seconds ? new Date(seconds * 1000) : null;
}

// A bare date ("2026-12-11", a shutdown date) is a calendar day, not midnight UTC: shown as written
// in every time zone. Anything with a time is shown in the reader's time zone.
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: When): Date | null {
  if (!value) return null;
  const d = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * "Nov 24, 2026": a calendar day (a model's shutdown date), in the reader's locale, with a word for
 * "no date". A moment (created, last used, expires) is written by formatDateTime, on every page.
 */
export function formatDate(value: When, empty = "—"): string {
  const d = toDate(value);
  if (!d) return empty;
  const utc = typeof value === "string" && DAY_ONLY.test(value);
  return d.toLocaleDateString(undefined, { dateStyle: "medium", ...(utc ? { timeZone: "UTC" } : {}) });
}

/**
 * "Nov 24, 2026, 3:04 PM": the one way a moment is written, in the reader's locale and time zone.
 * Shown with components/ui/when.tsx, which adds the ISO instant as a tooltip and, where it helps,
 * how long ago it was.
 */
export function formatDateTime(value: When, empty = "—"): string {
  const d = toDate(value);
  return d ? d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : empty;
}

/** "2026-11-24T15:04:05.000Z": the exact instant, for a tooltip or a `<time dateTime>`; null for no date. */
export function formatIso(value: When): string | null {
  return toDate(value)?.toISOString() ?? null;
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "3 days ago", "in 2 hours", "just now", in the reader's locale; the largest whole unit. */
export function formatRelative(value: When, now: number = Date.now()): string | null {
  const d = toDate(value);
  if (!d) return null;
  const seconds = (d.getTime() - now) / 1000;
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(0, "second");
}

/**
 * "12,345". Always en-US grouping, not the reader's: shared pages render on the server and again in
 * the browser, and both must write the same figure.
 */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** "1 token", "3 share links": counts in sentences. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** What a call cost: five decimals under a cent, so one small call does not read as $0. */
export function formatUsd(v: number | null): string {
  if (v === null) return "no price";
  if (v === 0) return "$0";
  if (v < 0.00001) return "<$0.00001";
  return `$${v.toFixed(v < 0.01 ? 5 : 4)}`;
}

/** A list price per 1M tokens as price lists write it: "$0.075", "$0.15", "$2.50", "$10". */
export function formatPricePerMillion(v: number): string {
  return `$${v < 1 ? v.toFixed(3).replace(/0+$/, "") : v.toFixed(2).replace(/\.00$/, "")}`;
}

/** A size in binary units, as the Files API counts them: "812 B", "3.4 KB", "18 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** A size against a limit the reader sets in decimal megabytes (the tokenizer's): "0.52 MB", "12.3 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 2 : 1)} MB`;
}
