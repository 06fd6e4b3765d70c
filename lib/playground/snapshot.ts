import * as z from "zod/mini";
import { newId } from "@/lib/ids";
import { PARAM_BOUNDS } from "@/lib/openai-facts";
import type { TokenUsage } from "@/lib/usage";
import "@/lib/zod-locale";
import { defaultSetup } from "./defaults";
import {
  choiceSchema,
  isInlineImage,
  MAX_COLUMNS,
  type Message,
  type OmittedImage,
  type Setup,
  setupSchema,
} from "./types";

/**
 * What a share link or preset freezes: the setup (model, parameters, messages, tools, schema), the
 * compare columns, and the outputs of the last runs. Plain JSON with no credentials: the server
 * refuses a snapshot that contains anything shaped like a key. The draft in localStorage, presets
 * and snapshots are all read through the schemas here, in the browser and on the server.
 */

const usageSchema = z.object({
  input: z.number(),
  cached: z.number(),
  output: z.number(),
  reasoning: z.number(),
}) satisfies z.ZodMiniType<TokenUsage>;

export const snapshotOutputSchema = z.object({
  model: z.string(),
  choices: z.array(choiceSchema).check(z.maxLength(PARAM_BOUNDS.n.max)),
  usage: z.nullable(usageSchema),
  error: z.nullable(z.string()),
});

export const columnSchema = z.object({
  id: z.string(),
  /** Model, API and parameters of this column; messages and instructions come from the main setup. */
  setup: setupSchema,
});
export type Column = z.infer<typeof columnSchema>;

export const playgroundSnapshotSchema = z.object({
  version: z.literal(1),
  setup: setupSchema,
  compare: z.boolean(),
  columns: z.array(columnSchema).check(z.maxLength(MAX_COLUMNS)),
  /** By target: "main" or a column id. */
  outputs: z
    .record(z.string(), snapshotOutputSchema)
    .check(
      z.refine(
        (o) => Object.keys(o).length <= MAX_COLUMNS + 1,
        "At most one output per column and the main one.",
      ),
    ),
});
export type PlaygroundSnapshot = z.infer<typeof playgroundSnapshotSchema>;

/** The playground's draft as persisted in localStorage. */
export const draftSchema = z.object({
  setup: setupSchema,
  columns: z.array(columnSchema).check(z.maxLength(MAX_COLUMNS)),
  compare: z.boolean(),
});
export type Draft = z.infer<typeof draftSchema>;

/** A preset's state: the setup alone. */
export const presetStateSchema = z.object({ setup: setupSchema });
export type PresetState = z.infer<typeof presetStateSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; path: string; message: string };

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Fields a setup saved by an older build may lack are filled from the defaults; a number that
 * JSON turned into null (Infinity, NaN) means "not set". Wrong types are left for the schema to
 * report.
 */
function fillSetup(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const base = defaultSetup();
  const merge = (key: "params" | "builtinTools", value: unknown) => {
    if (value === undefined) return base[key];
    if (!isRecord(value)) return value;
    const own = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null || key !== "params"));
    return { ...base[key], ...own };
  };
  return {
    ...base,
    ...raw,
    messages: Array.isArray(raw.messages)
      ? raw.messages.map((m) => (isRecord(m) && m.images === undefined ? { ...m, images: [] } : m))
      : (raw.messages ?? base.messages),
    params: merge("params", raw.params),
    builtinTools: merge("builtinTools", raw.builtinTools),
  };
}

function fillColumns(raw: unknown): unknown {
  return Array.isArray(raw) ? raw.map((c) => (isRecord(c) ? { ...c, setup: fillSetup(c.setup) } : c)) : raw;
}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown): Parsed<T> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return {
    ok: false,
    path: issue?.path.map(String).join(".") ?? "",
    message: issue?.message ?? "Invalid value.",
  };
}

/** "setup.params.stop: Invalid input: expected array, received string". */
export function describeProblem(p: { path: string; message: string }): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export function readPlaygroundSnapshot(raw: unknown): Parsed<PlaygroundSnapshot> {
  const value = isRecord(raw)
    ? {
        ...raw,
        setup: fillSetup(raw.setup),
        columns: fillColumns(raw.columns === undefined ? [] : raw.columns),
        outputs: raw.outputs === undefined ? {} : raw.outputs,
      }
    : raw;
  return parse(playgroundSnapshotSchema, value);
}

export function readDraft(raw: unknown): Parsed<Draft> {
  const value = isRecord(raw)
    ? {
        setup: fillSetup(raw.setup === undefined ? {} : raw.setup),
        columns: fillColumns(raw.columns === undefined ? [] : raw.columns),
        compare: raw.compare === undefined ? false : raw.compare,
      }
    : raw;
  return parse(draftSchema, value);
}

export function readPresetState(raw: unknown): Parsed<PresetState> {
  return parse(presetStateSchema, isRecord(raw) ? { ...raw, setup: fillSetup(raw.setup) } : raw);
}

/** A parsed setup with fresh message ids, ready to become the draft. */
export function restoreSetup(setup: Setup): Setup {
  return { ...structuredClone(setup), messages: setup.messages.map((m) => ({ ...m, id: newId() })) };
}

/**
 * F12: a share keeps images only inline (data: URLs). Each remote image becomes an omitted image:
 * its URL kept as text, which the viewer may open or add back, but no browser fetches by itself.
 */
export function withoutRemoteImages(snap: PlaygroundSnapshot): PlaygroundSnapshot {
  const message = (m: Message): Message => {
    const remote = m.images.filter((i) => !isInlineImage(i.url));
    if (!remote.length) return m;
    const omitted: OmittedImage[] = remote.map((i) => ({
      url: i.url,
      detail: i.detail,
      ...(i.name === undefined ? {} : { name: i.name }),
    }));
    return {
      ...m,
      images: m.images.filter((i) => isInlineImage(i.url)),
      omittedImages: [...(m.omittedImages ?? []), ...omitted],
    };
  };
  const setup = (s: Setup): Setup => ({ ...s, messages: s.messages.map(message) });
  return {
    ...snap,
    setup: setup(snap.setup),
    columns: snap.columns.map((c) => ({ ...c, setup: setup(c.setup) })),
  };
}
