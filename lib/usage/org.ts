import type { UsageBucket, UsageRow } from "./report";

/**
 * The organization view (`GET /api/usage/org`, admins, OPENAI_ADMIN_KEY): the ledger beside the
 * OpenAI Usage and Costs APIs for the same range and buckets, and what differs — traffic that used
 * the key without passing through Benchtop. Money in micro-dollars like every other report.
 */
export interface OrgFigures {
  requests: number;
  tokens: number;
  /** Null where the figure is not known for the bucket (the Costs API has day buckets only). */
  costMicros: number | null;
}

export interface OrgUsageBucket {
  /** ISO start of the UTC hour or day. */
  bucket: string;
  ledger: OrgFigures;
  org: OrgFigures;
  /** org − ledger: positive is use the ledger never saw. */
  diff: OrgFigures;
}

export interface SpendLimitInfo {
  scope: "organization" | "project";
  projectId: string | null;
  thresholdMicros: number;
  interval: string;
  enforcement: string;
}

export interface SpendAlertInfo {
  scope: "organization" | "project";
  projectId: string | null;
  id: string;
  thresholdMicros: number;
  interval: string;
  recipients: string[];
}

export type OrgUsageReport =
  | { configured: false }
  | {
      configured: true;
      query: { from: string; to: string; bucket: UsageBucket };
      buckets: OrgUsageBucket[];
      totals: { ledger: OrgFigures; org: OrgFigures; diff: OrgFigures };
      spendLimits: SpendLimitInfo[];
      spendAlerts: SpendAlertInfo[];
      /** What could not be read (an endpoint the key may not reach), in words. */
      warnings: string[];
    };

/** Ledger paths whose calls the Usage API counts (completions, embeddings, images). */
export const MODEL_CALL_PATHS = [
  /^\/v1\/(chat\/completions|completions|responses)$/,
  /^\/v1\/embeddings$/,
  /^\/v1\/images\/(generations|edits|variations)$/,
];

export interface OrgBucketIn {
  /** Unix seconds, as the Usage API sends them. */
  start: number;
  requests: number;
  tokens: number;
}

const STEP = { hour: 3_600_000, day: 86_400_000 } as const;

/** The bucket starts of a range, aligned to the UTC hour or day, as both sides key them. */
export function bucketStarts(from: string, to: string, bucket: UsageBucket): string[] {
  const step = STEP[bucket];
  const out: string[] = [];
  for (let t = Math.floor(Date.parse(from) / step) * step; t < Date.parse(to); t += step)
    out.push(new Date(t).toISOString());
  return out;
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/**
 * Lines the ledger's rows (grouped by endpoint) up with the Usage API's buckets and the Costs API's
 * days, and takes the difference. Only calls that succeeded on a model endpoint count on the ledger
 * side, as only those count upstream. Costs compare per day; with hour buckets they are left out.
 */
export function alignOrgUsage(
  query: { from: string; to: string; bucket: UsageBucket },
  ledger: UsageRow[],
  org: OrgBucketIn[],
  costs: { start: number; usd: number }[],
): { buckets: OrgUsageBucket[]; totals: { ledger: OrgFigures; org: OrgFigures; diff: OrgFigures } } {
  const daily = query.bucket === "day";
  const step = STEP[query.bucket];
  const keyOf = (ms: number) => new Date(Math.floor(ms / step) * step).toISOString();
  const starts = bucketStarts(query.from, query.to, query.bucket);
  const zero = (): OrgFigures => ({ requests: 0, tokens: 0, costMicros: daily ? 0 : null });
  const byBucket = new Map(starts.map((b) => [b, { ledger: zero(), org: zero() }]));
  for (const r of ledger) {
    const b = byBucket.get(keyOf(Date.parse(r.bucket)));
    if (!b) continue;
    if (daily) b.ledger.costMicros = (b.ledger.costMicros ?? 0) + r.costMicros;
    if (!r.key || !MODEL_CALL_PATHS.some((re) => re.test(r.key as string))) continue;
    b.ledger.requests += r.requests - r.errors;
    b.ledger.tokens += r.input + r.output;
  }
  for (const o of org) {
    const b = byBucket.get(keyOf(o.start * 1000));
    if (!b) continue;
    b.org.requests += o.requests;
    b.org.tokens += o.tokens;
  }
  if (daily)
    for (const c of costs) {
      const b = byBucket.get(keyOf(c.start * 1000));
      if (b) b.org.costMicros = (b.org.costMicros ?? 0) + Math.round(c.usd * 1e6);
    }
  const buckets = starts.map((bucket) => {
    const { ledger: l, org: o } = byBucket.get(bucket) as { ledger: OrgFigures; org: OrgFigures };
    return { bucket, ledger: l, org: o, diff: diffOf(o, l) };
  });
  const sum = (pick: (b: OrgUsageBucket) => OrgFigures): OrgFigures =>
    buckets.reduce(
      (a, b) => ({
        requests: a.requests + pick(b).requests,
        tokens: a.tokens + pick(b).tokens,
        costMicros: plus(a.costMicros, pick(b).costMicros),
      }),
      zero(),
    );
  const totals = { ledger: sum((b) => b.ledger), org: sum((b) => b.org) };
  return { buckets, totals: { ...totals, diff: diffOf(totals.org, totals.ledger) } };
}

function diffOf(org: OrgFigures, ledger: OrgFigures): OrgFigures {
  return {
    requests: org.requests - ledger.requests,
    tokens: org.tokens - ledger.tokens,
    costMicros: minus(org.costMicros, ledger.costMicros),
  };
}
