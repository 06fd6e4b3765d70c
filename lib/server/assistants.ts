import "server-only";
import { randomBytes } from "node:crypto";
import type * as z from "zod/mini";
import { convertImport } from "@/lib/assistants/legacy";
import {
  ASSISTANT_EXPORT_FORMAT,
  ASSISTANT_ID,
  ASSISTANT_LIMITS,
  type AssistantConfig,
  type AssistantConversation,
  type AssistantDetail,
  type AssistantExport,
  type AssistantSummary,
  type AssistantTurn,
  type AssistantVersion,
  type AssistantVersionSummary,
  type AssistantVisibility,
  assistantConfigSchema,
  type ImportResult,
  type SaveVersionInput,
} from "@/lib/assistants/schema";
import { type ConfigIssue, validateConfig } from "@/lib/assistants/validate";
import { ApiError, errors } from "@/lib/errors";
import { applyOverrides, costOf, resolveModel } from "@/lib/models/catalogue";
import { openSecret, sealSecret } from "./auth/crypto";
import { getDb, type Queryable } from "./db";
import { flushLedger } from "./ledger";
import { getModelOverrides } from "./settings";
import { onTold, tell } from "./threads";
import { getOpenAI } from "./upstream";

/**
 * Assistants in the database (docs/assistants-server.md): a head row per assistant, one immutable
 * row per version, MCP header values sealed apart from versions, and an index of conversations.
 *
 * Rights: team assistants are seen and called by every member, private ones by their owner alone
 * (anyone else, admins included, gets "not found", as for private images). The owner or an admin
 * edits (saves versions, marks production, changes visibility, deletes, restores).
 */

export interface Viewer {
  id: string;
  role: "admin" | "member";
}

export interface ListOptions {
  q?: string;
  owner?: "me" | "all";
  /** Soft-deleted ones only (the "Recently deleted" view). */
  deleted?: boolean;
  cursor?: string;
  limit?: number;
}

export const ASSISTANT_PAGE_MAX = 100;
/** A save carries one version: instructions up to 256k characters, schemas, mocks. */
export const ASSISTANT_BODY_MAX_BYTES = 4 * 1024 * 1024;
/** An import may carry every version of an assistant. */
export const ASSISTANT_IMPORT_MAX_BYTES = 16 * 1024 * 1024;
const SEARCH_TEXT_MAX = 300_000;
const DAY_MS = 86_400_000;

interface HeadRow {
  id: string;
  owner_id: string;
  owner_name: string | null;
  owner_email: string | null;
  name: string;
  description: string;
  model: string;
  visibility: AssistantVisibility;
  latest_version: number;
  production_version: number | null;
  version_count: number;
  created_at: Date;
  updated_at: Date;
  last_used_at: Date | null;
  deleted_at: Date | null;
}

const HEAD = `a.id, a.owner_id, u.name as owner_name, u.email as owner_email, a.name, a.description, a.model,
  a.visibility, a.latest_version, a.production_version,
  (select count(*)::int from assistant_versions v where v.assistant_id = a.id) as version_count,
  a.created_at, a.updated_at, a.last_used_at, a.deleted_at`;
const FROM = "assistants a left join users u on u.id = a.owner_id";
/** Visible to the viewer ($1). */
const VISIBLE = "(a.owner_id = $1 or a.visibility = 'team')";

const iso = (d: Date | string) => new Date(d).toISOString();
const canEditRow = (viewer: Viewer, r: { owner_id: string }) =>
  r.owner_id === viewer.id || viewer.role === "admin";

function toSummary(viewer: Viewer, r: HeadRow): AssistantSummary {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    model: r.model,
    visibility: r.visibility,
    owner: { userId: r.owner_id, name: r.owner_name ?? "", email: r.owner_email ?? "" },
    latestVersion: r.latest_version,
    productionVersion: r.production_version,
    versionCount: r.version_count,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    lastUsedAt: r.last_used_at ? iso(r.last_used_at) : null,
    deletedAt: r.deleted_at ? iso(r.deleted_at) : null,
    purgeAt: r.deleted_at
      ? new Date(new Date(r.deleted_at).getTime() + ASSISTANT_LIMITS.restoreDays * DAY_MS).toISOString()
      : null,
    canEdit: canEditRow(viewer, r),
  };
}

const notFound = (id: string) => errors.notFound(`No assistant with id ${id}.`, "assistant_not_found");

const newId = () => `asst_bt_${randomBytes(12).toString("hex")}`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function searchText(c: AssistantConfig): string {
  return [c.name, c.description, c.instructions].join("\n").toLowerCase().slice(0, SEARCH_TEXT_MAX);
}

/** Soft-deleted assistants past their restore window go for good (lazily, on list and at boot). */
export async function purgeDeleted(q?: Queryable): Promise<number> {
  const db = q ?? (await getDb());
  const rows = await db.query<{ id: string }>(
    "delete from assistants where deleted_at < now() - ($1::int * interval '1 day') returning id",
    [ASSISTANT_LIMITS.restoreDays],
  );
  await Promise.all(rows.map((r) => invalidate(r.id)));
  return rows.length;
}

export async function listAssistants(
  viewer: Viewer,
  opts: ListOptions,
): Promise<{ data: AssistantSummary[]; nextCursor: string | null }> {
  const db = await getDb();
  await purgeDeleted(db);
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), ASSISTANT_PAGE_MAX);
  const params: unknown[] = [viewer.id];
  const where = [VISIBLE, opts.deleted ? "a.deleted_at is not null" : "a.deleted_at is null"];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll("?", `$${params.length}`));
  };
  if (opts.owner === "me") where.push("a.owner_id = $1");
  const q = opts.q?.trim().toLowerCase();
  if (q) add("a.search_text like ? escape '\\'", `%${escapeLike(q)}%`);
  if (opts.cursor)
    add("(a.updated_at, a.id) < (select updated_at, id from assistants where id = ?)", opts.cursor);
  params.push(limit + 1);
  const rows = await db.query<HeadRow>(
    `select ${HEAD} from ${FROM} where ${where.join(" and ")}
      order by a.updated_at desc, a.id desc limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  return {
    data: page.map((r) => toSummary(viewer, r)),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Every assistant, private ones included, for the ops CLI (`assistant:list`): the operator sees all. */
export async function listAllAssistants(opts: { ownerId?: string } = {}): Promise<AssistantSummary[]> {
  const db = await getDb();
  await purgeDeleted(db);
  const rows = await db.query<HeadRow>(
    `select ${HEAD} from ${FROM} where a.deleted_at is null and ($1::text is null or a.owner_id = $1)
      order by a.updated_at desc, a.id desc limit 10000`,
    [opts.ownerId ?? null],
  );
  const ops: Viewer = { id: "", role: "admin" };
  return rows.map((r) => toSummary(ops, r));
}

/** The head the viewer can see (deleted ones included), or a 404. */
async function head(q: Queryable, viewer: Viewer, id: string): Promise<HeadRow> {
  if (!ASSISTANT_ID.test(id)) throw notFound(id);
  const [row] = await q.query<HeadRow>(`select ${HEAD} from ${FROM} where a.id = $2 and ${VISIBLE}`, [
    viewer.id,
    id,
  ]);
  if (!row) throw notFound(id);
  return row;
}

async function editableHead(
  q: Queryable,
  viewer: Viewer,
  id: string,
  opts: { deleted?: boolean } = {},
): Promise<HeadRow> {
  const row = await head(q, viewer, id);
  if (!canEditRow(viewer, row))
    throw errors.forbidden(
      "Only the owner of this assistant or an admin can change it.",
      "not_assistant_owner",
    );
  if (row.deleted_at && !opts.deleted)
    throw errors.conflict(`Assistant ${id} is deleted. Restore it first.`, null, "assistant_deleted");
  return row;
}

interface VersionRow {
  version: number;
  created_at: Date;
  author_id: string | null;
  author_name: string | null;
  author_email: string | null;
  note: string;
  based_on: number | null;
  model: string;
  config?: AssistantConfig;
}

const VERSION_COLS = `v.version, v.created_at, v.author_id, u.name as author_name, u.email as author_email,
  v.note, v.based_on, v.config->>'model' as model`;
const VERSION_FROM = "assistant_versions v left join users u on u.id = v.author_id";

function toVersionSummary(r: VersionRow): AssistantVersionSummary {
  return {
    version: r.version,
    createdAt: iso(r.created_at),
    author: r.author_id
      ? { userId: r.author_id, name: r.author_name ?? "", email: r.author_email ?? "" }
      : null,
    note: r.note,
    model: r.model,
    basedOn: r.based_on,
  };
}

async function versionRow(q: Queryable, id: string, version: number): Promise<VersionRow | undefined> {
  const [row] = await q.query<VersionRow>(
    `select ${VERSION_COLS}, v.config from ${VERSION_FROM} where v.assistant_id = $1 and v.version = $2`,
    [id, version],
  );
  return row;
}

const versionNotFound = (id: string, version: number, latest: number) =>
  errors.notFound(
    `Assistant ${id} has no version ${version} (its versions are 1–${latest}).`,
    "assistant_version_not_found",
  );

async function detail(q: Queryable, viewer: Viewer, id: string, version?: number): Promise<AssistantDetail> {
  const h = await head(q, viewer, id);
  const n = version ?? h.latest_version;
  const full = await versionRow(q, id, n);
  if (!full?.config) throw versionNotFound(id, n, h.latest_version);
  const all = await q.query<VersionRow>(
    `select ${VERSION_COLS} from ${VERSION_FROM} where v.assistant_id = $1 order by v.version desc`,
    [id],
  );
  return {
    assistant: toSummary(viewer, h),
    versions: all.map(toVersionSummary),
    version: { ...toVersionSummary(full), config: full.config },
    mcpHeadersSet: await headerNamesSet(q, id, full.config),
  };
}

/** A version number from a path or query: a whole number ≥ 1, else a 400. */
export function versionParam(v: string, param: string): number {
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1)
    throw errors.badRequest(`${param} must be a version number (1, 2, …).`, param, "invalid_version");
  return Number(v);
}

/** A 404 unless the viewer can see the assistant. */
export async function assertVisible(viewer: Viewer, id: string): Promise<void> {
  await head(await getDb(), viewer, id);
}

/** `version` absent: the latest. Unknown or invisible: a 404 ApiError. */
export async function getAssistant(viewer: Viewer, id: string, version?: number): Promise<AssistantDetail> {
  return detail(await getDb(), viewer, id, version);
}

export async function getVersion(viewer: Viewer, id: string, version: number): Promise<AssistantVersion> {
  const db = await getDb();
  const h = await head(db, viewer, id);
  const row = await versionRow(db, id, version);
  if (!row?.config) throw versionNotFound(id, version, h.latest_version);
  return { ...toVersionSummary(row), config: row.config };
}

// ---------------------------------------------------------------------------------------------
// Saving

/** The model as the admin's overrides describe it, for validation. */
async function modelFor(model: string) {
  return applyOverrides(resolveModel(model), await getModelOverrides());
}

/** Refuses a config with `error` issues (the builder shows the same list before saving). */
export async function checkConfig(config: AssistantConfig): Promise<ConfigIssue[]> {
  const issues = validateConfig(config, await modelFor(config.model));
  const errs = issues.filter((i) => i.level === "error");
  if (errs.length) {
    const first = errs[0] as ConfigIssue;
    throw errors.badRequest(
      `${first.path ? `${first.path}: ` : ""}${first.message}${errs.length > 1 ? ` (and ${errs.length - 1} more problem${errs.length > 2 ? "s" : ""})` : ""}`,
      `config${first.path ? `.${first.path}` : ""}`,
      "invalid_config",
    );
  }
  return issues;
}

/** MCP header values a save may set: only for a server label and header name the config declares ("" deletes any). */
function checkHeaderInput(config: AssistantConfig, headers: SaveVersionInput["mcpHeaders"]): void {
  if (!headers) return;
  for (const [label, values] of Object.entries(headers)) {
    const names = Object.keys(values).filter((name) => values[name] !== "");
    if (!names.length) continue;
    const tool = config.tools.find((t) => t.type === "mcp" && t.serverLabel === label);
    if (tool?.type !== "mcp")
      throw errors.badRequest(
        `mcpHeaders: no MCP server labelled "${label}" in this version.`,
        `mcpHeaders.${label}`,
        "unknown_mcp_server",
      );
    for (const name of names) {
      if (!tool.headerNames.includes(name))
        throw errors.badRequest(
          `mcpHeaders: MCP server "${label}" declares no header "${name}". Add it to the header names first.`,
          `mcpHeaders.${label}.${name}`,
          "unknown_mcp_header",
        );
    }
  }
}

/**
 * A header value is sealed for the server URL it was entered for: the URL is part of the encryption
 * context, so a version (a later save, a rollback, an old version) whose MCP server under that label
 * points elsewhere cannot open it, and its call goes out without the header.
 */
const secretContext = (id: string, label: string, header: string, url: string) =>
  `${id}\u0000${label}\u0000${header}\u0000${url}`;

interface SealedRow {
  server_label: string;
  header_name: string;
  value: string;
}

function sealedRows(q: Queryable, id: string): Promise<SealedRow[]> {
  return q.query<SealedRow>(
    "select server_label, header_name, value from assistant_secrets where assistant_id = $1 order by 1, 2",
    [id],
  );
}

const mcpUrls = (config: AssistantConfig) =>
  new Map(config.tools.flatMap((t) => (t.type === "mcp" ? [[t.serverLabel, t.serverUrl] as const] : [])));

/** The stored values this config's MCP servers may receive: per label, those sealed for its URL. */
function openFor(
  id: string,
  rows: SealedRow[],
  config: AssistantConfig,
): Record<string, Record<string, string>> {
  const urls = mcpUrls(config);
  const out: Record<string, Record<string, string>> = {};
  for (const r of rows) {
    const url = urls.get(r.server_label);
    if (url === undefined) continue;
    try {
      const value = openSecret(r.value, secretContext(id, r.server_label, r.header_name, url));
      out[r.server_label] = { ...out[r.server_label], [r.header_name]: value };
    } catch {
      // Entered for another URL, or sealed with another CONSOLE_SECRET: not for this server.
    }
  }
  return out;
}

/**
 * Applies a save's header values, sealed for the config's server URL ("" deletes one). Values stored
 * for a label whose URL this config changes are dropped unless re-entered: a token entered for one
 * server never follows the label to another (the builder says so next to the header inputs).
 */
async function storeHeaders(
  q: Queryable,
  id: string,
  config: AssistantConfig,
  headers: SaveVersionInput["mcpHeaders"],
) {
  const urls = mcpUrls(config);
  const rows = await sealedRows(q, id);
  const usable = openFor(id, rows, config);
  for (const r of rows) {
    if (urls.has(r.server_label) && usable[r.server_label]?.[r.header_name] === undefined) {
      await q.query(
        "delete from assistant_secrets where assistant_id = $1 and server_label = $2 and header_name = $3",
        [id, r.server_label, r.header_name],
      );
    }
  }
  for (const [label, values] of Object.entries(headers ?? {})) {
    for (const [name, value] of Object.entries(values)) {
      const url = urls.get(label);
      if (value === "" || url === undefined) {
        await q.query(
          "delete from assistant_secrets where assistant_id = $1 and server_label = $2 and header_name = $3",
          [id, label, name],
        );
        continue;
      }
      await q.query(
        `insert into assistant_secrets (assistant_id, server_label, header_name, value) values ($1, $2, $3, $4)
         on conflict (assistant_id, server_label, header_name) do update set value = excluded.value`,
        [id, label, name, sealSecret(value, secretContext(id, label, name, url))],
      );
    }
  }
}

/** Per label, the header names with a value this config's server would receive. */
async function headerNamesSet(
  q: Queryable,
  id: string,
  config: AssistantConfig,
): Promise<Record<string, string[]>> {
  const opened = openFor(id, await sealedRows(q, id), config);
  return Object.fromEntries(Object.entries(opened).map(([label, v]) => [label, Object.keys(v).sort()]));
}

async function headerValues(
  q: Queryable,
  id: string,
  config: AssistantConfig,
): Promise<Record<string, Record<string, string>>> {
  return openFor(id, await sealedRows(q, id), config);
}

/**
 * A body through one of the contract's schemas (zod/mini, shared with the browser), or a 400 naming
 * the field, as parseBody does for classic schemas.
 */
export function readBody<S extends z.ZodMiniType>(schema: S, raw: unknown, param?: string): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const inner = issue?.path.join(".") ?? "";
  const at = [param, inner].filter(Boolean).join(".");
  throw errors.badRequest(`${at ? `${at}: ` : ""}${issue?.message ?? "invalid"}`, at || null);
}

const parseConfig = (raw: unknown) => readBody(assistantConfigSchema, raw, "config");

async function insertVersion(
  q: Queryable,
  id: string,
  version: number,
  authorId: string,
  config: AssistantConfig,
  note: string,
  basedOn: number | null,
): Promise<void> {
  await q.query(
    `insert into assistant_versions (assistant_id, version, author_id, note, based_on, config)
     values ($1, $2, $3, $4, $5, $6::jsonb)`,
    [id, version, authorId, note.slice(0, ASSISTANT_LIMITS.note), basedOn, JSON.stringify(config)],
  );
}

interface NewAssistant {
  ownerId: string;
  visibility: AssistantVisibility;
  versions: { config: AssistantConfig; note: string; basedOn: number | null }[];
  productionVersion?: number | null;
  headers?: SaveVersionInput["mcpHeaders"];
}

/** One transaction: the head, every version (numbered from 1), and the header values. */
async function insertAssistant(q: Queryable, a: NewAssistant): Promise<string> {
  const id = newId();
  const last = a.versions.at(-1);
  if (!last) throw new Error("an assistant needs a version");
  const production =
    a.productionVersion && a.productionVersion <= a.versions.length ? a.productionVersion : null;
  await q.query(
    `insert into assistants (id, owner_id, name, description, model, visibility, latest_version,
       production_version, search_text)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      a.ownerId,
      last.config.name,
      last.config.description,
      last.config.model,
      a.visibility,
      a.versions.length,
      production,
      searchText(last.config),
    ],
  );
  for (const [i, v] of a.versions.entries())
    await insertVersion(q, id, i + 1, a.ownerId, v.config, v.note, v.basedOn);
  await storeHeaders(q, id, last.config, a.headers);
  return id;
}

export async function createAssistant(viewer: Viewer, input: SaveVersionInput): Promise<AssistantDetail> {
  const config = parseConfig(input.config);
  await checkConfig(config);
  checkHeaderInput(config, input.mcpHeaders);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const id = await insertAssistant(tx, {
      ownerId: viewer.id,
      visibility: input.visibility ?? "team",
      versions: [{ config, note: input.note ?? "", basedOn: null }],
      headers: input.mcpHeaders,
    });
    return detail(tx, viewer, id);
  });
}

/** The next version number, taken under the head's row lock so two saves cannot collide. */
async function appendVersion(
  q: Queryable,
  viewer: Viewer,
  id: string,
  config: AssistantConfig,
  note: string,
  basedOn: number | null,
): Promise<number> {
  const [row] = await q.query<{ latest_version: number }>(
    `update assistants set latest_version = latest_version + 1, name = $2, description = $3, model = $4,
       search_text = $5, updated_at = now()
     where id = $1 returning latest_version`,
    [id, config.name, config.description, config.model, searchText(config)],
  );
  if (!row) throw notFound(id);
  await insertVersion(q, id, row.latest_version, viewer.id, config, note, basedOn);
  return row.latest_version;
}

export async function saveVersion(
  viewer: Viewer,
  id: string,
  input: SaveVersionInput,
  basedOn?: number,
): Promise<AssistantDetail> {
  const config = parseConfig(input.config);
  await checkConfig(config);
  checkHeaderInput(config, input.mcpHeaders);
  const db = await getDb();
  const out = await db.transaction(async (tx) => {
    const h = await editableHead(tx, viewer, id);
    // Lock the head, then compare: a save that started from an older version is refused unless forced.
    const [locked] = await tx.query<{ latest_version: number }>(
      "select latest_version from assistants where id = $1 for update",
      [id],
    );
    const latest = locked?.latest_version ?? h.latest_version;
    if (input.baseVersion !== undefined && input.baseVersion !== latest && !input.force) {
      throw new ApiError({
        type: "conflict_error",
        code: "stale_version",
        param: "baseVersion",
        message: `Version ${latest} was saved since you started from version ${input.baseVersion}. Reload to see it, or save anyway to make yours version ${latest + 1}.`,
      });
    }
    if (basedOn !== undefined && !(await versionRow(tx, id, basedOn)))
      throw versionNotFound(id, basedOn, latest);
    const n = await appendVersion(tx, viewer, id, config, input.note ?? "", basedOn ?? null);
    await storeHeaders(tx, id, config, input.mcpHeaders);
    return detail(tx, viewer, id, n);
  });
  await invalidate(id);
  return out;
}

export async function patchAssistant(
  viewer: Viewer,
  id: string,
  patch: { productionVersion?: number | null; visibility?: "team" | "private"; restore?: true },
): Promise<AssistantSummary> {
  const db = await getDb();
  const out = await db.transaction(async (tx) => {
    const h = await editableHead(tx, viewer, id, { deleted: patch.restore === true });
    if (patch.restore) await tx.query("update assistants set deleted_at = null where id = $1", [id]);
    if (patch.productionVersion !== undefined) {
      const v = patch.productionVersion;
      if (v !== null && !(Number.isInteger(v) && v >= 1 && v <= h.latest_version))
        throw errors.badRequest(
          `Assistant ${id} has no version ${v} (its versions are 1–${h.latest_version}).`,
          "productionVersion",
          "assistant_version_not_found",
        );
      await tx.query("update assistants set production_version = $2, updated_at = now() where id = $1", [
        id,
        v,
      ]);
    }
    if (patch.visibility)
      await tx.query("update assistants set visibility = $2, updated_at = now() where id = $1", [
        id,
        patch.visibility,
      ]);
    return toSummary(viewer, await head(tx, viewer, id));
  });
  await invalidate(id);
  return out;
}

/** Roll back: a new version whose config is `version`'s (based_on = version). */
export async function rollBack(viewer: Viewer, id: string, version: number): Promise<AssistantDetail> {
  const db = await getDb();
  const out = await db.transaction(async (tx) => {
    const h = await editableHead(tx, viewer, id);
    const row = await versionRow(tx, id, version);
    if (!row?.config) throw versionNotFound(id, version, h.latest_version);
    const n = await appendVersion(tx, viewer, id, row.config, `Rolled back to version ${version}`, version);
    return detail(tx, viewer, id, n);
  });
  await invalidate(id);
  return out;
}

/**
 * A new assistant owned by the viewer, version 1 = `version` (default latest) of `id`. MCP header
 * values come along only for someone who may edit the original: anyone else could point the copy's
 * server URL at their own host and receive them.
 */
export async function duplicateAssistant(
  viewer: Viewer,
  id: string,
  version?: number,
): Promise<AssistantDetail> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const h = await head(tx, viewer, id);
    const n = version ?? h.latest_version;
    const row = await versionRow(tx, id, n);
    if (!row?.config) throw versionNotFound(id, n, h.latest_version);
    const config = { ...row.config, name: `${row.config.name} (copy)`.slice(0, ASSISTANT_LIMITS.name) };
    const headers = canEditRow(viewer, h) ? await headerValues(tx, id, row.config) : undefined;
    const copy = await insertAssistant(tx, {
      ownerId: viewer.id,
      visibility: h.visibility,
      versions: [{ config, note: `Duplicated from ${h.name} (${id}) version ${n}`, basedOn: n }],
    });
    await storeHeaders(tx, copy, config, headers);
    return detail(tx, viewer, copy);
  });
}

/** Soft delete; restorable for ASSISTANT_LIMITS.restoreDays. */
export async function deleteAssistant(viewer: Viewer, id: string): Promise<void> {
  const db = await getDb();
  await editableHead(db, viewer, id, { deleted: true });
  await db.query("update assistants set deleted_at = coalesce(deleted_at, now()) where id = $1", [id]);
  await invalidate(id);
}

/** Every version; MCP header values never (a version holds only their names). */
export async function exportAssistant(viewer: Viewer, id: string): Promise<AssistantExport> {
  const db = await getDb();
  const h = await head(db, viewer, id);
  const rows = await db.query<{ version: number; created_at: Date; note: string; config: AssistantConfig }>(
    "select version, created_at, note, config from assistant_versions where assistant_id = $1 order by version",
    [id],
  );
  return {
    format: ASSISTANT_EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    assistant: { id: h.id, name: h.name, productionVersion: h.production_version },
    versions: rows.map((r) => ({
      version: r.version,
      createdAt: iso(r.created_at),
      note: r.note,
      config: r.config,
    })),
  };
}

/**
 * A Benchtop export, a legacy Assistants API object or a prompt object export (lib/assistants/
 * legacy.ts detects which). The import is the viewer's; what validation flags is kept in `notes`
 * rather than refused, since the source was valid where it came from.
 */
export async function importAssistant(viewer: Viewer, raw: unknown): Promise<ImportResult> {
  const converted = convertImport(raw);
  const notes = [...converted.notes];
  for (const [i, v] of converted.versions.entries()) {
    const issues = validateConfig(v.config, await modelFor(v.config.model));
    for (const issue of issues.filter((x) => x.level === "error"))
      notes.push(
        `${converted.versions.length > 1 ? `Version ${i + 1}: ` : ""}${issue.path ? `${issue.path}: ` : ""}${issue.message}`,
      );
  }
  const db = await getDb();
  const id = await db.transaction((tx) =>
    insertAssistant(tx, {
      ownerId: viewer.id,
      visibility: "team",
      versions: converted.versions.map((v) => ({ config: v.config, note: v.note, basedOn: null })),
      productionVersion: converted.productionVersion,
    }),
  );
  const last = converted.versions.at(-1);
  return {
    id,
    name: last?.config.name ?? "",
    versions: converted.versions.length,
    source: converted.source,
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// The proxy's hot path

/** What the proxy needs to expand a call: the resolved version and its MCP header values. */
export interface ResolvedAssistant {
  id: string;
  version: number;
  config: AssistantConfig;
  /** Per MCP server label, header name → value (secret). */
  mcpHeaders: Record<string, Record<string, string>>;
}

interface CachedHead {
  at: number;
  ownerId: string;
  visibility: AssistantVisibility;
  latest: number;
  production: number | null;
  deleted: boolean;
  /** Loaded on first need (only configs with MCP header names ask). */
  headers: SealedRow[] | null;
  /** Per version: the values its MCP servers' URLs open (versions are immutable). */
  opened: Map<number, Record<string, Record<string, string>>>;
}

/** A head is trusted this long; a change made in this process drops it at once. */
export const HEAD_TTL_MS = 1000;
const VERSION_CACHE_MAX = 1000;
const HEAD_CACHE_MAX = 2000;

// On globalThis: Next may bundle the proxy's route and the assistants routes as separate module
// instances, and a change through one must drop the head the other cached.
interface CacheState {
  heads: Map<string, CachedHead>;
  versions: Map<string, AssistantConfig>;
  /** Heads being read: calls that find a stale head together share one query. */
  loading: Map<string, Promise<CachedHead | null>>;
  /** Bumped by every change: a head read that started before one is used once, not cached. */
  epoch: number;
}
const cache = globalThis as typeof globalThis & { __benchtopAssistants?: CacheState };
cache.__benchtopAssistants ??= { heads: new Map(), versions: new Map(), loading: new Map(), epoch: 0 };
const state = cache.__benchtopAssistants;
const { heads, versions: versionCache, loading } = state;

function forget(id: string): void {
  state.epoch++;
  heads.delete(id);
  loading.delete(id);
}

/** Forgets a changed assistant here and in the server's other thread, where the proxy runs them. */
function invalidate(id: string): Promise<void> {
  forget(id);
  return tell({ kind: "assistant", id });
}

onTold("assistant", (note) => forget(note.id));

/** For tests: forget every cached head and version. */
export function clearAssistantCache(): void {
  heads.clear();
  versionCache.clear();
}

const callError = (message: string, param: string, code: string) =>
  new ApiError({ type: "invalid_request_error", status: 400, message, param, code });

const unknownAssistant = (id: string) =>
  callError(
    // Cut: the id is the caller's own text, and an error should not echo a megabyte of it.
    `Assistant '${id.length > 64 ? `${id.slice(0, 64)}…` : id}' not found. Check prompt.id: it names a Benchtop assistant (asst_bt_…) that you can see.`,
    "prompt.id",
    "assistant_not_found",
  );

function loadHead(id: string): Promise<CachedHead | null> {
  const hit = heads.get(id);
  if (hit && Date.now() - hit.at < HEAD_TTL_MS) return Promise.resolve(hit);
  let p = loading.get(id);
  if (!p) {
    const mine = readHead(id).finally(() => {
      if (loading.get(id) === mine) loading.delete(id);
    });
    p = mine;
    loading.set(id, p);
  }
  return p;
}

async function readHead(id: string): Promise<CachedHead | null> {
  const started = state.epoch;
  const db = await getDb();
  const [row] = await db.query<{
    owner_id: string;
    visibility: AssistantVisibility;
    latest_version: number;
    production_version: number | null;
    deleted: boolean;
  }>(
    `select owner_id, visibility, latest_version, production_version, deleted_at is not null as deleted
     from assistants where id = $1`,
    [id],
  );
  if (!row) {
    heads.delete(id);
    return null;
  }
  const h: CachedHead = {
    at: Date.now(),
    ownerId: row.owner_id,
    visibility: row.visibility,
    latest: row.latest_version,
    production: row.production_version,
    deleted: row.deleted,
    headers: null,
    opened: new Map(),
  };
  if (started !== state.epoch) return h;
  heads.delete(id);
  if (heads.size >= HEAD_CACHE_MAX) heads.delete(heads.keys().next().value as string);
  heads.set(id, h);
  return h;
}

async function loadVersion(id: string, version: number): Promise<AssistantConfig | null> {
  const key = `${id}@${version}`;
  const hit = versionCache.get(key);
  if (hit) {
    // Least recently used goes first: re-insert on every hit.
    versionCache.delete(key);
    versionCache.set(key, hit);
    return hit;
  }
  const db = await getDb();
  const [row] = await db.query<{ config: AssistantConfig }>(
    "select config from assistant_versions where assistant_id = $1 and version = $2",
    [id, version],
  );
  if (!row) return null;
  if (versionCache.size >= VERSION_CACHE_MAX) versionCache.delete(versionCache.keys().next().value as string);
  versionCache.set(key, row.config);
  return row.config;
}

const needsHeaders = (c: AssistantConfig) =>
  c.tools.some((t) => t.type === "mcp" && t.headerNames.length > 0);

/**
 * For the proxy's hot path: the version named (a number as text, "production" or "latest"), or
 * production when marked, else the latest. Versions are immutable, so their configs are cached for
 * good (bounded); the head for HEAD_TTL_MS. Unknown id, a deleted or invisible assistant (the same
 * message, so ids reveal nothing), an unknown version: a 400 in OpenAI's shape.
 */
export async function resolveForCall(
  viewer: Viewer,
  id: string,
  version: string | null | undefined,
): Promise<ResolvedAssistant> {
  if (!ASSISTANT_ID.test(id)) throw unknownAssistant(id);
  const h = await loadHead(id);
  if (!h || h.deleted || (h.visibility === "private" && h.ownerId !== viewer.id)) throw unknownAssistant(id);
  const range = h.latest === 1 ? "1" : `1–${h.latest}`;
  const wanted = version?.trim() ?? "";
  let n: number;
  if (wanted === "") n = h.production ?? h.latest;
  else if (wanted === "latest") n = h.latest;
  else if (wanted === "production") {
    if (h.production === null)
      throw callError(
        `Assistant '${id}' has no production version. Name a version (${range}) or "latest", or mark one as production.`,
        "prompt.version",
        "assistant_version_not_found",
      );
    n = h.production;
  } else if (/^\d{1,9}$/.test(wanted)) n = Number(wanted);
  else n = Number.NaN;
  const config = Number.isInteger(n) && n >= 1 && n <= h.latest ? await loadVersion(id, n) : null;
  if (!config)
    throw callError(
      `Assistant '${id}' has no version '${wanted}'. Its versions are ${range}${h.production ? ` (production: ${h.production})` : ""}; "latest" and "production" also work.`,
      "prompt.version",
      "assistant_version_not_found",
    );
  let mcpHeaders: Record<string, Record<string, string>> = {};
  if (needsHeaders(config)) {
    h.headers ??= await sealedRows(await getDb(), id);
    let opened = h.opened.get(n);
    if (!opened) {
      opened = openFor(id, h.headers, config);
      h.opened.set(n, opened);
    }
    mcpHeaders = opened;
  }
  return { id, version: n, config, mcpHeaders };
}

// ---------------------------------------------------------------------------------------------
// Calls and conversations

const LAST_USE_EVERY_MS = 10_000;
const lastUseWritten = new Map<string, number>();

/** After a call that named an assistant: last use, and the conversation index when it had one. */
export async function noteCall(input: {
  assistantId: string;
  version: number;
  userId: string;
  conversationId: string | null;
  /** First user text of the call, for a new conversation's title. */
  title: string;
}): Promise<void> {
  const db = await getDb();
  const now = Date.now();
  try {
    const last = lastUseWritten.get(input.assistantId) ?? 0;
    if (now - last >= LAST_USE_EVERY_MS) {
      lastUseWritten.set(input.assistantId, now);
      if (lastUseWritten.size > HEAD_CACHE_MAX)
        lastUseWritten.delete(lastUseWritten.keys().next().value as string);
      await db.query("update assistants set last_used_at = now() where id = $1", [input.assistantId]);
    }
    if (input.conversationId) {
      // A conversation indexed to another user or assistant stays theirs: the update does nothing.
      await db.query(
        `insert into assistant_conversations (id, assistant_id, user_id, title, version, turns)
         values ($1, $2, $3, $4, $5, 1)
         on conflict (id) do update set turns = assistant_conversations.turns + 1,
           version = excluded.version, last_used_at = now(),
           title = case when assistant_conversations.title = '' then excluded.title
             else assistant_conversations.title end
         where assistant_conversations.assistant_id = excluded.assistant_id
           and assistant_conversations.user_id = excluded.user_id`,
        [input.conversationId, input.assistantId, input.userId, titleOf(input.title), input.version],
      );
    }
  } catch (e) {
    // Bookkeeping after the call: never fails the call (the assistant may just have been purged).
    console.warn(`[assistants] noteCall failed: ${(e as Error).message}`);
  }
}

const titleOf = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 120);

interface ConversationRow {
  id: string;
  assistant_id: string;
  title: string;
  created_at: Date;
  last_used_at: Date;
  version: number | null;
  turns: number;
}

const toConversation = (r: ConversationRow): AssistantConversation => ({
  id: r.id,
  assistantId: r.assistant_id,
  title: r.title,
  createdAt: iso(r.created_at),
  lastUsedAt: iso(r.last_used_at),
  version: r.version,
  turns: r.turns,
});

export const CONVERSATIONS_MAX = 200;

export async function listConversations(
  viewer: Viewer,
  assistantId: string,
): Promise<AssistantConversation[]> {
  const db = await getDb();
  await head(db, viewer, assistantId);
  const rows = await db.query<ConversationRow>(
    `select id, assistant_id, title, created_at, last_used_at, version, turns from assistant_conversations
     where assistant_id = $1 and user_id = $2 order by last_used_at desc, id desc limit $3`,
    [assistantId, viewer.id, CONVERSATIONS_MAX],
  );
  return rows.map(toConversation);
}

/** Index a conversation the test chat created (before its first turn). */
export async function addConversation(
  viewer: Viewer,
  assistantId: string,
  conversationId: string,
  title: string,
): Promise<AssistantConversation> {
  const db = await getDb();
  const h = await head(db, viewer, assistantId);
  if (h.deleted_at) throw notFound(assistantId);
  await db.query(
    `insert into assistant_conversations (id, assistant_id, user_id, title) values ($1, $2, $3, $4)
     on conflict (id) do nothing`,
    [conversationId, assistantId, viewer.id, titleOf(title)],
  );
  const [row] = await db.query<ConversationRow & { user_id: string }>(
    `select id, assistant_id, user_id, title, created_at, last_used_at, version, turns
     from assistant_conversations where id = $1`,
    [conversationId],
  );
  if (!row || row.user_id !== viewer.id || row.assistant_id !== assistantId)
    throw errors.conflict(
      `Conversation ${conversationId} is already indexed elsewhere.`,
      "conversationId",
      "conversation_taken",
    );
  return toConversation(row);
}

/** Removes it from the index and deletes it upstream (`DELETE /conversations/{id}`). */
export async function deleteConversation(
  viewer: Viewer,
  assistantId: string,
  conversationId: string,
): Promise<void> {
  const db = await getDb();
  await head(db, viewer, assistantId);
  const [row] = await db.query<{ id: string }>(
    "select id from assistant_conversations where id = $1 and assistant_id = $2 and user_id = $3",
    [conversationId, assistantId, viewer.id],
  );
  if (!row)
    throw errors.notFound(`No conversation ${conversationId} with this assistant.`, "conversation_not_found");
  const client = getOpenAI();
  if (client) {
    try {
      await client.conversations.delete(conversationId);
    } catch (e) {
      const status = (e as { status?: number }).status;
      // Already gone upstream: the index entry goes too. Anything else: keep it and say why.
      if (status !== 404)
        throw new ApiError({
          type: "upstream_error",
          code: "conversation_delete_failed",
          message: `The upstream did not delete conversation ${conversationId}${status ? ` (HTTP ${status})` : ""}; it stays in the list. Try again.`,
        });
    }
  }
  await db.query("delete from assistant_conversations where id = $1", [conversationId]);
}

interface TurnRow {
  at: Date;
  assistant_version: number | null;
  model: string | null;
  status: number;
  duration_ms: number;
  ttfb_ms: number | null;
  input_tokens: number | null;
  cached_tokens: number | null;
  output_tokens: number | null;
  reasoning_tokens: number | null;
}

export async function conversationTurns(viewer: Viewer, conversationId: string): Promise<AssistantTurn[]> {
  await flushLedger();
  const db = await getDb();
  const rows = await db.query<TurnRow>(
    `select at, assistant_version, model, status, duration_ms, ttfb_ms, input_tokens, cached_tokens,
       output_tokens, reasoning_tokens
     from ledger where conversation_id = $1 and user_id = $2 order by at, id limit 1000`,
    [conversationId, viewer.id],
  );
  const overrides = await getModelOverrides();
  return rows.map((r) => {
    const usage =
      r.input_tokens === null && r.output_tokens === null
        ? null
        : {
            input_tokens: r.input_tokens ?? 0,
            cached_tokens: r.cached_tokens ?? 0,
            output_tokens: r.output_tokens ?? 0,
            reasoning_tokens: r.reasoning_tokens ?? 0,
          };
    return {
      at: iso(r.at),
      version: r.assistant_version,
      model: r.model,
      status: r.status,
      durationMs: r.duration_ms,
      ttfbMs: r.ttfb_ms,
      usage,
      costUsd:
        usage && r.model
          ? costOf(applyOverrides(resolveModel(r.model), overrides), {
              input: usage.input_tokens,
              cached: usage.cached_tokens,
              output: usage.output_tokens,
            })
          : null,
    };
  });
}
