import "server-only";
import { costMicros, estimateUsage } from "@/lib/pricing/cost";
import type { TokenUsage } from "@/lib/usage";
import { getDb } from "./db";
import { quoteFor } from "./pricing";
import { stripControl } from "./text";
import { answerAsk, askMain, isWebThread } from "./threads";
import { rollupInsert } from "./usage-rollup";

export interface LedgerEntry {
  at: Date;
  userId: string | null;
  tokenId: string | null;
  method: string;
  path: string;
  model: string | null;
  status: number;
  durationMs: number;
  ttfbMs: number | null;
  upstreamRequestId: string | null;
  stream: boolean;
  aborted: boolean;
  errorType: string | null;
  errorCode: string | null;
  usage: TokenUsage | null;
  requestBytes: number;
  responseBytes: number;
  /** A file created by this call (upload, or upload completion). */
  fileId?: string | null;
  /** Images an images call returned (its `data`, or its streamed `…completed` events). */
  images?: number | null;
  /** A Responses call that named a saved assistant (`prompt.id`), the version it ran, and its conversation. */
  assistantId?: string | null;
  assistantVersion?: number | null;
  conversationId?: string | null;
}

/**
 * Entries are queued in memory and written in batches off the request path, so a slow or failing
 * database never delays or fails a proxied call. Past the cap, entries are dropped and counted.
 */
const FLUSH_MS = 250;
const BATCH = 200;
const CAP = 20_000;

const state = globalThis as unknown as {
  __benchtopLedger?: {
    queue: LedgerEntry[];
    timer: NodeJS.Timeout | null;
    flushing: Promise<void> | null;
    dropped: number;
  };
};
state.__benchtopLedger ??= { queue: [], timer: null, flushing: null, dropped: 0 };
const ledger = state.__benchtopLedger;

/**
 * Calls that will write an entry but have not yet: a shutdown that cuts connections waits for their
 * entries (written a few ticks after the cut) before the last flush.
 */
const openCalls = globalThis as { __benchtopLedgerCalls?: { open: number; waiters: Set<() => void> } };
openCalls.__benchtopLedgerCalls ??= { open: 0, waiters: new Set() };
const calls = openCalls.__benchtopLedgerCalls;

/** Marks a call that will record an entry; the returned function is called once it has. */
export function openCall(): () => void {
  calls.open++;
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    calls.open--;
    if (calls.open === 0) for (const w of calls.waiters) w();
  };
}

/** Resolves when every open call has recorded its entry, or after `ms`. */
export function callsRecorded(ms: number): Promise<boolean> {
  if (calls.open === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      calls.waiters.delete(waiter);
      resolve(ok);
    };
    const waiter = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    calls.waiters.add(waiter);
  });
}

export function record(entry: LedgerEntry): void {
  if (ledger.queue.length >= CAP) {
    // Say so in the log, once per thousand, rather than slow the call down.
    if (ledger.dropped++ % 1000 === 0) {
      console.warn(`[ledger] queue full (${CAP} entries): ${ledger.dropped} entries dropped so far`);
    }
    return;
  }
  ledger.queue.push(entry);
  ledger.timer ??= setTimeout(() => void flushHere(), FLUSH_MS);
}

export const COLS = [
  "at",
  "user_id",
  "token_id",
  "method",
  "path",
  "model",
  "status",
  "duration_ms",
  "ttfb_ms",
  "upstream_request_id",
  "stream",
  "aborted",
  "error_type",
  "error_code",
  "input_tokens",
  "cached_tokens",
  "output_tokens",
  "reasoning_tokens",
  "request_bytes",
  "response_bytes",
  "file_id",
  "images",
  "assistant_id",
  "assistant_version",
  "conversation_id",
  "cost_micros",
  "cost_estimated",
  "price_source",
  "price_as_of",
  "audio_seconds",
];

export interface EntryCost {
  /** Micro-dollars; null when nothing could be priced (no model, or no price for it). */
  costMicros: number | null;
  estimated: boolean;
  source: string | null;
  asOf: string | null;
}

/** Endpoints whose answer is text the model generated: an unreported answer's bytes estimate its output. */
const TEXT_OUT = /^\/v1\/(responses|chat\/completions|completions)(\/|$|\?)/;

/**
 * A call's cost at the price in force when its entry is written (never on the request path; past
 * calls keep it). A call with no reported usage is estimated from its bytes (docs/pricing.md): a
 * failed call is not billed, a successful one is, and is flagged.
 */
export async function entryCost(e: LedgerEntry): Promise<EntryCost> {
  if (!e.model) return { costMicros: null, estimated: false, source: null, asOf: null };
  const quote = await quoteFor(e.model).catch(() => null);
  if (!quote) return { costMicros: null, estimated: false, source: null, asOf: null };
  const priced = { source: quote.source, asOf: quote.asOf };
  if (e.usage) {
    const cost = costMicros(quote, { ...e.usage, images: e.images ?? 0 });
    return { costMicros: cost, estimated: false, ...priced };
  }
  if (e.status >= 400) return { costMicros: 0, estimated: false, ...priced };
  const guess = estimateUsage(e.requestBytes, TEXT_OUT.test(e.path) ? e.responseBytes : 0);
  return { costMicros: costMicros(quote, { ...guess, images: e.images ?? 0 }), estimated: true, ...priced };
}

/** Postgres refuses NUL in text, and one such value loses its whole batch: text from outside is cleaned. */
const text = (v: string | null | undefined, max: number) =>
  v == null ? null : stripControl(v).slice(0, max);

export function ledgerRow(e: LedgerEntry, c: EntryCost): unknown[] {
  return [
    e.at,
    e.userId,
    e.tokenId,
    e.method,
    text(e.path, 500),
    text(e.model, 200),
    e.status,
    Math.round(e.durationMs),
    e.ttfbMs === null ? null : Math.round(e.ttfbMs),
    text(e.upstreamRequestId, 200),
    e.stream,
    e.aborted,
    text(e.errorType, 200),
    text(e.errorCode, 200),
    e.usage?.input ?? null,
    e.usage?.cached ?? null,
    e.usage?.output ?? null,
    e.usage?.reasoning ?? null,
    e.requestBytes,
    e.responseBytes,
    text(e.fileId, 200),
    e.images ?? null,
    text(e.assistantId, 200),
    e.assistantVersion ?? null,
    text(e.conversationId, 200),
    c.costMicros,
    c.estimated,
    c.source,
    c.asOf,
    e.usage?.audioSeconds ?? null,
  ];
}

/**
 * One statement inserts the batch and adds it to the rollup (lib/server/usage-rollup.ts), so the rollup never misses or
 * double-counts a row that is in the ledger.
 */
export function ledgerInsertSql(values: string[]): string {
  return `with ins as (
      insert into ledger (${COLS.join(", ")}) values ${values.join(", ")}
      returning at, user_id, token_id, model, path, assistant_id, status, input_tokens, cached_tokens,
                output_tokens, reasoning_tokens, images, audio_seconds, cost_micros, cost_estimated
    ) ${rollupInsert("ins")}`;
}

/** Writes what is queued, in both threads of the production server (the proxy's queue is the main thread's). */
export async function flushLedger(): Promise<void> {
  if (isWebThread()) await Promise.all([flushHere(), askMain("flush-ledger")]);
  else await flushHere();
}

answerAsk("flush-ledger", flushHere);

async function flushHere(): Promise<void> {
  if (ledger.timer) clearTimeout(ledger.timer);
  ledger.timer = null;
  if (ledger.flushing) await ledger.flushing;
  const run = async () => {
    while (ledger.queue.length) {
      const batch = ledger.queue.splice(0, BATCH);
      const costs = await Promise.all(batch.map(entryCost));
      const params: unknown[] = [];
      const values = batch.map((e, i) => {
        const r = ledgerRow(e, costs[i] as EntryCost);
        const start = params.length;
        params.push(...r);
        return `(${r.map((_, i) => `$${start + i + 1}`).join(", ")})`;
      });
      try {
        const db = await getDb();
        await db.query(ledgerInsertSql(values), params);
      } catch (e) {
        ledger.dropped += batch.length;
        console.error(`[ledger] could not write ${batch.length} entries: ${(e as Error).message}`);
      }
    }
  };
  ledger.flushing = run().finally(() => {
    ledger.flushing = null;
  });
  await ledger.flushing;
}

export interface LedgerRow {
  at: string;
  userId: string | null;
  tokenId: string | null;
  method: string;
  path: string;
  model: string | null;
  status: number;
  stream: boolean;
  inputTokens: number | null;
  outputTokens: number | null;
  images: number | null;
  requestBytes: number | null;
  responseBytes: number | null;
  /** A call that named a saved assistant (`prompt`): which, the version it ran, its conversation. */
  assistantId: string | null;
  assistantVersion: number | null;
  conversationId: string | null;
}

/** The latest entries, newest first (what is queued is written first); for operators and tests. */
export async function recentLedger(opts: { path?: string; limit?: number } = {}): Promise<LedgerRow[]> {
  await flushLedger();
  const limit = Math.min(1000, Math.max(1, Math.floor(opts.limit ?? 20)));
  const db = await getDb();
  const rows = await db.query<Record<string, unknown>>(
    `select at, user_id, token_id, method, path, model, status, stream, input_tokens, output_tokens, images,
            request_bytes, response_bytes, assistant_id, assistant_version, conversation_id
       from ledger ${opts.path ? "where path = $2" : ""} order by id desc limit $1`,
    opts.path ? [limit, opts.path] : [limit],
  );
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    at: new Date(r.at as string).toISOString(),
    userId: (r.user_id as string | null) ?? null,
    tokenId: (r.token_id as string | null) ?? null,
    method: String(r.method),
    path: String(r.path),
    model: (r.model as string | null) ?? null,
    status: Number(r.status),
    stream: Boolean(r.stream),
    inputTokens: n(r.input_tokens),
    outputTokens: n(r.output_tokens),
    images: n(r.images),
    requestBytes: n(r.request_bytes),
    responseBytes: n(r.response_bytes),
    assistantId: (r.assistant_id as string | null) ?? null,
    assistantVersion: n(r.assistant_version),
    conversationId: (r.conversation_id as string | null) ?? null,
  }));
}
