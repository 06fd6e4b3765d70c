import { costOf, resolveModel } from "../models/catalogue";
import { asRecord, type Ctx, HttpError, type Route, sendJson } from "./http";
import type { SpendAlert, UsageRecord } from "./state";

/**
 * The admin Usage, Costs and spend-control endpoints (`/v1/organization/...`, admin key only), built
 * from the emulator's own record of successful model calls (usage-log.ts), so traffic that reached
 * the emulator without the console shows up here and not in the console's ledger. Shapes follow the
 * OpenAPI spec; costs use the console's catalogue prices.
 */
const WIDTHS = { "1m": 60, "1h": 3600, "1d": 86_400 } as const;
type Width = keyof typeof WIDTHS;
const LIMITS: Record<Width, [number, number]> = { "1m": [60, 1440], "1h": [24, 168], "1d": [7, 31] };
const GROUPS: Record<UsageRecord["family"], string[]> = {
  completions: ["project_id", "user_id", "api_key_id", "model", "batch", "service_tier"],
  embeddings: ["project_id", "user_id", "api_key_id", "model"],
  images: ["project_id", "user_id", "api_key_id", "model", "source", "size"],
};
const COST_GROUPS = ["project_id", "line_item", "api_key_id"];
// One key, one user: what a console's shared key looks like to the Usage API.
const API_KEY_ID = "key_emulator";
const USER_ID = "user-emulator";

function intParam(q: URLSearchParams, name: string, required = false): number | null {
  const v = q.get(name);
  if (v === null || v === "") {
    if (required)
      throw new HttpError(400, `Missing required parameter: '${name}'.`, name, "missing_required_parameter");
    return null;
  }
  if (!/^\d{1,12}$/.test(v))
    throw new HttpError(400, `Invalid '${name}': expected an integer.`, name, "invalid_value");
  return Number(v);
}

function listParam(q: URLSearchParams, name: string): string[] {
  return [...q.getAll(name), ...q.getAll(`${name}[]`)].flatMap((v) => v.split(",")).filter(Boolean);
}

/** The buckets of one page: aligned to the width in UTC, from the cursor (or start) to the end. */
export function pageOfBuckets(
  q: URLSearchParams,
  widths: readonly Width[],
  limits: Partial<Record<Width, [number, number]>> = LIMITS,
  now = Date.now(),
): { width: number; starts: number[]; start: number; end: number; next: number | null } {
  const start = intParam(q, "start_time", true) as number;
  const end = intParam(q, "end_time") ?? Math.ceil(now / 1000);
  const bw = (q.get("bucket_width") ?? "1d") as Width;
  if (!widths.includes(bw))
    throw new HttpError(
      400,
      `Invalid 'bucket_width': must be one of ${widths.join(", ")}.`,
      "bucket_width",
      "invalid_value",
    );
  const [def, max] = limits[bw] ?? LIMITS[bw];
  const limit = intParam(q, "limit") ?? def;
  if (limit < 1 || limit > max)
    throw new HttpError(400, `Invalid 'limit': must be between 1 and ${max}.`, "limit", "invalid_value");
  const width = WIDTHS[bw];
  let from = Math.floor(start / width) * width;
  const page = q.get("page");
  if (page) {
    const m = /^page_(\d+)$/.exec(Buffer.from(page, "base64url").toString("utf8"));
    if (!m) throw new HttpError(400, "Invalid 'page' cursor.", "page", "invalid_value");
    from = Number(m[1]);
  }
  const starts: number[] = [];
  for (let t = from; t < end && starts.length < limit; t += width) starts.push(t);
  const after = (starts.at(-1) ?? from) + width;
  return { width, starts, start, end, next: starts.length === limit && after < end ? after : null };
}

const cursor = (t: number | null) => (t === null ? null : Buffer.from(`page_${t}`).toString("base64url"));

function keyOf(u: UsageRecord, field: string): string | boolean | null {
  switch (field) {
    case "project_id":
      return u.projectId;
    case "user_id":
      return USER_ID;
    case "api_key_id":
      return API_KEY_ID;
    case "model":
      return u.model;
    case "batch":
      return false;
    case "service_tier":
      return u.serviceTier;
    case "source":
      return u.source;
    case "size":
      return u.size;
    default:
      return null;
  }
}

function usageResult(family: UsageRecord["family"], list: UsageRecord[], keys: Record<string, unknown>) {
  const sum = (f: (u: UsageRecord) => number) => list.reduce((a, u) => a + f(u), 0);
  const input = sum((u) => u.input);
  const cached = sum((u) => u.cached);
  const output = sum((u) => u.output);
  const requests = list.length;
  if (family === "images")
    return {
      object: "organization.usage.images.result",
      images: sum((u) => u.images),
      num_model_requests: requests,
      ...keys,
    };
  if (family === "embeddings")
    return {
      object: "organization.usage.embeddings.result",
      input_tokens: input,
      num_model_requests: requests,
      ...keys,
    };
  return {
    object: "organization.usage.completions.result",
    input_tokens: input,
    input_cached_tokens: cached,
    input_cache_write_tokens: 0,
    input_uncached_tokens: input - cached,
    output_tokens: output,
    input_text_tokens: input,
    output_text_tokens: output,
    input_cached_text_tokens: cached,
    input_audio_tokens: 0,
    input_cached_audio_tokens: 0,
    output_audio_tokens: 0,
    input_image_tokens: 0,
    input_cached_image_tokens: 0,
    output_image_tokens: 0,
    num_model_requests: requests,
    ...keys,
  };
}

function usage(family: UsageRecord["family"]) {
  return (ctx: Ctx) => {
    const q = ctx.query;
    const p = pageOfBuckets(q, ["1m", "1h", "1d"]);
    const groupBy = listParam(q, "group_by");
    const bad = groupBy.find((g) => !GROUPS[family].includes(g));
    if (bad) throw new HttpError(400, `Invalid 'group_by' value: '${bad}'.`, "group_by", "invalid_value");
    const models = listParam(q, "models");
    const projects = listParam(q, "project_ids");
    const records = ctx.state.usage.filter(
      (u) =>
        u.family === family &&
        u.at >= p.start * 1000 &&
        u.at < p.end * 1000 &&
        (!models.length || models.includes(u.model)) &&
        (!projects.length || projects.includes(u.projectId)),
    );
    const data = p.starts.map((t) => {
      const inBucket = records.filter((u) => u.at >= t * 1000 && u.at < (t + p.width) * 1000);
      const groups = new Map<string, UsageRecord[]>();
      for (const u of inBucket) {
        const k = JSON.stringify(groupBy.map((g) => keyOf(u, g)));
        groups.set(k, [...(groups.get(k) ?? []), u]);
      }
      const results = [...groups].map(([, list]) => {
        const keys: Record<string, unknown> = Object.fromEntries(GROUPS[family].map((g) => [g, null]));
        for (const g of groupBy) keys[g] = keyOf(list[0] as UsageRecord, g);
        return usageResult(family, list, keys);
      });
      return { object: "bucket", start_time: t, end_time: t + p.width, results };
    });
    sendJson(ctx, 200, { object: "page", data, has_more: p.next !== null, next_page: cursor(p.next) });
  };
}

/** USD line items of one call: input, cached input and output tokens at the catalogue's price. */
function lineItems(u: UsageRecord): { item: string; quantity: number; usd: number }[] {
  const m = resolveModel(u.model);
  if (!m.pricing) return [];
  const cached = Math.min(u.cached, u.input);
  const items = [
    {
      item: `${u.model}, input`,
      quantity: u.input - cached,
      usd: costOf(m, { input: u.input - cached, output: 0 }) ?? 0,
    },
    {
      item: `${u.model}, cached input`,
      quantity: cached,
      usd: costOf(m, { input: cached, cached, output: 0 }) ?? 0,
    },
    { item: `${u.model}, output`, quantity: u.output, usd: costOf(m, { input: 0, output: u.output }) ?? 0 },
  ];
  return items.filter((i) => i.quantity > 0);
}

function costs(ctx: Ctx): void {
  const q = ctx.query;
  const p = pageOfBuckets(q, ["1d"], { "1d": [7, 180] });
  const groupBy = listParam(q, "group_by");
  const bad = groupBy.find((g) => !COST_GROUPS.includes(g));
  if (bad) throw new HttpError(400, `Invalid 'group_by' value: '${bad}'.`, "group_by", "invalid_value");
  const data = p.starts.map((t) => {
    const groups = new Map<string, { keys: Record<string, unknown>; usd: number; quantity: number }>();
    for (const u of ctx.state.usage) {
      if (u.at < Math.max(t, p.start) * 1000 || u.at >= Math.min(t + p.width, p.end) * 1000) continue;
      for (const li of lineItems(u)) {
        const keys = {
          line_item: groupBy.includes("line_item") ? li.item : null,
          project_id: groupBy.includes("project_id") ? u.projectId : null,
          api_key_id: groupBy.includes("api_key_id") ? API_KEY_ID : null,
        };
        const k = JSON.stringify(keys);
        const g = groups.get(k) ?? { keys, usd: 0, quantity: 0 };
        g.usd += li.usd;
        g.quantity += li.quantity;
        groups.set(k, g);
      }
    }
    const results = [...groups.values()].map((g) => ({
      object: "organization.costs.result",
      amount: { value: Math.round(g.usd * 1e6) / 1e6, currency: "usd" },
      ...g.keys,
      quantity: g.keys.line_item ? g.quantity : null,
      quantity_unit: g.keys.line_item ? "tokens" : null,
    }));
    return { object: "bucket", start_time: t, end_time: t + p.width, results };
  });
  sendJson(ctx, 200, { object: "page", data, has_more: p.next !== null, next_page: cursor(p.next) });
}

function spendLimitBody(
  kind: "organization" | "project",
  l: { threshold_amount: number; enforcement: string },
) {
  return {
    object: `${kind}.spend_limit`,
    threshold_amount: l.threshold_amount,
    currency: "USD",
    interval: "month",
    enforcement: { status: l.enforcement },
  };
}

function readLimit(ctx: Ctx): number {
  const b = asRecord(ctx.json);
  const t = b.threshold_amount;
  if (typeof t !== "number" || !Number.isInteger(t) || t < 1)
    throw new HttpError(
      400,
      "Invalid 'threshold_amount': a positive integer of cents.",
      "threshold_amount",
      "invalid_value",
    );
  if (b.currency !== "USD")
    throw new HttpError(400, "Invalid 'currency': only USD.", "currency", "invalid_value");
  if (b.interval !== "month")
    throw new HttpError(400, "Invalid 'interval': only month.", "interval", "invalid_value");
  return t;
}

const notFound = (what: string) => new HttpError(404, `No ${what} is set.`, null, "not_found");

function alertList(ctx: Ctx, kind: "organization" | "project", alerts: SpendAlert[]): void {
  const data = alerts.map((a) => ({ object: `${kind}.spend_alert`, ...a }));
  sendJson(ctx, 200, {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: false,
  });
}

export const ORGANIZATION_ROUTES = (ID: string): Route[] => [
  { method: "GET", pattern: /^\/v1\/organization\/usage\/completions$/, handler: usage("completions") },
  { method: "GET", pattern: /^\/v1\/organization\/usage\/embeddings$/, handler: usage("embeddings") },
  { method: "GET", pattern: /^\/v1\/organization\/usage\/images$/, handler: usage("images") },
  { method: "GET", pattern: /^\/v1\/organization\/costs$/, handler: costs },
  {
    method: "GET",
    pattern: /^\/v1\/organization\/spend_limit$/,
    handler: (ctx) => {
      const l = ctx.state.spend.org;
      if (!l) throw notFound("organization spend limit");
      sendJson(ctx, 200, spendLimitBody("organization", l));
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/organization\/spend_limit$/,
    json: true,
    handler: (ctx) => {
      ctx.state.spend.org = { threshold_amount: readLimit(ctx), enforcement: "enforcing" };
      sendJson(ctx, 200, spendLimitBody("organization", ctx.state.spend.org));
    },
  },
  {
    method: "DELETE",
    pattern: /^\/v1\/organization\/spend_limit$/,
    handler: (ctx) => {
      ctx.state.spend.org = null;
      sendJson(ctx, 200, { object: "organization.spend_limit.deleted", deleted: true });
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/organization\/spend_alerts$/,
    handler: (ctx) => alertList(ctx, "organization", ctx.state.spend.orgAlerts),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/organization/projects/${ID}/spend_limit$`),
    handler: (ctx) => {
      const l = ctx.state.spend.projects.get(ctx.params[0] ?? "");
      if (!l) throw notFound("project spend limit");
      sendJson(ctx, 200, spendLimitBody("project", l));
    },
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/organization/projects/${ID}/spend_limit$`),
    json: true,
    handler: (ctx) => {
      const l = { threshold_amount: readLimit(ctx), enforcement: "enforcing" };
      ctx.state.spend.projects.set(ctx.params[0] ?? "", l);
      sendJson(ctx, 200, spendLimitBody("project", l));
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/organization/projects/${ID}/spend_alerts$`),
    handler: (ctx) => alertList(ctx, "project", ctx.state.spend.projectAlerts.get(ctx.params[0] ?? "") ?? []),
  },
];
