import "server-only";
import { LIMIT_CODES } from "@/lib/budgets/types";
import { classifyRejection, resetsAt } from "@/lib/limits/causes";
import type { LimitsReport } from "@/lib/usage/report";
import type { User } from "./auth/users";
import { getDb } from "./db";
import { flushLedger } from "./ledger";
import { latestRateLimits } from "./rate-limits";

const WINDOW_MS = 24 * 3_600_000;
// Constants, so inlined: the same SQL on PGlite and PostgreSQL without an array parameter.
const OWN_CODES = LIMIT_CODES.map((c) => `'${c}'`).join(", ");

interface RejectionRow {
  status: number;
  error_type: string | null;
  error_code: string | null;
  model: string | null;
  n: string | number;
  last: Date | string;
}

/**
 * The Limits page's data. The rate limits belong to the team's one upstream key, so everyone sees
 * them all; the 429s are people's own calls, so a member sees only theirs.
 */
export async function limitsReport(
  viewer: User,
  opts: { now?: Date; rateLimitsOnly?: boolean } = {},
): Promise<LimitsReport> {
  const now = opts.now ?? new Date();
  const rateLimits = (await latestRateLimits()).map((r) => ({
    model: r.model,
    kind: r.kind,
    limit: r.limit,
    remaining: r.remaining,
    resetsAt: resetsAt(r.observedAt, r.resetMs),
    observedAt: r.observedAt.toISOString(),
  }));
  if (opts.rateLimitsOnly) return { rateLimits, rejections: [] };
  await flushLedger();
  const db = await getDb();
  const params: unknown[] = [new Date(now.getTime() - WINDOW_MS)];
  if (viewer.role !== "admin") params.push(viewer.id);
  const rows = await db.query<RejectionRow>(
    `select status, error_type, error_code, model, count(*) as n, max(at) as last from ledger
     where at >= $1 and (status in (429, 503, 529) or error_code in (${OWN_CODES}))
     ${viewer.role !== "admin" ? "and user_id = $2" : ""}
     group by status, error_type, error_code, model`,
    params,
  );
  const merged = new Map<string, LimitsReport["rejections"][number]>();
  for (const r of rows) {
    const cause = classifyRejection(r.status, r.error_type, r.error_code);
    if (!cause) continue;
    const last = new Date(r.last).toISOString();
    const key = `${cause}\u0000${r.error_code ?? ""}\u0000${r.model ?? ""}`;
    const prev = merged.get(key);
    if (prev) {
      prev.count += Number(r.n);
      if (last > prev.last) prev.last = last;
    } else merged.set(key, { cause, code: r.error_code, model: r.model, count: Number(r.n), last });
  }
  const rejections = [...merged.values()].sort((a, b) => b.last.localeCompare(a.last));
  return { rateLimits, rejections };
}
