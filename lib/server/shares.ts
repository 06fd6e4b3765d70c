import "server-only";
import { readAssistantShareSnapshot } from "@/lib/assistants/share-snapshot";
import { ApiError, errors } from "@/lib/errors";
import { imageShareSnapshotSchema } from "@/lib/images/schema";
import { describeProblem, readPlaygroundSnapshot, withoutRemoteImages } from "@/lib/playground/snapshot";
import { shareKindSchema, shareTitleSchema } from "@/lib/schemas";
import { readTokenizerSnapshot } from "@/lib/tokenizer/snapshot";
import type { ShareDto, ShareKind } from "@/lib/types";
import { randomToken } from "./auth/crypto";
import { getDb, type Queryable } from "./db";
import { parseValue } from "./http";
import { findSecret } from "./secret-shapes";
import { getPublicShareLinks } from "./settings";

export const SHARE_SNAPSHOT_MAX_BYTES = 2 * 1024 * 1024;
/** 18 random bytes: 144 bits, 24 base64url characters. The id is the capability, so it must not be guessable. */
const ID_BYTES = 18;
const ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

/** Who is looking: a signed-in user, or null for someone who only has the link. */
export interface Viewer {
  id: string;
}

interface ShareRow {
  id: string;
  owner_id: string;
  kind: ShareKind;
  title: string;
  created_at: Date;
  revoked_at: Date | null;
  public: boolean;
  views: number;
}

const COLUMNS = "id, owner_id, kind, title, created_at, revoked_at, public, views";

function toDto(r: ShareRow): ShareDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    public: r.public,
    views: r.views,
    url: `/s/${r.id}`,
  };
}

// The route parses with the same schemas; these guard other callers.
const checkKind = (kind: string): ShareKind => parseValue(shareKindSchema, kind, "kind");

function checkTitle(title: string | undefined, kind: ShareKind): string {
  const t = parseValue(shareTitleSchema, title ?? "", "title");
  const secret = findSecret(t);
  if (secret) {
    throw errors.badRequest(
      `The title contains what looks like a secret key (${secret}). Remove it and share again.`,
      "title",
      "secret_in_snapshot",
    );
  }
  return t || `Untitled ${kind === "image" ? "image" : kind}`;
}

/**
 * An image link without a title is named after its prompt's start, an assistant conversation after
 * the assistant (checked for secrets with the snapshot).
 */
function defaultTitle(kind: ShareKind, snapshot: string): string | undefined {
  if (kind === "assistant") {
    const a = (JSON.parse(snapshot) as { assistant?: { name?: unknown } }).assistant;
    return typeof a?.name === "string" ? `Chat with ${a.name}`.slice(0, 80) : undefined;
  }
  if (kind !== "image") return undefined;
  const prompt = (JSON.parse(snapshot) as { prompt?: unknown }).prompt;
  return typeof prompt === "string" ? prompt.trim().split(/\r?\n/)[0]?.slice(0, 80) : undefined;
}

type SnapshotRead = { ok: true; value: object } | { ok: false; path: string; message: string };

/**
 * A snapshot through its kind's schema (the playground's is the drafts' own), remote images left
 * out (F12). Used on write, and again on read for rows stored before snapshots were checked.
 */
function readSnapshot(kind: ShareKind, raw: unknown): SnapshotRead {
  if (kind === "image") {
    const r = imageShareSnapshotSchema.safeParse(raw);
    if (r.success) return { ok: true, value: r.data };
    const issue = r.error.issues[0];
    return {
      ok: false,
      path: issue?.path.join(".") ?? "",
      message: issue?.message ?? "Not an image snapshot.",
    };
  }
  if (kind === "assistant") return readAssistantShareSnapshot(raw);
  if (kind === "tokenizer") {
    const snap = readTokenizerSnapshot(raw);
    return snap
      ? { ok: true, value: snap }
      : {
          ok: false,
          path: "",
          message: "Not a tokenizer snapshot (version 1, a mode, an encoding, and the text or messages).",
        };
  }
  const r = readPlaygroundSnapshot(raw);
  return r.ok ? { ok: true, value: withoutRemoteImages(r.value) } : r;
}

function checkSnapshot(kind: ShareKind, raw: unknown): object {
  const r = readSnapshot(kind, raw);
  if (r.ok) return r.value;
  throw errors.badRequest(
    `This ${kind} snapshot cannot be shared: ${describeProblem(r)}.`,
    r.path ? `snapshot.${r.path}` : "snapshot",
    "invalid_snapshot",
  );
}

/** A stored snapshot that no longer parses reads as this, never as data that could break the page. */
function unreadable(problem: { path: string; message: string }): ApiError {
  return new ApiError({
    type: "invalid_request_error",
    status: 422,
    code: "share_unreadable",
    message: `This shared snapshot does not match what this version of Benchtop can read (${describeProblem(problem)}), so it cannot be shown. It was probably made before snapshots were checked, or changed by hand. Ask its owner to share again.`,
  });
}

/**
 * A snapshot as stored: a JSON object under the cap, holding no key or token (checked on what was
 * sent, so nothing the schema would drop can hide one), that parses as its kind.
 */
function serializeSnapshot(kind: ShareKind, snapshot: unknown): string {
  if (typeof snapshot !== "object" || snapshot === null || Array.isArray(snapshot)) {
    throw errors.badRequest("A snapshot must be a JSON object.", "snapshot");
  }
  const text = JSON.stringify(snapshot);
  if (Buffer.byteLength(text, "utf8") > SHARE_SNAPSHOT_MAX_BYTES) {
    throw errors.badRequest(
      "This snapshot is larger than 2 MB. Remove large images or long messages and share again.",
      "snapshot",
      "snapshot_too_large",
    );
  }
  const secret = findSecret(text);
  if (secret) {
    throw errors.badRequest(
      `The snapshot contains what looks like a secret key (${secret}). Anyone with the link could read it: remove the secret from your messages and settings, then share again.`,
      "snapshot",
      "secret_in_snapshot",
    );
  }
  return JSON.stringify(checkSnapshot(kind, snapshot));
}

export async function createShare(
  ownerId: string,
  input: { kind: string; title?: string; snapshot: unknown; public?: boolean },
): Promise<ShareDto> {
  const kind = checkKind(input.kind);
  const snapshot = serializeSnapshot(kind, input.snapshot);
  const title = checkTitle(input.title?.trim() ? input.title : defaultTitle(kind, snapshot), kind);
  const isPublic = input.public === true;
  const db = await getDb();
  if (isPublic && !(await getPublicShareLinks(db))) {
    throw errors.forbidden(
      "Public links are turned off on this console: only signed-in users can open shared links. Ask an admin to allow public links, or share without “public”.",
      "public_links_disabled",
    );
  }
  const rows = await db
    .query<ShareRow>(
      `insert into shares (id, owner_id, kind, title, snapshot, public) values ($1, $2, $3, $4, $5::jsonb, $6)
       returning ${COLUMNS}`,
      [randomToken(ID_BYTES), ownerId, kind, title, snapshot, isPublic],
    )
    .catch((e: unknown) => {
      if (typeof e === "object" && e !== null && (e as { code?: unknown }).code === "22P05") {
        throw errors.badRequest(
          "The snapshot contains a NUL character (\\u0000), which cannot be stored.",
          "snapshot",
        );
      }
      throw e;
    });
  const row = rows[0];
  if (!row) throw new Error("share insert returned nothing");
  return toDto(row);
}

/**
 * One share with its snapshot. Anyone signed in may open a link they were given; someone signed
 * out only when the share is public and public links are on. Views by others than the owner count.
 */
export async function getShare(id: string, viewer: Viewer | null): Promise<ShareDto> {
  const notFound = errors.notFound("No shared link with this id. Check that the whole link was copied.");
  if (!ID_PATTERN.test(id)) throw notFound;
  const db = await getDb();
  const [row] = await db.query<ShareRow>(`select ${COLUMNS} from shares where id = $1`, [id]);
  if (!row) throw notFound;
  if (row.revoked_at) throw errors.gone("This link was revoked.", "share_revoked");
  if (!viewer) {
    if (!row.public) throw errors.unauthenticated("Sign in to open this shared link.");
    if (!(await getPublicShareLinks(db))) {
      throw errors.unauthenticated("Public links are turned off on this console. Sign in to open this link.");
    }
  }
  const counted = viewer?.id !== row.owner_id;
  const [after] = await db.query<ShareRow & { snapshot: unknown }>(
    `update shares set views = views + $2 where id = $1 and revoked_at is null
     returning ${COLUMNS}, snapshot`,
    [id, counted ? 1 : 0],
  );
  // Revoked between the two statements.
  if (!after) throw errors.gone("This link was revoked.", "share_revoked");
  const snapshot = readSnapshot(after.kind, after.snapshot);
  if (!snapshot.ok) throw unreadable(snapshot);
  return { ...toDto(after), snapshot: snapshot.value };
}

export async function listShares(ownerId: string): Promise<ShareDto[]> {
  const db = await getDb();
  const rows = await db.query<ShareRow>(
    `select ${COLUMNS} from shares where owner_id = $1 order by created_at desc, id`,
    [ownerId],
  );
  return rows.map(toDto);
}

/** Ends a link for good. The owner or an admin may; revoking twice keeps the first time. */
export async function revokeShare(id: string, userId: string): Promise<ShareDto> {
  const db = await getDb();
  const [row] = await db.query<ShareRow>(
    `update shares set revoked_at = coalesce(revoked_at, now())
      where id = $1 and (owner_id = $2 or exists (
        select 1 from users where id = $2 and role = 'admin' and disabled_at is null))
      returning ${COLUMNS}`,
    [id, userId],
  );
  if (row) return toDto(row);
  const [exists] = await db.query<{ id: string }>("select id from shares where id = $1", [id]);
  if (!exists) throw errors.notFound(`No shared link with id ${id}.`);
  throw errors.forbidden("Only the owner of this link or an admin can revoke it.", "not_share_owner");
}

export interface OwnedShareDto extends ShareDto {
  ownerEmail: string;
}

/** Every link on the console, newest first, with its owner: for admins, optionally one owner's. */
export async function listAllShares(ownerId?: string): Promise<OwnedShareDto[]> {
  const db = await getDb();
  const rows = await db.query<ShareRow & { owner_email: string }>(
    `select s.id, s.owner_id, s.kind, s.title, s.created_at, s.revoked_at, s.public, s.views,
            u.email as owner_email
       from shares s join users u on u.id = s.owner_id
      where $1::text is null or s.owner_id = $1
      order by s.created_at desc, s.id`,
    [ownerId ?? null],
  );
  return rows.map((r) => ({ ...toDto(r), ownerEmail: r.owner_email }));
}

/**
 * An admin's revoke: any link, or with `ownerId` only that owner's, so a stale or mistyped id on
 * one user's page cannot end another user's link.
 */
export async function revokeShareById(id: string, ownerId?: string): Promise<ShareDto> {
  const db = await getDb();
  const [row] = await db.query<ShareRow>(
    `update shares set revoked_at = coalesce(revoked_at, now())
      where id = $1 and ($2::text is null or owner_id = $2)
      returning ${COLUMNS}`,
    [id, ownerId ?? null],
  );
  if (!row) throw errors.notFound(`No shared link with id ${id}${ownerId ? " for this user" : ""}.`);
  return toDto(row);
}

/** Revokes every live link of a user and returns how many; pass the transaction that disables them. */
export async function revokeAllShares(ownerId: string, q?: Queryable): Promise<number> {
  const db = q ?? (await getDb());
  const rows = await db.query<{ id: string }>(
    "update shares set revoked_at = now() where owner_id = $1 and revoked_at is null returning id",
    [ownerId],
  );
  return rows.length;
}
