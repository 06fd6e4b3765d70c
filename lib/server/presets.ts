import "server-only";
import { errors } from "@/lib/errors";
import { describeProblem, readPresetState } from "@/lib/playground/snapshot";
import { presetKindSchema, presetNameSchema } from "@/lib/schemas";
import type { PresetDto, PresetKind } from "@/lib/types";
import { randomId } from "./auth/crypto";
import { getDb } from "./db";
import { parseValue } from "./http";

export const PRESET_STATE_MAX_BYTES = 1024 * 1024;
/** A request carrying a full-size state, its name and the JSON around them. */
export const PRESET_BODY_MAX_BYTES = PRESET_STATE_MAX_BYTES + 64 * 1024;
export const PRESETS_PER_USER_MAX = 200;

interface PresetRow {
  id: string;
  name: string;
  kind: PresetKind;
  state: unknown;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = "id, name, kind, state, created_at, updated_at";

function toDto(r: PresetRow): PresetDto {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    state: r.state,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

// The routes parse with the same schemas; these guard other callers.
const checkKind = (kind: string): PresetKind => parseValue(presetKindSchema, kind, "kind");
const checkName = (name: string): string => parseValue(presetNameSchema, name, "name");

/** The state as stored: a JSON object no larger than the cap that parses as the playground's setup. */
function serializeState(state: unknown): string {
  if (typeof state !== "object" || state === null || Array.isArray(state)) {
    throw errors.badRequest("A preset's state must be a JSON object.", "state");
  }
  if (Buffer.byteLength(JSON.stringify(state), "utf8") > PRESET_STATE_MAX_BYTES) {
    throw errors.badRequest(
      "This preset is larger than 1 MB. Remove large images or long messages and save again.",
      "state",
      "state_too_large",
    );
  }
  const parsed = readPresetState(state);
  if (!parsed.ok) {
    throw errors.badRequest(
      `This preset cannot be saved: ${describeProblem(parsed)}.`,
      parsed.path ? `state.${parsed.path}` : "state",
      "invalid_preset",
    );
  }
  return JSON.stringify(parsed.value);
}

const duplicate = (name: string) =>
  errors.conflict(
    `You already have a preset named “${name}”. Pick another name, or update that preset instead.`,
    "name",
    "preset_name_taken",
  );

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";
}

/** Postgres jsonb refuses `\u0000`; say so instead of failing with a 500. */
function rethrowJsonProblem(e: unknown, param: string): never {
  if (typeof e === "object" && e !== null && (e as { code?: unknown }).code === "22P05") {
    throw errors.badRequest("The data contains a NUL character (\\u0000), which cannot be stored.", param);
  }
  throw e;
}

export async function listPresets(userId: string, kind: string): Promise<PresetDto[]> {
  const db = await getDb();
  const rows = await db.query<PresetRow>(
    `select ${COLUMNS} from presets where user_id = $1 and kind = $2 order by lower(name), id`,
    [userId, checkKind(kind)],
  );
  return rows.map(toDto);
}

export async function createPreset(
  userId: string,
  input: { name: string; kind: string; state: unknown },
): Promise<PresetDto> {
  const kind = checkKind(input.kind);
  const name = checkName(input.name);
  const state = serializeState(input.state);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Lock the owner's row so two concurrent saves cannot both slip under the cap.
    const [owner] = await tx.query<{ n: number }>(
      "select (select count(*)::int from presets where user_id = $1) as n from users where id = $1 for update",
      [userId],
    );
    if (!owner) throw errors.notFound(`No user with id ${userId}.`);
    if (owner.n >= PRESETS_PER_USER_MAX) {
      throw errors.badRequest(
        `You have ${PRESETS_PER_USER_MAX} presets, the most one account may keep. Delete some before saving more.`,
        null,
        "preset_limit",
      );
    }
    const rows = await tx
      .query<PresetRow>(
        `insert into presets (id, user_id, name, kind, state) values ($1, $2, $3, $4, $5::jsonb)
         on conflict do nothing returning ${COLUMNS}`,
        [randomId("pst"), userId, name, kind, state],
      )
      .catch((e) => rethrowJsonProblem(e, "state"));
    const row = rows[0];
    if (!row) throw duplicate(name);
    return toDto(row);
  });
}

/** Renames and/or replaces the state of one of the user's own presets; anyone else's is "not found". */
export async function updatePreset(
  userId: string,
  id: string,
  patch: { name?: string; state?: unknown },
): Promise<PresetDto> {
  if (patch.name === undefined && patch.state === undefined) throw errors.badRequest("Nothing to change.");
  const name = patch.name === undefined ? null : checkName(patch.name);
  const state = patch.state === undefined ? null : serializeState(patch.state);
  const db = await getDb();
  let rows: PresetRow[];
  try {
    rows = await db.query<PresetRow>(
      `update presets set name = coalesce($3, name), state = coalesce($4::jsonb, state), updated_at = now()
        where id = $1 and user_id = $2 returning ${COLUMNS}`,
      [id, userId, name, state],
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(name ?? "");
    rethrowJsonProblem(e, "state");
  }
  const row = rows[0];
  if (!row) throw errors.notFound(`No preset with id ${id}.`);
  return toDto(row);
}

export async function deletePreset(userId: string, id: string): Promise<void> {
  const db = await getDb();
  const rows = await db.query<{ id: string }>(
    "delete from presets where id = $1 and user_id = $2 returning id",
    [id, userId],
  );
  if (!rows[0]) throw errors.notFound(`No preset with id ${id}.`);
}
