/**
 * The usage report (issue 15): the ledger aggregated by time bucket and one dimension, for the
 * Usage page, its CSV export and `usage --since --json`. Members see only their own calls; admins
 * see everyone's and may narrow to one user.
 */
export const USAGE_DIMENSIONS = ["model", "user", "token", "endpoint", "assistant", "none"] as const;
export type UsageDimension = (typeof USAGE_DIMENSIONS)[number];
export type UsageBucket = "hour" | "day";

/** `GET /api/usage?from&to&bucket&group&user` (`&format=csv` for the CSV of the same rows). */
export interface UsageQuery {
  /** ISO times; `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  bucket: UsageBucket;
  group: UsageDimension;
  /** Admins only: one user's calls. Members are always narrowed to themselves. */
  userId?: string | null;
}

/** One bucket × key cell. Money in micro-dollars. */
export interface UsageRow {
  /** ISO start of the hour or the UTC day. */
  bucket: string;
  /** The dimension's value (model id, user id, token id, `/v1/...` path, assistant id); null = none/unknown. */
  key: string | null;
  requests: number;
  errors: number;
  input: number;
  cached: number;
  output: number;
  reasoning: number;
  images: number;
  audioSeconds: number;
  costMicros: number;
  /** Calls whose cost is an estimate (no usage reported, or a price that was itself estimated). */
  estimated: number;
  /** Calls no price covered (cost counted as 0). */
  unpriced: number;
}

/** A row's figures without its bucket and key: what a report totals and the Usage page sums. */
export type UsageFigures = Omit<UsageRow, "bucket" | "key">;

/** Figures at zero, a new object each call (callers add into it). */
export function emptyFigures(): UsageFigures {
  return {
    requests: 0,
    errors: 0,
    input: 0,
    cached: 0,
    output: 0,
    reasoning: 0,
    images: 0,
    audioSeconds: 0,
    costMicros: 0,
    estimated: 0,
    unpriced: 0,
  };
}

export interface UsageReport {
  query: UsageQuery;
  rows: UsageRow[];
  /** The keys present, with what to show for them (a user's email, a token's name…). */
  keys: { key: string | null; label: string }[];
  totals: UsageFigures;
}

/** `GET /api/limits`: the rate limits the upstream last sent, and the 429s seen in a range. */
export interface RateLimitRow {
  model: string;
  /** `requests`, `tokens`, `images`, or what else the upstream names. */
  kind: string;
  limit: number | null;
  remaining: number | null;
  /** ISO time the window resets (observedAt + reset), when the reset parsed. */
  resetsAt: string | null;
  observedAt: string;
}

export type TooManyCause = "rate_limit" | "quota" | "overloaded" | "benchtop_limit";

export interface LimitsReport {
  rateLimits: RateLimitRow[];
  /** 429s (and 503 overloads) in the last 24 h by cause, model and `code`. */
  rejections: {
    cause: TooManyCause;
    code: string | null;
    model: string | null;
    count: number;
    last: string;
  }[];
}
