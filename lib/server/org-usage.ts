import "server-only";
import { z } from "zod";
import {
  alignOrgUsage,
  type OrgBucketIn,
  type OrgUsageReport,
  type SpendAlertInfo,
  type SpendLimitInfo,
} from "@/lib/usage/org";
import type { UsageQuery } from "@/lib/usage/report";
import type { User } from "./auth/users";
import { getConfig } from "./config";
import { usageReport } from "./usage";

/**
 * The organization view: OpenAI's Usage and Costs APIs beside the ledger. Called only with
 * OPENAI_ADMIN_KEY — never the normal key, and the key never leaves the server. Every page of a
 * report is followed (`next_page`), and the buckets line up with the ledger's (lib/usage/org.ts).
 */
const MAX_PAGES = 50;
const TIMEOUT_MS = 15_000;

const bucketPage = z.object({
  data: z.array(
    z.object({
      start_time: z.number(),
      results: z.array(z.record(z.string(), z.unknown())),
    }),
  ),
  has_more: z.boolean().optional(),
  next_page: z.string().nullable().optional(),
});
type Bucket = z.infer<typeof bucketPage>["data"][number];

const limitBody = z.object({
  threshold_amount: z.number(),
  interval: z.string(),
  enforcement: z.object({ status: z.string() }).optional(),
});
const alertList = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      threshold_amount: z.number(),
      interval: z.string(),
      notification_channel: z.object({ recipients: z.array(z.string()).optional() }).optional(),
    }),
  ),
});

class UpstreamStatus extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function adminGet(path: string, params: [string, string][] = []): Promise<unknown> {
  const { openai } = getConfig();
  // Only the admin key: the normal key never goes to an organization endpoint.
  if (!openai.adminKey) throw new Error("OPENAI_ADMIN_KEY is not set");
  const url = new URL(`${openai.baseUrl.href.replace(/\/+$/, "")}${path}`);
  for (const [k, v] of params) url.searchParams.append(k, v);
  const headers: Record<string, string> = { authorization: `Bearer ${openai.adminKey}` };
  if (openai.orgId) headers["openai-organization"] = openai.orgId;
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) {
    await res.body?.cancel();
    throw new UpstreamStatus(res.status);
  }
  return res.json();
}

/** Every bucket of a Usage or Costs report, following `next_page` (bounded, in case a cursor loops). */
async function allBuckets(path: string, params: [string, string][]): Promise<Bucket[]> {
  const out: Bucket[] = [];
  let page: string | null | undefined = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const body = bucketPage.parse(await adminGet(path, page ? [...params, ["page", page]] : params));
    out.push(...body.data);
    page = body.has_more ? body.next_page : null;
    if (!page) break;
  }
  return out;
}

const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

function problem(what: string, e: unknown): string {
  if (e instanceof UpstreamStatus)
    return e.status === 401 || e.status === 403
      ? `${what}: the admin key was refused (HTTP ${e.status}). Check OPENAI_ADMIN_KEY.`
      : `${what}: the API answered HTTP ${e.status}.`;
  if (e instanceof z.ZodError) return `${what}: the API's answer had an unexpected shape.`;
  return `${what}: ${(e as Error).name === "TimeoutError" ? "timed out" : "could not be reached"}.`;
}

export async function orgUsageReport(
  viewer: User,
  query: Omit<UsageQuery, "group" | "userId">,
): Promise<OrgUsageReport> {
  const { openai } = getConfig();
  if (!openai.adminKey) return { configured: false };
  const start = Math.floor(Date.parse(query.from) / 1000);
  const end = Math.ceil(Date.parse(query.to) / 1000);
  const width = query.bucket === "hour" ? "1h" : "1d";
  const range: [string, string][] = [
    ["start_time", String(start)],
    ["end_time", String(end)],
    ["bucket_width", width],
    ["limit", width === "1h" ? "168" : "31"],
  ];
  const warnings: string[] = [];
  const usage = async (family: "completions" | "embeddings" | "images"): Promise<OrgBucketIn[]> => {
    try {
      return (await allBuckets(`/organization/usage/${family}`, range)).map((b) => ({
        start: b.start_time,
        requests: b.results.reduce((a, r) => a + n(r.num_model_requests), 0),
        tokens: b.results.reduce((a, r) => a + n(r.input_tokens) + n(r.output_tokens), 0),
      }));
    } catch (e) {
      warnings.push(problem(`Usage (${family})`, e));
      return [];
    }
  };
  const costs = async () => {
    if (query.bucket !== "day") return [];
    try {
      const days = await allBuckets("/organization/costs", [
        ["start_time", String(start)],
        ["end_time", String(end)],
        ["bucket_width", "1d"],
        ["limit", "180"],
      ]);
      return days.map((b) => ({
        start: b.start_time,
        usd: b.results.reduce((a, r) => a + n((r.amount as { value?: unknown } | undefined)?.value), 0),
      }));
    } catch (e) {
      warnings.push(problem("Costs", e));
      return [];
    }
  };
  const [ledger, completions, embeddings, images, costDays, spend] = await Promise.all([
    usageReport(viewer, { ...query, group: "endpoint", userId: null }),
    usage("completions"),
    usage("embeddings"),
    usage("images"),
    costs(),
    spendControls(openai.projectId ?? null, warnings),
  ]);
  const aligned = alignOrgUsage(query, ledger.rows, [...completions, ...embeddings, ...images], costDays);
  return { configured: true, query, ...aligned, ...spend, warnings };
}

/** The org's and the project's hard spend limits and alerts; a 404 means "none set". */
async function spendControls(
  projectId: string | null,
  warnings: string[],
): Promise<{ spendLimits: SpendLimitInfo[]; spendAlerts: SpendAlertInfo[] }> {
  const spendLimits: SpendLimitInfo[] = [];
  const spendAlerts: SpendAlertInfo[] = [];
  const scopes: [SpendLimitInfo["scope"], string | null, string][] = [
    ["organization", null, "/organization"],
  ];
  if (projectId)
    scopes.push(["project", projectId, `/organization/projects/${encodeURIComponent(projectId)}`]);
  await Promise.all(
    scopes.flatMap(([scope, id, base]) => [
      adminGet(`${base}/spend_limit`).then(
        (b) => {
          const l = limitBody.parse(b);
          spendLimits.push({
            scope,
            projectId: id,
            thresholdMicros: l.threshold_amount * 10_000,
            interval: l.interval,
            enforcement: l.enforcement?.status ?? "unknown",
          });
        },
        (e) => {
          if (!(e instanceof UpstreamStatus && e.status === 404))
            warnings.push(problem(`The ${scope} spend limit`, e));
        },
      ),
      adminGet(`${base}/spend_alerts`).then(
        (b) => {
          for (const a of alertList.parse(b).data)
            spendAlerts.push({
              scope,
              projectId: id,
              id: a.id,
              thresholdMicros: a.threshold_amount * 10_000,
              interval: a.interval,
              recipients: a.notification_channel?.recipients ?? [],
            });
        },
        (e) => {
          if (!(e instanceof UpstreamStatus && e.status === 404))
            warnings.push(problem(`The ${scope} spend alerts`, e));
        },
      ),
    ]),
  );
  const order = (s: string) => (s === "organization" ? 0 : 1);
  spendLimits.sort((a, b) => order(a.scope) - order(b.scope));
  spendAlerts.sort((a, b) => order(a.scope) - order(b.scope) || a.thresholdMicros - b.thresholdMicros);
  return { spendLimits, spendAlerts };
}
