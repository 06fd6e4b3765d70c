import "server-only";
import { randomUUID } from "node:crypto";
import {
  type BudgetEntry,
  DEFAULT_SOFT_PERCENT,
  type Headroom,
  type LimitCode,
  type LimitSettings,
  type LimitSubject,
  type LimitUsage,
  type LimitWindow,
  type Notice,
} from "@/lib/budgets/types";
import { errors } from "@/lib/errors";
import { randomId } from "../auth/crypto";
import { type Db, getDb, peekDb } from "../db";
import { answerAsk, isWebThread, onTold, tell } from "../threads";
import {
  type Counters,
  databaseCounters,
  type Hold,
  localCounters,
  type Metric,
  remoteCounters,
} from "./counters";
import { inTime, LimitError, refusedExpired, refusedModel, usd, utcText } from "./errors";
import { allowedByAll, modelAllowed, windowOf, windowStartIso } from "./windows";

/**
 * Budgets and limits enforced in the proxy (issue 15; docs/budgets.md). On PostgreSQL the counters
 * live in the database and a reservation is one atomic statement (budget_reserve, migration 0013),
 * so several instances on one PostgreSQL admit the calls one would. The embedded database admits
 * one process, whose memory holds the counters and writes them back in batches (counters.ts). The
 * settings are cached in memory and reloaded every second.
 */

/** What the proxy knows of a call before it goes upstream. */
export interface ReserveInput {
  userId: string;
  tokenId: string | null;
  /** The model the body names (after a `prompt` expansion), or null when it could not be read. */
  model: string | null;
  /** `/v1/...` */
  path: string;
  /** The worst case: input estimate plus max output tokens at the model's price. */
  costMicros: number;
  /** Input estimate plus max output tokens, for tokens-per-minute. */
  tokens: number;
  /** Whether the call is billed (holds spend and tokens); an unbilled one counts a request only. Default true. */
  billed?: boolean;
}

/** A call's hold on its counters, settled or released exactly once. */
export interface Reservation {
  id: string;
  costMicros: number;
  tokens: number;
}

/** One limit that applies to a caller, on one counter. */
interface Applied {
  scope: string;
  subject: LimitSubject;
  from: "own" | "team";
  code: LimitCode;
  metric: Metric;
  window: LimitWindow;
  limit: number;
  softPercent: number;
}

export interface Plan {
  limits: Applied[];
  /** Every allow-list that applies (the token's and the user's): a model must pass all. */
  models: string[][];
  expires: { at: Date; whose: "token" | "account" } | null;
  /** Whether the call's body must be read: a spend, token or model limit applies. */
  needsBody: boolean;
  softPercent: number;
}

interface Snapshot {
  db: Db;
  team: LimitSettings | null;
  users: Map<string, LimitSettings>;
  tokens: Map<string, LimitSettings>;
  loadedAt: number;
}

/** Other instances see a change within this (plus one load): docs/budgets.md. */
const RELOAD_MS = 1000;
/** Longer than any call runs: a hold this old belongs to a process that died. */
export const HOLD_MAX_SECONDS = 3600;
const REAP_EVERY_MS = 60_000;

// On globalThis: Next's route handlers and the Node entry's proxy may load this module twice.
const state = globalThis as unknown as {
  __benchtopBudgets?: {
    snapshot: Snapshot | null;
    loading: Promise<Snapshot> | null;
    loadingFrom: Db | null;
    reaper: NodeJS.Timeout | null;
    counters: Counters | null;
    holds: WeakMap<Reservation, { holds: Hold[]; plan: Plan; userId: string }>;
    reservations: number;
  };
};
state.__benchtopBudgets ??= {
  snapshot: null,
  loading: null,
  loadingFrom: null,
  reaper: null,
  counters: null,
  holds: new WeakMap(),
  reservations: 0,
};
const shared = state.__benchtopBudgets;
const RESERVATION_PREFIX = `${randomUUID().replaceAll("-", "")}_`;

/** The counters of the database in use (a test may swap it; a restart opens it again). */
async function counters(): Promise<Counters> {
  return countersOf(peekDb() ?? (await getDb()));
}

function countersOf(db: Db): Counters {
  if (shared.counters?.db !== db) {
    shared.counters =
      db.kind === "postgres" ? databaseCounters(db) : isWebThread() ? remoteCounters(db) : localCounters(db);
  }
  return shared.counters;
}

// Next's thread reads the embedded database's counters where they are (remoteCounters).
answerAsk("read-counters", async (keys) => (await counters()).read(keys as Parameters<Counters["read"]>[0]));
answerAsk("flush-counters", () => flushBudgets());
answerAsk("clear-counters", () => clearCountersForTests());
// A change of limits saved in the other thread: the next call here waits for the new settings.
onTold("budgets", () => {
  const s = shared.snapshot;
  shared.snapshot = null;
  // A reload already running may have read the limits before the change.
  shared.loading = null;
  if (s) reloadInBackground(s.db);
});

/** Writes what the counters hold in memory (the embedded database; shutdown and tests). */
export async function flushBudgets(): Promise<void> {
  await shared.counters?.flush();
}

/** Forgets every counter and hold (tests). */
export async function clearCountersForTests(): Promise<void> {
  await (await counters()).clear();
}

const METRICS: { metric: Metric; key: keyof LimitSettings; code: LimitCode; window: LimitWindow }[] = [
  { metric: "rpm", key: "rpm", code: "rpm_exceeded", window: "minute" },
  { metric: "tpm", key: "tpm", code: "tpm_exceeded", window: "minute" },
  { metric: "day", key: "usdPerDayMicros", code: "budget_exceeded", window: "day" },
  { metric: "month", key: "usdPerMonthMicros", code: "budget_exceeded", window: "month" },
];

interface LimitRow {
  kind: "team" | "user" | "token";
  subject_id: string;
  rpm: number | null;
  tpm: number | null;
  usd_per_day_micros: number | null;
  usd_per_month_micros: number | null;
  models: string[] | string | null;
  expires_at: Date | string | null;
  soft_percent: number | null;
  updated_at: Date | string;
  updated_by: string | null;
}

function settingsOf(r: LimitRow): LimitSettings {
  const models = typeof r.models === "string" ? (JSON.parse(r.models) as string[] | null) : r.models;
  return {
    rpm: r.rpm,
    tpm: r.tpm,
    usdPerDayMicros: r.usd_per_day_micros,
    usdPerMonthMicros: r.usd_per_month_micros,
    models: models ?? null,
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at).toISOString(),
    softPercent: r.soft_percent,
  };
}

async function load(db: Db): Promise<Snapshot> {
  const rows = await db.query<LimitRow>("select * from budget_limits");
  const snap: Snapshot = {
    db,
    team: null,
    users: new Map(),
    tokens: new Map(),
    loadedAt: Date.now(),
  };
  for (const r of rows) {
    if (r.kind === "team") snap.team = settingsOf(r);
    else if (r.kind === "user") snap.users.set(r.subject_id, settingsOf(r));
    else snap.tokens.set(r.subject_id, settingsOf(r));
  }
  return snap;
}

function reload(db: Db): Promise<Snapshot> {
  if (shared.loading && shared.loadingFrom === db) return shared.loading;
  shared.loadingFrom = db;
  const loading = load(db).then(
    (s) => {
      if (shared.loading === loading) {
        shared.snapshot = s;
        shared.loading = null;
      }
      return s;
    },
    (e: unknown) => {
      if (shared.loading === loading) shared.loading = null;
      throw e;
    },
  );
  shared.loading = loading;
  return loading;
}

/**
 * The settings, from memory: a stale copy answers at once while a reload runs, so a caller without
 * limits costs one map lookup. The first use in a process (or against a new database) waits for it,
 * and starts the reaper.
 */
async function snapshot(): Promise<Snapshot> {
  const warm = warmSnapshot();
  if (warm) return warm;
  const db = await getDb();
  const s = shared.snapshot;
  if (s && s.db === db) return fresh(s);
  startReaper();
  return reload(db);
}

/** The snapshot of the open database without a promise, or undefined when it is not loaded yet. */
function warmSnapshot(): Snapshot | undefined {
  const db = peekDb();
  const s = shared.snapshot;
  return db && s && s.db === db ? fresh(s) : undefined;
}

/** Starts a background reload of a snapshot older than RELOAD_MS; answers with it meanwhile. */
function reloadInBackground(db: Db): void {
  reload(db).catch((e: unknown) =>
    console.error(`[budgets] could not reload limits: ${(e as Error).message}`),
  );
}

function fresh(s: Snapshot): Snapshot {
  if (Date.now() - s.loadedAt > RELOAD_MS) {
    s.loadedAt = Date.now();
    reloadInBackground(s.db);
  }
  return s;
}

/** What applies to a caller, or null when nothing does. */
export async function planFor(userId: string, tokenId: string | null): Promise<Plan | null> {
  return planIn(warmSnapshot() ?? (await snapshot()), userId, tokenId);
}

/**
 * planFor without a promise when the settings are in memory (the proxy's hot path: an await per
 * call costs more than the lookup); undefined when they are not loaded yet, and planFor must wait.
 */
export function planForSync(userId: string, tokenId: string | null): Plan | null | undefined {
  const s = warmSnapshot();
  return s ? planIn(s, userId, tokenId) : undefined;
}

/** Plans are cached per snapshot; a flood of callers cannot grow the cache past this. */
const PLANS_MAX = 10_000;
/** Each caller's plan, computed once per snapshot (a snapshot's settings are replaced, never changed). */
const plansOf = new WeakMap<Snapshot, Map<string, Plan | null>>();

function planIn(s: Snapshot, userId: string, tokenId: string | null): Plan | null {
  const key = tokenId === null ? userId : `${userId}\u0000${tokenId}`;
  let plans = plansOf.get(s);
  if (!plans) {
    plans = new Map();
    plansOf.set(s, plans);
  }
  const hit = plans.get(key);
  if (hit !== undefined) return hit;
  const plan = computePlan(s, userId, tokenId);
  if (plans.size >= PLANS_MAX) plans.clear();
  plans.set(key, plan);
  return plan;
}

function computePlan(s: Snapshot, userId: string, tokenId: string | null): Plan | null {
  const own = s.users.get(userId) ?? null;
  const token = tokenId ? (s.tokens.get(tokenId) ?? null) : null;
  if (!own && !s.team && !token) return null;
  const userSubject: LimitSubject = { kind: "user", id: userId };
  const userSoft = own?.softPercent ?? s.team?.softPercent ?? DEFAULT_SOFT_PERCENT;
  const plan: Plan = { limits: [], models: [], expires: null, needsBody: false, softPercent: userSoft };
  for (const m of METRICS) {
    const mine = own?.[m.key] as number | null | undefined;
    const team = s.team?.[m.key] as number | null | undefined;
    const limit = mine ?? team;
    if (limit != null) {
      plan.limits.push({
        scope: `user:${userId}`,
        subject: userSubject,
        from: mine != null ? "own" : "team",
        code: m.code,
        metric: m.metric,
        window: m.window,
        limit,
        softPercent: userSoft,
      });
    }
    const tokenLimit = token?.[m.key] as number | null | undefined;
    if (tokenId && tokenLimit != null) {
      plan.limits.push({
        scope: `token:${tokenId}`,
        subject: { kind: "token", id: tokenId },
        from: "own",
        code: m.code,
        metric: m.metric,
        window: m.window,
        limit: tokenLimit,
        softPercent: token?.softPercent ?? DEFAULT_SOFT_PERCENT,
      });
    }
  }
  const userModels = own?.models ?? s.team?.models ?? null;
  if (userModels) plan.models.push(userModels);
  if (token?.models) plan.models.push(token.models);
  const userExpiry = own?.expiresAt ?? s.team?.expiresAt ?? null;
  const candidates: { at: Date; whose: "token" | "account" }[] = [];
  if (userExpiry) candidates.push({ at: new Date(userExpiry), whose: "account" });
  if (token?.expiresAt) candidates.push({ at: new Date(token.expiresAt), whose: "token" });
  plan.expires = candidates.sort((a, b) => a.at.getTime() - b.at.getTime())[0] ?? null;
  plan.needsBody = plan.models.length > 0 || plan.limits.some((l) => l.metric !== "rpm");
  if (plan.limits.length === 0 && plan.models.length === 0 && !plan.expires) return null;
  return plan;
}

/** The model and expiry checks, which need no counter (403). */
export function checkPlan(plan: Plan, model: string | null, billed: boolean, now = new Date()): void {
  if (plan.expires && plan.expires.at.getTime() <= now.getTime()) {
    throw refusedExpired(plan.expires.at, plan.expires.whose);
  }
  if (!billed) return;
  for (const list of plan.models) {
    if (model === null || !modelAllowed(list, model)) throw refusedModel(model, list);
  }
}

/**
 * Checks every limit that applies (the token's, the user's or the team default) and holds the
 * worst case. Null when no counter applies (nothing to settle). Throws the 429 / 403 ApiError
 * (`budget_exceeded`, `rpm_exceeded`, … with `retry-after`) when one would be passed.
 */
export async function reserve(input: ReserveInput, known?: Plan | null): Promise<Reservation | null> {
  const plan = known === undefined ? await planFor(input.userId, input.tokenId) : known;
  if (!plan) return null;
  const billed = input.billed !== false;
  const now = new Date();
  checkPlan(plan, input.model, billed, now);
  const holds: Hold[] = [];
  plan.limits.forEach((l, i) => {
    if (!billed && l.metric !== "rpm") return;
    const amount = l.metric === "rpm" ? 1 : l.metric === "tpm" ? input.tokens : input.costMicros;
    holds.push({
      i,
      scope: l.scope,
      metric: l.metric,
      start: windowStartIso(l.window, now),
      lim: l.limit,
      amount: Math.max(0, Math.ceil(amount)),
    });
  });
  if (holds.length === 0) return null;
  // Unique without randomness per call (randomBytes cost ~60 µs on the hot path, a UUID ~7): a
  // random prefix per process, so instances sharing a database never meet, and a counter.
  const id = `bres_${RESERVATION_PREFIX}${(++shared.reservations).toString(36)}`;
  // Warm (the database open, the cells in memory) this is one synchronous step, with no await.
  const db = peekDb();
  const c = db ? countersOf(db) : await counters();
  let refused = c.tryReserve?.(id, holds);
  if (refused === undefined) refused = await c.reserve(id, holds);
  if (refused) {
    const l = plan.limits[refused.i] as Applied;
    const hold = holds.find((h) => h.i === refused.i) as Hold;
    const err = limitError(l, refused.used, refused.reserved, hold.amount, now);
    void noticeOfRefusal(input.userId, l, hold.start, (name) =>
      limitError(l, refused.used, refused.reserved, hold.amount, now, { tokenName: name }),
    ).catch(logNoticeFailure);
    throw err;
  }
  const r: Reservation = { id, costMicros: input.costMicros, tokens: input.tokens };
  shared.holds.set(r, { holds, plan, userId: input.userId });
  return r;
}

/**
 * The 429 for a limit a call would pass. The API's message speaks to the caller ("this token",
 * "this call"); a console notice (`notice`) is read later, under a heading that names the limit, so
 * it names the token and the refused call instead.
 */
function limitError(
  l: Applied,
  used: number,
  reserved: number,
  requested: number,
  now: Date,
  notice?: { tokenName: string | null },
): LimitError {
  const { end } = windowOf(l.window, now);
  const retryAfter = Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
  const token = notice ? `the token “${notice.tokenName ?? "(deleted)"}”` : "this token";
  const whose = l.subject.kind === "token" ? token : l.from === "team" ? "you (the team default)" : "you";
  const call = notice ? "the refused call" : "this call";
  const per =
    l.window === "minute" ? "per minute" : l.window === "day" ? "per day (UTC)" : "per calendar month (UTC)";
  const resets = `It resets at ${utcText(end)} (in ${inTime(retryAfter)}).`;
  const raise = "An admin can raise it in Settings → Budgets & limits.";
  let heading: string;
  let body: string;
  let unit: "requests" | "tokens" | "usd_micros";
  if (l.metric === "rpm") {
    unit = "requests";
    heading = "Request limit reached";
    body = `${l.limit} requests ${per} for ${whose}, and ${used + reserved} were made this minute. ${resets}`;
  } else if (l.metric === "tpm") {
    unit = "tokens";
    heading = "Token limit reached";
    body = `${l.limit} tokens ${per} for ${whose}; ${used} used and ${reserved} held by calls in progress, and ${call} could use up to ${requested} (input estimate plus its maximum output; lower max_output_tokens / max_tokens to ask for less). ${resets}`;
  } else {
    unit = "usd_micros";
    heading = "Budget reached";
    body = `${l.subject.kind === "token" ? `${token} has` : "you have"} spent ${usd(used)}${reserved ? ` (plus ${usd(reserved)} held by calls in progress)` : ""} of ${usd(l.limit)} ${per}, and ${call} could cost up to ${usd(requested)}. ${resets} ${raise}`;
  }
  const message = notice ? body[0]?.toUpperCase() + body.slice(1) : `${heading}: ${body}`;
  return new LimitError(
    l.code,
    message,
    {
      limit: l.limit,
      used,
      reserved,
      requested,
      window: l.window,
      resets_at: end.toISOString(),
      unit,
      scope: l.subject.kind === "token" ? "token" : "user",
    },
    retryAfter,
  );
}

/** The call ended with usage: the hold becomes the real cost and tokens. Exactly once per reservation. */
export async function settle(r: Reservation, actual: { costMicros: number; tokens: number }): Promise<void> {
  const held = shared.holds.get(r);
  if (!held) return;
  shared.holds.delete(r);
  const c = await counters();
  const tokens = Math.max(0, Math.ceil(actual.tokens));
  const micros = Math.max(0, Math.ceil(actual.costMicros));
  const run = () => c.settle(r.id, held.holds, tokens, micros);
  let after: Awaited<ReturnType<typeof run>>;
  try {
    after = await run();
  } catch {
    // A lost settlement loses the call's real cost (the reaper frees the hold; `used` never grows):
    // once more, then a line to reconcile by. Should the first have committed and only its answer been
    // lost, the retry counts the cost twice: erring high, never letting spend past a budget.
    try {
      after = await run();
    } catch (e) {
      console.error(
        `[budgets] lost the settlement of ${r.id}: ${micros} micro-dollars and ${tokens} tokens for user ${held.userId} (${(e as Error).message})`,
      );
      throw e;
    }
  }
  for (const a of after) {
    const l = held.plan.limits[a.i];
    if (!l || a.used === null || (l.metric !== "day" && l.metric !== "month")) continue;
    const threshold = Math.ceil((l.limit * l.softPercent) / 100);
    const used = a.used;
    if (used >= threshold && used - a.added < threshold) {
      const hold = held.holds.find((h) => h.i === a.i) as Hold;
      const name = l.subject.kind === "token" ? await tokenName(c.db, l.subject.id).catch(() => null) : null;
      const whose = l.subject.kind === "token" ? `The token “${name ?? "(deleted)"}” has` : "You have";
      const per = l.window === "day" ? "today's" : "this month's";
      const message = `${whose} used ${Math.floor((used / l.limit) * 100)}% of ${per} budget: ${usd(used)} of ${usd(l.limit)}. It resets at ${utcText(windowOf(l.window, new Date(hold.start)).end)}.`;
      await notify(c.db, held.userId, "soft_threshold", l, hold.start, message).catch(logNoticeFailure);
    }
  }
}

/** The call failed before any usage: the hold is let go. */
export async function release(r: Reservation): Promise<void> {
  await settle(r, { costMicros: 0, tokens: 0 });
}

/** One notice per kind, counter and window: the unique `dedupe` key makes a second insert a no-op. */
async function notify(
  db: Db,
  userId: string,
  kind: Notice["kind"],
  l: Applied,
  start: string,
  message: string,
): Promise<void> {
  await db.query(
    `insert into budget_notices (id, user_id, kind, code, message, href, dedupe)
     values ($1, $2, $3, $4, $5, '/limits', $6) on conflict (dedupe) do nothing`,
    [randomId("note"), userId, kind, l.code, message, noticeKey(userId, kind, l, start)],
  );
}

/** The notice's unique key: one per kind, counter and window (markRefusals reads limit hits by it). */
function noticeKey(userId: string, kind: Notice["kind"], l: Applied, start: string): string {
  return `${userId}|${kind}|${l.scope}|${l.metric}|${start}`;
}

/** A limit-hit notice, worded for the console (see limitError): the token's name is read for it. */
async function noticeOfRefusal(
  userId: string,
  l: Applied,
  start: string,
  message: (tokenName: string | null) => LimitError,
): Promise<void> {
  const db = await getDb();
  const name = l.subject.kind === "token" ? await tokenName(db, l.subject.id) : null;
  await notify(db, userId, "limit_hit", l, start, message(name).message);
}

async function tokenName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.query<{ name: string }>("select name from tokens where id = $1", [id]);
  return row?.name ?? null;
}

function logNoticeFailure(e: unknown): void {
  console.error(`[budgets] could not store a notice: ${(e as Error).message}`);
}

/** Lets go of the holds of calls older than any call runs (a process that died mid-call). */
export async function reapReservations(maxAgeSeconds = HOLD_MAX_SECONDS): Promise<number> {
  return (await counters()).reap(maxAgeSeconds);
}

function startReaper(): void {
  const run = () => {
    reapReservations().catch((e: unknown) => console.error(`[budgets] reaper: ${(e as Error).message}`));
  };
  run();
  if (!shared.reaper) {
    shared.reaper = setInterval(run, REAP_EVERY_MS);
    shared.reaper.unref();
  }
}

export async function listBudgets(): Promise<BudgetEntry[]> {
  const db = await getDb();
  const rows = await db.query<
    LimitRow & { user_email: string | null; token_name: string | null; token_email: string | null }
  >(
    `select l.*, u.email as user_email, t.name as token_name, tu.email as token_email
     from budget_limits l
     left join users u on l.kind = 'user' and u.id = l.subject_id
     left join tokens t on l.kind = 'token' and t.id = l.subject_id
     left join users tu on tu.id = t.user_id
     order by case l.kind when 'team' then 0 when 'user' then 1 else 2 end, coalesce(u.email, tu.email, ''), t.name`,
  );
  return rows.map((r) => ({
    subject: { kind: r.kind, id: r.kind === "team" ? null : r.subject_id },
    label:
      r.kind === "team"
        ? "Team defaults"
        : r.kind === "user"
          ? (r.user_email ?? r.subject_id)
          : `${r.token_name ?? r.subject_id} (${r.token_email ?? "unknown user"})`,
    settings: settingsOf(r),
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedBy: r.updated_by,
  }));
}

function checkSettings(s: LimitSettings): void {
  const whole = (v: number | null, name: string, max = Number.MAX_SAFE_INTEGER) => {
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > max)) {
      throw errors.badRequest(
        `${name} must be a whole number from 0 to ${max}, or null for none.`,
        name,
        "invalid_limit",
      );
    }
  };
  whole(s.rpm, "rpm", 2_147_483_647);
  whole(s.tpm, "tpm", 2_147_483_647);
  whole(s.usdPerDayMicros, "usdPerDayMicros");
  whole(s.usdPerMonthMicros, "usdPerMonthMicros");
  whole(s.softPercent, "softPercent", 100);
  if (s.expiresAt !== null && Number.isNaN(Date.parse(s.expiresAt))) {
    throw errors.badRequest(
      "expiresAt must be an ISO time, or null for never.",
      "expiresAt",
      "invalid_limit",
    );
  }
  if (
    s.models !== null &&
    (!Array.isArray(s.models) || s.models.some((m) => typeof m !== "string" || !m.trim()))
  ) {
    throw errors.badRequest(
      "models must be a list of model ids, or null for all.",
      "models",
      "invalid_limit",
    );
  }
}

/** Saves a subject's settings (all null removes them) and reloads this instance's copy at once. */
export async function setLimits(
  subject: LimitSubject,
  settings: LimitSettings,
  by: string | null,
): Promise<void> {
  if ((subject.kind === "team") !== (subject.id === null)) {
    throw errors.badRequest(
      "The team's subject has no id; a user's or token's needs one.",
      "subject",
      "invalid_subject",
    );
  }
  checkSettings(settings);
  const db = await getDb();
  const id = subject.id ?? "";
  const empty = Object.values(settings).every((v) => v === null);
  if (empty) {
    await db.query("delete from budget_limits where kind = $1 and subject_id = $2", [subject.kind, id]);
  } else {
    await db.query(
      `insert into budget_limits (kind, subject_id, rpm, tpm, usd_per_day_micros, usd_per_month_micros, models, expires_at, soft_percent, updated_at, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, now(), $10)
       on conflict (kind, subject_id) do update set rpm = $3, tpm = $4, usd_per_day_micros = $5,
         usd_per_month_micros = $6, models = $7::jsonb, expires_at = $8, soft_percent = $9, updated_at = now(), updated_by = $10`,
      [
        subject.kind,
        id,
        settings.rpm,
        settings.tpm,
        settings.usdPerDayMicros,
        settings.usdPerMonthMicros,
        settings.models === null ? null : JSON.stringify(settings.models.map((m) => m.trim())),
        settings.expiresAt,
        settings.softPercent,
        by,
      ],
    );
  }
  shared.snapshot = null;
  await reload(db);
  await tell({ kind: "budgets" });
}

/** The caller's own limits and what is used and held against each now. */
export async function headroomFor(userId: string, tokenId: string | null): Promise<Headroom> {
  const plan = await planFor(userId, tokenId);
  if (!plan) return { limits: [], models: null, expiresAt: null, softPercent: DEFAULT_SOFT_PERCENT };
  const now = new Date();
  const rows = await (await counters()).read(
    plan.limits.map((l) => ({
      scope: l.scope,
      metric: l.metric,
      start: windowOf(l.window, now).start.toISOString(),
    })),
  );
  const refusalKeys: string[] = [];
  const limits: LimitUsage[] = plan.limits.map((l) => {
    const w = windowOf(l.window, now);
    const start = w.start.toISOString();
    refusalKeys.push(noticeKey(userId, "limit_hit", l, start));
    const c = rows.find((r) => r.scope === l.scope && r.metric === l.metric && r.start === start);
    return {
      code: l.code,
      subject: l.subject,
      from: l.from,
      window: l.window,
      limit: l.limit,
      used: c?.used ?? 0,
      reserved: c?.reserved ?? 0,
      resetsAt: w.end.toISOString(),
      softPercent: l.softPercent,
    };
  });
  await markRefusals(userId, refusalKeys, limits);
  const models = allowedByAll(plan.models);
  return { limits, models, expiresAt: plan.expires?.at.toISOString() ?? null, softPercent: plan.softPercent };
}

/** Each limit that refused a call in its current window, from the notice that refusal left (its key). */
async function markRefusals(userId: string, keys: string[], limits: LimitUsage[]): Promise<void> {
  const rows = await (await getDb()).query<{ dedupe: string; created_at: Date | string }>(
    "select dedupe, created_at from budget_notices where user_id = $1 and dedupe = any($2::text[])",
    [userId, keys],
  );
  for (const r of rows) {
    const l = limits[keys.indexOf(r.dedupe)];
    if (l) l.refusedAt = new Date(r.created_at).toISOString();
  }
}

export async function noticesFor(userId: string): Promise<Notice[]> {
  const db = await getDb();
  const rows = await db.query<{
    id: string;
    kind: Notice["kind"];
    code: LimitCode | null;
    message: string;
    created_at: Date | string;
    href: string | null;
  }>(
    `select id, kind, code, message, created_at, href from budget_notices
     where user_id = $1 and dismissed_at is null order by created_at desc limit 50`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    code: r.code,
    message: r.message,
    createdAt: new Date(r.created_at).toISOString(),
    href: r.href,
  }));
}

/** Dismisses one of the user's own notices; another user's id is not found. */
export async function dismissNotice(userId: string, id: string): Promise<void> {
  const db = await getDb();
  const rows = await db.query(
    "update budget_notices set dismissed_at = now() where id = $1 and user_id = $2 returning id",
    [id, userId],
  );
  if (rows.length === 0) throw errors.notFound("No such notice.", "notice_not_found");
}
