import "server-only";
import { z } from "zod";
import { errors } from "@/lib/errors";
import {
  emptyFigures,
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
 * The Usage page's report, read from the rollup (usage_rollup, docs/usage.md) — never the raw
 * ledger, so a month of a busy team is a few thousand rows. Members see only their own calls.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
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

/** An instant moved to a bucket boundary (UTC hours and days; both divide the epoch evenly). */
function alignTo(iso: string, size: number, round: (x: number) => number): string {
  return new Date(round(Date.parse(iso) / size) * size).toISOString();
}

/**
 * `?from&to&bucket&group&user&format` → the query, or a 400 naming the parameter. The range is
 * widened to whole buckets (`from` down, `to` up), as the rollup and the org Usage API count them,
 * and the report echoes the aligned range: a mid-day `from` with day buckets counts that whole day.
 */
export function parseUsageQuery(params: URLSearchParams): UsageQuery & { format: "json" | "csv" } {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (v !== "") raw[k] = v;
  const q = parseValue(usageQuerySchema, raw);
  const size = q.bucket === "hour" ? HOUR_MS : DAY_MS;
  return {
    from: alignTo(q.from, size, Math.floor),
    to: alignTo(q.to, size, Math.ceil),
    bucket: q.bucket,
    group: q.group,
    userId: q.user ?? null,
    format: q.format,
  };
}

/** Which rollup dimension answers a grouping, and the column that is its key. */
const SOURCE: Record<UsageDimension, { dim: string; key: string }> = {
  model: { dim: "model", key: "key" },
  user: { dim: "user", key: "user_id" },
  token: { dim: "token", key: "key" },
  endpoint: { dim: "endpoint", key: "key" },
  assistant: { dim: "assistant", key: "key" },
  none: { dim: "user", key: "''" },
};

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
  const source = SOURCE[query.group];
  const params: unknown[] = [query.bucket === "hour" ? "h" : "d", source.dim, query.from, query.to];
  if (userId) params.push(userId);
  const db = await getDb();
  // One JSON value rather than a row per cell: PGlite hands rows to JavaScript one value at a
  // time, ~100 µs a row on a busy machine, while the database builds the JSON in C (bench/usage-aggregate.ts).
  const [out] = await db.query<{ j: string }>(
    `select coalesce(json_agg(json_build_array((extract(epoch from b) * 1000)::bigint, k, requests, errors,
              input, cached, output, reasoning, images, audio_seconds, cost_micros, estimated, unpriced)
              order by b, k), '[]')::text as j
       from (select bucket as b, ${source.key} as k, sum(requests) as requests, sum(errors) as errors,
                    sum(input_tokens) as input, sum(cached_tokens) as cached, sum(output_tokens) as output,
                    sum(reasoning_tokens) as reasoning, sum(images) as images, sum(audio_seconds) as audio_seconds,
                    sum(cost_micros) as cost_micros, sum(estimated) as estimated, sum(unpriced) as unpriced
               from usage_rollup
              where grain = $1 and dim = $2 and bucket >= $3 and bucket < $4 ${userId ? "and user_id = $5" : ""}
              group by 1, 2) cells`,
    params,
  );
  const raw = JSON.parse(out?.j ?? "[]") as [number, string, ...number[]][];
  const totals = emptyFigures();
  const rows: UsageRow[] = raw.map(([bucket, key, ...n]) => {
    const [requests, errors, input, cached, output, reasoning, images, audio, cost, estimated, unpriced] =
      n.map(Number) as number[];
    const row: UsageRow = {
      bucket: new Date(bucket).toISOString(),
      key: key === "" ? null : key,
      requests: requests as number,
      errors: errors as number,
      input: input as number,
      cached: cached as number,
      output: output as number,
      reasoning: reasoning as number,
      images: images as number,
      audioSeconds: Math.round((audio as number) * 1000) / 1000,
      costMicros: cost as number,
      estimated: estimated as number,
      unpriced: unpriced as number,
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
