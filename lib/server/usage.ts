import "server-only";
import { z } from "zod";
import { errors } from "@/lib/errors";
import {
  USAGE_DIMENSIONS,
  type UsageDimension,
  type UsageQuery,
  type UsageReport,
  type UsageRow,
} from "@/lib/usage/report";
import type { User } from "./auth/users";
import { getDb } from "./db";
import { parseValue } from "./http";

/**
 * The Usage page's report, read from the hourly rollup (usage_hourly, docs/usage.md) — never the
 * raw ledger, so a month of a busy team is a few thousand rows. Members see only their own calls.
 */

const DAY_MS = 86_400_000;
/** Hour buckets over a long range would send tens of thousands of points to a chart nobody can read. */
const MAX_DAYS = { hour: 93, day: 732 } as const;

const instant = z
  .string()
  .trim()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)),
    {
      message: "Expected an ISO date or time, e.g. 2026-11-01 or 2026-11-01T00:00:00Z.",
    },
  )
  .transform((s) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s).toISOString());

export const usageQuerySchema = z
  .object({
    from: instant,
    to: instant,
    bucket: z.enum(["hour", "day"]).default("day"),
    group: z.enum(USAGE_DIMENSIONS).default("model"),
    user: z.string().trim().min(1).max(200).optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .refine((q) => q.from < q.to, { message: "`from` must be before `to`.", path: ["from"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_DAYS[q.bucket] * DAY_MS, {
    message: "The range is too long for this bucket (hour: 93 days, day: 732 days).",
    path: ["to"],
  });

/** `?from&to&bucket&group&user&format` → the query, or a 400 naming the parameter. */
export function parseUsageQuery(params: URLSearchParams): UsageQuery & { format: "json" | "csv" } {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (v !== "") raw[k] = v;
  const q = parseValue(usageQuerySchema, raw);
  return {
    from: q.from,
    to: q.to,
    bucket: q.bucket,
    group: q.group,
    userId: q.user ?? null,
    format: q.format,
  };
}

const KEY_COLUMN: Record<UsageDimension, string> = {
  model: "model",
  user: "user_id",
  token: "token_id",
  endpoint: "endpoint",
  assistant: "assistant_id",
  none: "''",
};

const EMPTY_TOTALS = (): UsageReport["totals"] => ({
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
});

/**
 * Members are narrowed to themselves; asking for another user's usage is refused (403) rather than
 * silently ignored, so a script never mistakes its own figures for someone else's.
 */
function scopeFor(viewer: User, userId: string | null | undefined): string | null {
  if (viewer.role === "admin") return userId ?? null;
  if (userId && userId !== viewer.id) throw errors.forbidden("Members can read only their own usage.");
  return viewer.id;
}

export async function usageReport(viewer: User, query: UsageQuery): Promise<UsageReport> {
  const userId = scopeFor(viewer, query.userId);
  const scoped: UsageQuery = { ...query, userId };
  const bucket = query.bucket === "hour" ? "hour" : "date_trunc('day', hour, 'UTC')";
  const params: unknown[] = [query.from, query.to];
  if (userId) params.push(userId);
  const db = await getDb();
  const raw = await db.query<Record<string, string | number | Date>>(
    `select ${bucket} as bucket, ${KEY_COLUMN[query.group]} as key,
            sum(requests) as requests, sum(errors) as errors, sum(input_tokens) as input,
            sum(cached_tokens) as cached, sum(output_tokens) as output, sum(reasoning_tokens) as reasoning,
            sum(images) as images, sum(audio_seconds) as audio_seconds, sum(cost_micros) as cost_micros,
            sum(estimated) as estimated, sum(unpriced) as unpriced
       from usage_hourly
      where hour >= $1 and hour < $2 ${userId ? "and user_id = $3" : ""}
      group by 1, 2 order by 1, 2`,
    params,
  );
  const totals = EMPTY_TOTALS();
  const rows: UsageRow[] = raw.map((r) => {
    const row: UsageRow = {
      bucket: new Date(r.bucket as string).toISOString(),
      key: r.key === "" ? null : String(r.key),
      requests: Number(r.requests),
      errors: Number(r.errors),
      input: Number(r.input),
      cached: Number(r.cached),
      output: Number(r.output),
      reasoning: Number(r.reasoning),
      images: Number(r.images),
      audioSeconds: Math.round(Number(r.audio_seconds) * 1000) / 1000,
      costMicros: Number(r.cost_micros),
      estimated: Number(r.estimated),
      unpriced: Number(r.unpriced),
    };
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += row[k];
    return row;
  });
  totals.audioSeconds = Math.round(totals.audioSeconds * 1000) / 1000;
  return { query: scoped, rows, keys: await labels(query.group, rows), totals };
}

const NONE_LABEL: Record<UsageDimension, string> = {
  model: "No model",
  user: "No user",
  token: "Signed-in session",
  endpoint: "Unknown endpoint",
  assistant: "No assistant",
  none: "All calls",
};

async function labels(group: UsageDimension, rows: UsageRow[]): Promise<UsageReport["keys"]> {
  const keys = [...new Set(rows.map((r) => r.key))];
  const ids = keys.filter((k): k is string => k !== null);
  const named = new Map<string, string>();
  const table = {
    user: "select id, email as label from users",
    token: "select id, name as label from tokens",
    assistant: "select id, name as label from assistants",
  }[group as "user" | "token" | "assistant"];
  if (table && ids.length) {
    const db = await getDb();
    for (const r of await db.query<{ id: string; label: string }>(`${table} where id = any($1)`, [ids])) {
      named.set(r.id, r.label);
    }
  }
  return keys.map((key) => ({
    key,
    label: key === null ? NONE_LABEL[group] : (named.get(key) ?? (table ? `${key} (deleted)` : key)),
  }));
}
