import "server-only";
import { errors } from "@/lib/errors";
import {
  type HistoryPage,
  type HistoryRunDto,
  type HistoryRunStatus,
  type HistoryRunSummary,
  type RecordRunInput,
  recordRunSchema,
} from "@/lib/history/schema";
import { applyOverrides, costOf, resolveModel } from "@/lib/models/catalogue";
import { describeProblem, readPresetState } from "@/lib/playground/snapshot";
import type { Setup } from "@/lib/playground/types";
import { randomId } from "./auth/crypto";
import { getDb, type Queryable } from "./db";
import { parseValue } from "./http";
import { maskSecrets } from "./secret-shapes";
import { getModelOverrides, getSetting, setSetting } from "./settings";

/**
 * Playground history: every finished run (done, stopped or failed), kept per user and private to
 * them — admins included, every query is by owner. Nothing here ever holds the upstream key: runs
 * carry the request body, never its headers, and any key or token typed into a prompt is masked
 * before it is stored. docs/history.md has the choices.
 */

/** The largest run stored: a setup with inline images and a long reply fits; a request body of it too. */
export const RUN_MAX_BYTES = 2 * 1024 * 1024;
export const RUN_BODY_MAX_BYTES = RUN_MAX_BYTES + 64 * 1024;
/** The oldest runs beyond this are dropped as new ones arrive. */
export const RUNS_PER_USER_MAX = 2000;
export const HISTORY_PAGE_MAX = 100;
export const DEFAULT_RETENTION_DAYS = 30;
const PREVIEW_CHARS = 200;
const SEARCH_TEXT_MAX = 200_000;

const RETENTION = "history_retention_days";

/** Days runs are kept; 0 means history is off. */
export async function getRetentionDays(q?: Queryable): Promise<number> {
  const v = await getSetting<unknown>(RETENTION, DEFAULT_RETENTION_DAYS, q);
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : DEFAULT_RETENTION_DAYS;
}

/** Sets the retention; turning history off deletes every stored run (the UI asks first). */
export async function setRetentionDays(days: number): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await setSetting(RETENTION, days, tx);
    if (days === 0) await tx.query("delete from runs");
    else await pruneExpired(tx, days);
  });
}

async function pruneExpired(q: Queryable, days: number): Promise<void> {
  await q.query("delete from runs where created_at < now() - ($1::int * interval '1 day')", [days]);
}

const firstLine = (s: string) =>
  (
    s
      .split(/\r\n|\r|\n/)
      .find((l) => l.trim())
      ?.trim() ?? ""
  ).slice(0, PREVIEW_CHARS);

function inputPreview(setup: Setup): string {
  if (setup.api === "completions") return firstLine(setup.prompt);
  const lastUser = setup.messages.findLast((m) => m.role === "user" && m.content.trim());
  return firstLine(lastUser?.content ?? setup.messages.findLast((m) => m.content.trim())?.content ?? "");
}

function outputPreview(out: RecordRunInput["output"]): string {
  const c = out.choices[0];
  if (c?.text.trim()) return firstLine(c.text);
  if (c?.refusal) return firstLine(`Refused: ${c.refusal}`);
  if (c?.toolCalls.length) return firstLine(`Tool calls: ${c.toolCalls.map((t) => t.name).join(", ")}`);
  return out.error ? firstLine(`Error: ${out.error.message}`) : "";
}

function searchTextOf(setup: Setup, out: RecordRunInput["output"]): string {
  const parts = [
    setup.model,
    setup.instructions,
    setup.prompt,
    ...setup.messages.map((m) => m.content),
    ...out.choices.flatMap((c) => [c.text, c.refusal, ...c.toolCalls.map((t) => `${t.name} ${t.arguments}`)]),
    out.error?.message ?? "",
  ];
  return parts.filter(Boolean).join("\n").toLowerCase().slice(0, SEARCH_TEXT_MAX);
}

interface RunRow {
  id: string;
  created_at: Date;
  target: string;
  api: string;
  model: string;
  status: HistoryRunStatus;
  http_status: number | null;
  total_ms: number | null;
  ttft_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost: number | null;
  input_preview: string;
  output_preview: string;
}

interface FullRow extends RunRow {
  setup: Record<string, unknown>;
  request: HistoryRunDto["request"];
  output: HistoryRunDto["output"] & { usage: HistoryRunDto["usage"] };
}

const SUMMARY = `id, created_at, target, api, model, status, http_status, total_ms, ttft_ms, input_tokens,
  output_tokens, cost, input_preview, output_preview`;

function toSummary(r: RunRow): HistoryRunSummary {
  return {
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    target: r.target,
    api: r.api,
    model: r.model,
    status: r.status,
    httpStatus: r.http_status,
    totalMs: r.total_ms,
    ttftMs: r.ttft_ms,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    // PostgreSQL's double precision arrives as a number; a numeric driver setting would send a string.
    cost: r.cost === null ? null : Number(r.cost),
    inputPreview: r.input_preview,
    outputPreview: r.output_preview,
  };
}

const tooLarge = () =>
  errors.badRequest(
    `This run is larger than history keeps (${RUN_MAX_BYTES / 1024 / 1024} MiB), so it was not saved. Large inline images are the usual cause.`,
    null,
    "run_too_large",
  );

/**
 * Stores a finished run for its user, or nothing when history is off (returns null). Expired runs
 * and the user's oldest beyond the cap go in the same transaction.
 */
export async function recordRun(userId: string, raw: unknown): Promise<HistoryRunSummary | null> {
  const input = parseValue(recordRunSchema, raw);
  const parsed = readPresetState({ setup: input.setup });
  if (!parsed.ok) {
    throw errors.badRequest(
      `This run's setup cannot be stored: ${describeProblem(parsed)}.`,
      parsed.path ? `setup.${parsed.path.replace(/^setup\.?/, "")}` : "setup",
      "invalid_setup",
    );
  }
  const setup = parsed.value.setup;
  const output = { ...input.output, usage: input.usage };
  const json = maskSecrets(JSON.stringify({ setup, request: input.request, output }));
  const bytes = Buffer.byteLength(json, "utf8");
  if (bytes > RUN_MAX_BYTES) throw tooLarge();
  const masked = JSON.parse(json) as { setup: Setup; request: unknown; output: RecordRunInput["output"] };

  const db = await getDb();
  const days = await getRetentionDays();
  if (days === 0) return null;
  const model = applyOverrides(resolveModel(setup.model), await getModelOverrides());
  const cost = input.usage ? costOf(model, input.usage) : null;
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return db.transaction(async (tx) => {
    const [row] = await tx.query<RunRow>(
      `insert into runs (id, user_id, target, api, model, status, http_status, total_ms, ttft_ms,
         input_tokens, output_tokens, cost, input_preview, output_preview, search_text, bytes,
         setup, request, output)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
         $17::jsonb, $18::jsonb, $19::jsonb)
       returning ${SUMMARY}`,
      [
        randomId("run"),
        userId,
        input.target,
        setup.api,
        setup.model,
        input.status,
        input.httpStatus,
        round(input.totalMs),
        round(input.ttftMs),
        input.usage?.input ?? null,
        input.usage?.output ?? null,
        cost,
        inputPreview(masked.setup),
        outputPreview(masked.output),
        searchTextOf(masked.setup, masked.output),
        bytes,
        JSON.stringify(masked.setup),
        JSON.stringify(masked.request),
        JSON.stringify(masked.output),
      ],
    );
    await pruneExpired(tx, days);
    await tx.query(
      `delete from runs where user_id = $1 and id in (
         select id from runs where user_id = $1 order by created_at desc, id desc offset $2)`,
      [userId, RUNS_PER_USER_MAX],
    );
    if (!row) throw new Error("insert returned no row");
    return toSummary(row);
  });
}

export interface ListOptions {
  q?: string;
  api?: string;
  model?: string;
  /** The id of the last run of the previous page. */
  cursor?: string;
  limit?: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The user's runs, newest first, a page at a time. */
export async function listRuns(userId: string, opts: ListOptions = {}): Promise<HistoryPage> {
  const db = await getDb();
  const days = await getRetentionDays();
  if (days === 0) return { data: [], nextCursor: null };
  await pruneExpired(db, days);
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), HISTORY_PAGE_MAX);
  const where = ["user_id = $1"];
  const params: unknown[] = [userId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace("?", `$${params.length}`));
  };
  const q = opts.q?.trim().toLowerCase();
  if (q) add("search_text like ? escape '\\'", `%${escapeLike(q)}%`);
  if (opts.api) add("api = ?", opts.api);
  if (opts.model) add("model = ?", opts.model);
  // Keyset paging on (created_at, id): stable while new runs arrive on top.
  if (opts.cursor)
    add("(created_at, id) < (select created_at, id from runs where id = ? and user_id = $1)", opts.cursor);
  params.push(limit + 1);
  const rows = await db.query<RunRow>(
    `select ${SUMMARY} from runs where ${where.join(" and ")}
      order by created_at desc, id desc limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  return {
    data: page.map(toSummary),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The APIs and models the user's runs used, for the filters. */
export async function runFacets(userId: string): Promise<{ apis: string[]; models: string[] }> {
  const db = await getDb();
  const rows = await db.query<{ api: string; model: string }>(
    "select distinct api, model from runs where user_id = $1",
    [userId],
  );
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  return { apis: sorted(rows.map((r) => r.api)), models: sorted(rows.map((r) => r.model)) };
}

const notFound = (id: string) => errors.notFound(`No run with id ${id} in your history.`);

/** One of the user's own runs; anyone else's is "not found", admins' requests included. */
export async function getRun(userId: string, id: string): Promise<HistoryRunDto> {
  const db = await getDb();
  const days = await getRetentionDays();
  const [row] = await db.query<FullRow>(
    `select ${SUMMARY}, setup, request, output from runs
      where id = $1 and user_id = $2 and created_at >= now() - ($3::int * interval '1 day')`,
    [id, userId, days],
  );
  if (!row) throw notFound(id);
  const { usage, ...output } = row.output;
  const setup = readPresetState({ setup: row.setup });
  return {
    ...toSummary(row),
    setup: setup.ok ? setup.value.setup : null,
    setupProblem: setup.ok ? null : describeProblem(setup),
    request: row.request,
    output,
    usage: usage ?? null,
  };
}

export async function deleteRun(userId: string, id: string): Promise<void> {
  const db = await getDb();
  const rows = await db.query<{ id: string }>(
    "delete from runs where id = $1 and user_id = $2 returning id",
    [id, userId],
  );
  if (!rows[0]) throw notFound(id);
}

/** Deletes all of the user's runs; returns how many. */
export async function deleteAllRuns(userId: string): Promise<number> {
  const db = await getDb();
  const rows = await db.query<{ id: string }>("delete from runs where user_id = $1 returning id", [userId]);
  return rows.length;
}
