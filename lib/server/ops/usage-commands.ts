import "server-only";
import { randomBytes } from "node:crypto";
import { errors } from "@/lib/errors";
import type { User } from "../auth/users";
import { getDb } from "../db";
import { COLS, entryCost, type LedgerEntry, ledgerInsertSql, ledgerRow } from "../ledger";
import { parseUsageQuery, usageReport } from "../usage";
import type { Args, CommandSpec } from "./commands";

const str = (args: Args, name: string): string | undefined => {
  const v = args[name];
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
};

/** The operator reads as an admin: everyone's usage, or one user's with --email. */
const OPERATOR: User = {
  id: "ops",
  email: "ops@localhost",
  name: "Operator",
  role: "admin",
  disabledAt: null,
  createdAt: new Date(0).toISOString(),
};

async function userIdsByEmail(emails: string[]): Promise<string[]> {
  const db = await getDb();
  const rows = await db.query<{ id: string; email: string }>(
    "select id, email from users where lower(email) = any($1)",
    [emails.map((e) => e.toLowerCase())],
  );
  const missing = emails.filter((e) => !rows.some((r) => r.email.toLowerCase() === e.toLowerCase()));
  if (missing.length) throw errors.notFound(`No user with email ${missing.join(", ")}.`);
  return rows.map((r) => r.id);
}

export const USAGE_COMMANDS: Record<string, CommandSpec> = {
  usage: {
    usage:
      "usage --since DATE [--until DATE] [--group model|user|token|endpoint|assistant|none] [--bucket day|hour] [--email E]",
    summary:
      "Requests, tokens and cost from the ledger's rollup (the Usage page's report), for everyone or one user.",
    async run(args) {
      const since = str(args, "since");
      if (!since) throw errors.badRequest("Missing --since (e.g. 2026-11-01).", "since");
      const params = new URLSearchParams({
        from: since,
        to: str(args, "until") ?? new Date(Date.now() + 3_600_000).toISOString(),
        bucket: str(args, "bucket") ?? "day",
        group: str(args, "group") ?? "model",
      });
      const email = str(args, "email");
      if (email) params.set("user", (await userIdsByEmail([email]))[0] as string);
      const { format: _, ...query } = parseUsageQuery(params);
      return usageReport(OPERATOR, query);
    },
  },
};

const MODELS: { model: string; path: string; input: number; output: number; images?: boolean }[] = [
  { model: "gpt-5-mini", path: "/v1/responses", input: 1_500, output: 600 },
  { model: "gpt-4.1", path: "/v1/chat/completions", input: 3_000, output: 800 },
  { model: "gpt-4o-mini", path: "/v1/chat/completions", input: 800, output: 300 },
  { model: "gpt-5", path: "/v1/responses", input: 6_000, output: 2_000 },
  { model: "text-embedding-3-small", path: "/v1/embeddings", input: 400, output: 0 },
  { model: "gpt-image-1", path: "/v1/images/generations", input: 60, output: 4_160, images: true },
];

/**
 * Past calls for the Usage page's e2e and screenshots: several models, users, tokens and
 * endpoints, an assistant, some errors and some calls without usage (estimated), written with the
 * ledger's own insert so their rollups are exactly what real calls would make.
 */
export const LEDGER_SEED_COMMAND: CommandSpec = {
  usage: "ledger:seed --rows N --days D [--emails a@x,b@y]",
  summary: "Write N realistic past calls over the last D days, with their rollups (test consoles only).",
  async run(args) {
    const rows = Number(str(args, "rows") ?? 1000);
    const days = Number(str(args, "days") ?? 30);
    if (!Number.isInteger(rows) || rows < 1 || rows > 200_000)
      throw errors.badRequest("--rows must be a whole number from 1 to 200000.", "rows");
    if (!Number.isFinite(days) || days <= 0 || days > 400)
      throw errors.badRequest("--days must be a number from 1 to 400.", "days");
    const emails = str(args, "emails")
      ?.split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    const db = await getDb();
    const userIds = emails?.length
      ? await userIdsByEmail(emails)
      : (await db.query<{ id: string }>("select id from users where disabled_at is null")).map((r) => r.id);
    if (!userIds.length) throw errors.badRequest("No users to attribute calls to.", "emails");
    const tokens = await db.query<{ id: string; user_id: string }>(
      "select id, user_id from tokens where user_id = any($1) and revoked_at is null",
      [userIds],
    );
    const [assistant] = await db.query<{ id: string }>(
      "select id from assistants where deleted_at is null order by created_at limit 1",
    );
    const now = Date.now();
    const entries: LedgerEntry[] = [];
    for (let i = 0; i < rows; i++) {
      const userId = userIds[i % userIds.length] as string;
      const own = tokens.filter((t) => t.user_id === userId);
      const m = MODELS[Math.floor(Math.random() ** 1.5 * MODELS.length)] as (typeof MODELS)[number];
      const roll = Math.random();
      const status = roll < 0.04 ? 429 : roll < 0.05 ? 500 : 200;
      const scale = 0.3 + Math.random() * 1.4;
      const input = Math.round(m.input * scale);
      const output = status === 200 ? Math.round(m.output * scale) : 0;
      // About 5% of successful calls report no usage (a stream cut short): their cost is estimated.
      const unreported = status === 200 && Math.random() < 0.05;
      const withAssistant = assistant && m.path === "/v1/responses" && Math.random() < 0.2;
      entries.push({
        at: new Date(now - Math.random() * days * 86_400_000),
        userId,
        tokenId: own.length && Math.random() < 0.6 ? (own[i % own.length]?.id ?? null) : null,
        method: "POST",
        path: m.path,
        model: m.model,
        status,
        durationMs: 200 + Math.round(Math.random() * 4000),
        ttfbMs: 100 + Math.round(Math.random() * 600),
        upstreamRequestId: `req_seed_${randomBytes(6).toString("hex")}`,
        stream: m.path === "/v1/responses",
        aborted: false,
        errorType: status === 429 ? "rate_limit_error" : status === 500 ? "server_error" : null,
        errorCode: status === 429 ? "rate_limit_exceeded" : null,
        usage:
          status !== 200 || unreported
            ? null
            : {
                input,
                cached: Math.random() < 0.3 ? Math.round(input * 0.5) : 0,
                output,
                reasoning: m.model.startsWith("gpt-5") ? Math.round(output * 0.4) : 0,
              },
        requestBytes: input * 4,
        responseBytes: output * 4 + 300,
        images: m.images && status === 200 ? 1 : null,
        assistantId: withAssistant ? assistant.id : null,
        assistantVersion: withAssistant ? 1 : null,
        conversationId: null,
      });
    }
    // 500 rows × 30 columns stays well under PostgreSQL's 65,535 parameters.
    for (let start = 0; start < entries.length; start += 500) {
      const batch = entries.slice(start, start + 500);
      const costs = await Promise.all(batch.map(entryCost));
      const params: unknown[] = [];
      const values = batch.map((e, i) => {
        const r = ledgerRow(e, costs[i] as Awaited<ReturnType<typeof entryCost>>);
        const at = params.length;
        params.push(...r);
        return `(${r.map((_, j) => `$${at + j + 1}`).join(", ")})`;
      });
      await db.query(ledgerInsertSql(values), params);
    }
    return { rows, days, users: userIds.length, tokens: tokens.length, columns: COLS.length };
  },
};

/** `ledger:seed` exists only where BENCHTOP_ALLOW_LEDGER_SEED=1 (e2e consoles): it writes fake spend. */
export function usageCommands(
  env: Record<string, string | undefined> = process.env,
): Record<string, CommandSpec> {
  return env.BENCHTOP_ALLOW_LEDGER_SEED === "1"
    ? { ...USAGE_COMMANDS, "ledger:seed": LEDGER_SEED_COMMAND }
    : USAGE_COMMANDS;
}
